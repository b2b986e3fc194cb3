/**
 * Turns an extractor's RawDocument into the ContractDocument every later stage reads:
 * one text with "\n\n" between blocks, absolute offsets, labels, sections and parties.
 */
import { detectLabel } from './clause-labels.ts';
import { detectParties } from './parties.ts';
import type { RawDocument } from './raw-document.ts';
import { buildSections } from './sections.ts';
import type { Block, ContractDocument, DocxSourceSpan, PdfSourceSpan } from './types.ts';

/** Separator between blocks in `ContractDocument.text`. */
export const BLOCK_SEPARATOR = '\n\n';

/** Assemble the final document; `name` and `sha256` describe the original file. */
export function assembleDocument(raw: RawDocument, meta: { name: string; sha256: string }): ContractDocument {
  const blocks: Block[] = [];
  const pdfSpans: PdfSourceSpan[] = [];
  const docxSpans: DocxSourceSpan[] = [];
  let text = '';

  for (const rawBlock of raw.blocks) {
    if (rawBlock.text.length === 0) continue;
    if (text.length > 0) text += BLOCK_SEPARATOR;
    const start = text.length;
    text += rawBlock.text;
    const block: Block = { id: `b${blocks.length}`, kind: rawBlock.kind, start, end: text.length };
    const label = rawBlock.label ?? (rawBlock.kind === 'table-cell' ? undefined : detectLabel(rawBlock.text)?.label);
    if (label) block.label = label;
    if (rawBlock.level !== undefined) block.level = rawBlock.level;
    if (rawBlock.page !== undefined) block.page = rawBlock.page;
    if (rawBlock.table) block.table = rawBlock.table;
    blocks.push(block);

    for (const piece of rawBlock.pieces) {
      const range = { start: start + piece.start, end: start + piece.end };
      const source = piece.source;
      if (source.type === 'pdf') {
        pdfSpans.push({ ...range, page: source.page, rect: source.rect });
      } else {
        const span: DocxSourceSpan = { ...range, part: source.part, paragraph: source.paragraph, offset: source.offset };
        if (source.paraId) span.paraId = source.paraId;
        docxSpans.push(span);
      }
    }
  }

  const document: ContractDocument = {
    name: meta.name,
    format: raw.format,
    sha256: meta.sha256,
    text,
    blocks,
    sections: buildSections(text, blocks),
    sourceMap: raw.format === 'pdf' ? { format: 'pdf', spans: pdfSpans } : { format: 'docx', spans: docxSpans },
    parties: { payer: { role: 'payer', terms: [], evidence: [] }, provider: { role: 'provider', terms: [], evidence: [] }, detected: false },
    warnings: raw.warnings,
  };
  if (raw.pages !== undefined) document.pages = raw.pages;
  if (raw.running) document.running = raw.running;
  if (raw.printedPages) document.printedPages = raw.printedPages;
  document.parties = detectParties(document);
  return document;
}
