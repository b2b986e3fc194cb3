/** The redlined file's name, the same from the CLI and the server, so the internal copy is never mistaken for the payer's. */
import type { Audience } from './decisions.ts';

/** "<contract> - redline.docx" for the payer, "<contract> - internal redline.docx" for the provider's own copy. */
export function redlineFileName(contractName: string, audience: Audience): string {
  const stem = contractName.replace(/\.[^.]+$/, '').trim() || 'contract';
  return `${stem} - ${audience === 'internal' ? 'internal redline' : 'redline'}.docx`;
}

/** "<contract> - issues list.xlsx" for the payer, "<contract> - internal issues list.xlsx" for the provider's own copy. */
export function issuesListFileName(contractName: string, audience: Audience, extension: 'docx' | 'xlsx' | 'csv'): string {
  const stem = contractName.replace(/\.[^.]+$/, '').trim() || 'contract';
  return `${stem} - ${audience === 'internal' ? 'internal issues list' : 'issues list'}.${extension}`;
}
