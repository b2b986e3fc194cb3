/** A parsed "PDF" built by hand from blocks of text: the redline package only reads text and blocks. */
import type { Block, ContractDocument } from '@redliner/parser';

/** One block: its kind, label, table position and text. */
export type BlockSpec = Omit<Block, 'start' | 'end' | 'id'> & { text: string };

/** A ContractDocument of format pdf whose blocks are `parts`, separated as the parser separates them. */
export function textDocument(parts: BlockSpec[]): ContractDocument {
  let text = '';
  const blocks: Block[] = parts.map(({ text: t, ...rest }, i) => {
    if (text) text += '\n\n';
    const block = { id: `b${i}`, start: text.length, end: text.length + t.length, page: 1, ...rest };
    text += t;
    return block;
  });
  return { name: 'draft.pdf', format: 'pdf', sha256: '', pages: 1, text, blocks, sections: [], sourceMap: { format: 'pdf', spans: [] }, parties: { payer: { role: 'payer', terms: ['Plan'], evidence: [] }, provider: { role: 'provider', terms: ['Provider'], evidence: [] }, detected: false }, warnings: [] };
}
