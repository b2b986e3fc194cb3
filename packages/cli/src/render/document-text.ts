/** A readable terminal rendering of a ContractDocument: one block per paragraph, headings set off. */
import type { ContractDocument } from '@redliner/parser';

/** Render for people reading a terminal (the default `--format text`). */
export function renderDocumentText(document: ContractDocument): string {
  const lines: string[] = [];
  const { payer, provider } = document.parties;
  const pages = document.pages !== undefined ? `, ${document.pages} pages` : '';
  lines.push(`${document.name} (${document.format.toUpperCase()}${pages}, ${document.blocks.length} blocks)`);
  lines.push(`Payer: ${payer.name ?? '(name not found)'}, called ${payer.terms.map((t) => `"${t}"`).join(', ')}`);
  lines.push(`Provider: ${provider.name ?? '(name not found)'}, called ${provider.terms.map((t) => `"${t}"`).join(', ')}`);
  lines.push('');
  let lastTable = -1;
  for (const block of document.blocks) {
    const text = document.text.slice(block.start, block.end);
    if (block.kind === 'heading') {
      lines.push('', text, '-'.repeat(Math.min(text.length, 72)), '');
    } else if (block.kind === 'table-cell' && block.table) {
      if (block.table.table !== lastTable) lines.push('');
      lastTable = block.table.table;
      lines.push(`  [row ${block.table.row + 1}, col ${block.table.col + 1}] ${text}`);
    } else {
      const indent = block.kind === 'list-item' && block.level ? '  '.repeat(Math.max(0, block.level - 1)) : '';
      lines.push(`${indent}${text}`, '');
    }
  }
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}
