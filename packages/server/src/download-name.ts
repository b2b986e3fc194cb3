/** `Content-Disposition` for downloads named after the contract. */

/** `attachment; filename=…` for "<contract name without extension>.<suffix>", safe for any characters in the name. */
export function attachment(contractName: string, suffix: string): string {
  const file = `${contractName.replace(/\.[^.]+$/, '') || 'contract'}.${suffix}`;
  const ascii = file.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file)}`;
}
