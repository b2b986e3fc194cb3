/** `Content-Disposition` for downloads named after the contract. */

/** `attachment; filename=…` for "<contract name without extension>.<suffix>", safe for any characters in the name. */
export function attachment(contractName: string, suffix: string): string {
  return attachmentFile(`${contractName.replace(/\.[^.]+$/, '') || 'contract'}.${suffix}`);
}

/** `attachment; filename=…` for a whole file name, safe for any characters in it. */
export function attachmentFile(file: string): string {
  const ascii = file.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file)}`;
}
