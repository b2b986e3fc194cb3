/**
 * Turn paragraph text models into RawBlocks: generated labels and joins are source-less
 * segments, paragraph text keeps a source per paragraph, and normalizeSegments does the
 * whitespace work while keeping the offsets exact.
 */
import type { Element } from '@xmldom/xmldom';
import { detectLabel } from '../clause-labels.ts';
import { normalizeSegments } from '../normalize-text.ts';
import type { Segment } from '../normalize-text.ts';
import type { RawBlock, RawPiece, RawSource } from '../raw-document.ts';
import type { BlockKind, TableCellRef } from '../types.ts';
import { W14_NS } from './ooxml-dom.ts';
import { docxParagraphText } from './paragraph-text.ts';

/** A DOCX source with offset 0; pieces get their real offsets from normalization. */
export type DocxSource = Extract<RawSource, { type: 'docx' }>;

/** The segments of one paragraph: its generated label (if any) and its text model. */
export function paragraphSegments(p: Element, part: string, index: number, generatedLabel: string | null): Segment<DocxSource>[] {
  const source: DocxSource = { type: 'docx', part, paragraph: index, offset: 0 };
  const paraId = p.getAttributeNS(W14_NS, 'paraId');
  if (paraId) source.paraId = paraId;
  const segments: Segment<DocxSource>[] = [];
  if (generatedLabel) segments.push({ text: `${generatedLabel} `, source: null });
  segments.push({ text: docxParagraphText(p).text, source });
  return segments;
}

/** Options for one block. */
export interface BlockShape {
  kind: BlockKind;
  level?: number;
  generatedLabel: string | null;
  table?: TableCellRef;
  /** Headings and paragraphs may carry a typed label ("4.2 Recoupment"); table cells never do. */
  detectTypedLabel: boolean;
}

/** Build one block, or null when the text is empty after normalization. */
export function buildBlock(segments: Segment<DocxSource>[], shape: BlockShape): RawBlock | null {
  const { text, pieces } = normalizeSegments(segments);
  if (text.length === 0 || pieces.length === 0) return null;
  const block: RawBlock = {
    kind: shape.kind,
    text,
    pieces: pieces.map((piece): RawPiece => ({ start: piece.start, end: piece.end, source: { ...piece.source, offset: piece.sourceOffset } })),
  };
  const label = shape.generatedLabel ?? (shape.detectTypedLabel ? detectLabel(text)?.label : undefined);
  if (label) block.label = label;
  if (shape.level !== undefined) block.level = shape.level;
  if (shape.table) block.table = shape.table;
  return block;
}
