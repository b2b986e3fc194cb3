/** The redlined file's name, the same from the CLI and the server, so the internal copy is never mistaken for the payer's. */
import type { Audience } from './decisions.ts';
import type { IssuesListFormat } from './issues/issues-file.ts';

/** The contract's name without its extension, the start of every file made from it. */
function stemOf(contractName: string): string {
  return contractName.replace(/\.[^.]+$/, '').trim() || 'contract';
}

/** "<contract> - redline.docx" for the payer, "<contract> - internal redline.docx" for the provider's own copy. */
export function redlineFileName(contractName: string, audience: Audience): string {
  return `${stemOf(contractName)} - ${audience === 'internal' ? 'internal redline' : 'redline'}.docx`;
}

/** "<contract> - issues list.xlsx" for the payer, "<contract> - internal issues list.xlsx" for the provider's own copy. */
export function issuesListFileName(contractName: string, audience: Audience, extension: IssuesListFormat): string {
  return `${stemOf(contractName)} - ${audience === 'internal' ? 'internal issues list' : 'issues list'}.${extension}`;
}
