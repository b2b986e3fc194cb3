/**
 * Findings made from a document's structure rather than from rules, for files the payer-core
 * ruleset finds nothing in (test documents of other producers, papers): they put a tracked
 * change where redlines break most easily, so the accepted-text and Reject-All checks have
 * something to judge there. A whole sentence replaced, a sentence deleted, a sentence added at
 * a paragraph's end, a new paragraph after the last paragraph of a table cell and after the
 * document's last block. Only characters the parser maps to the file are targeted.
 */
import type { Block, ContractDocument } from '@redliner/parser';
import type { Finding, Redline } from '@redliner/rules';

// Wording of our own, plain enough to sit in any document.
const REPLACEMENT = 'The parties shall confirm this point in writing before it applies.';
const ADDED_SENTENCE = ' Either party may ask the other for a written summary of this point.';
const NEW_CLAUSE = 'Each party shall keep a copy of this document with its records.';

const paired = (s: string) => [/[()]/g, /[[\]]/g, /[“”]/g, /"/g].every((re, i) => {
  const marks = s.match(re) ?? [];
  if (i === 3) return marks.length % 2 === 0;
  const open = marks.filter((c) => c === '(' || c === '[' || c === '“').length;
  return open * 2 === marks.length;
});

/** Whole sentences of a block: [start, end) in document text, ending with their period. */
function sentences(document: ContractDocument, block: Block): Array<[number, number]> {
  const text = document.text.slice(block.start, block.end);
  const out: Array<[number, number]> = [];
  // A sentence starts the block or follows a sentence end, and holds its brackets and quotes whole.
  for (const m of text.matchAll(/(?<=^|[.!?]\s+)[A-Z][^.!?\n]{25,300}[.!?](?=\s|$)/g)) {
    if (!paired(m[0])) continue;
    out.push([block.start + m.index, block.start + m.index + m[0].length]);
  }
  return out;
}

/** Synthetic findings for `document`, at most one of each kind. */
export function structureFindings(document: ContractDocument): Finding[] {
  const spans = document.sourceMap.format === 'docx' ? document.sourceMap.spans : null;
  // For a DOCX, only characters inside one run of the file can be changed as a tracked change.
  const mapped = (start: number, end: number) => !spans || spans.some((s) => s.start <= start && end <= s.end);
  const findings: Finding[] = [];
  // The finding's span is what its comment marks: the changed words, or the block an insertion follows.
  const add = (kind: string, anchor: { start: number; end: number }, redline: Redline) => findings.push({
    id: `${kind}@${anchor.start}`, ruleId: kind, concept: 'test', severity: 'low', kind: 'presence',
    message: `Structure test: ${kind}.`, explanation: 'A test change.', span: anchor,
    quote: document.text.slice(anchor.start, anchor.end), location: {}, references: [], redline,
  });
  const prose = document.blocks.filter((b) => b.kind === 'paragraph' || b.kind === 'list-item');
  const used = new Set<Block>();
  const pick = (test: (b: Block, s: Array<[number, number]>) => [number, number] | undefined) => {
    for (const block of prose) {
      if (used.has(block)) continue;
      const hit = test(block, sentences(document, block));
      if (hit && mapped(hit[0], hit[1])) {
        used.add(block);
        return hit;
      }
    }
    return undefined;
  };
  const replaced = pick((_, s) => s[0]);
  if (replaced) add('replace-sentence', { start: replaced[0], end: replaced[1] }, { op: 'replace', span: { start: replaced[0], end: replaced[1] }, text: REPLACEMENT, alternatives: [] });
  const deleted = pick((_, s) => (s.length >= 2 ? s[1] : undefined));
  if (deleted) add('delete-sentence', { start: deleted[0], end: deleted[1] }, { op: 'delete', span: { start: deleted[0], end: deleted[1] }, text: '', alternatives: [] });
  const extended = pick((b, s) => (s.length > 0 && s.at(-1)![1] === b.end ? s.at(-1) : undefined));
  if (extended) add('add-sentence', { start: extended[0], end: extended[1] }, { op: 'insert', insertAt: extended[1], text: ADDED_SENTENCE, alternatives: [] });
  // The last block of a table cell, then the document's last block: paragraphs whose mark cannot be removed.
  const cells = document.blocks.filter((b) => b.kind === 'table-cell' && document.text.slice(b.start, b.end).trim().length > 0);
  const lastCell = cells.at(-1);
  if (lastCell) add('clause-after-cell', lastCell, { op: 'insert', insertAt: lastCell.end, text: NEW_CLAUSE, alternatives: [], newParagraph: true });
  const last = document.blocks.at(-1);
  if (last && last !== lastCell) add('clause-at-end', last, { op: 'insert', insertAt: last.end, text: NEW_CLAUSE.replace('Each party', 'Either party'), alternatives: [], newParagraph: true });
  return findings;
}
