/**
 * Turns paragraphs and table cells (lists of lines) into RawBlocks: normalized text plus pieces
 * that point back at the page and the rectangle of each text item.
 */
import { detectLabel } from '../clause-labels.ts';
import { normalizeSegments, type Segment } from '../normalize-text.ts';
import type { RawBlock, RawPiece } from '../raw-document.ts';
import type { BlockKind, TableCellRef } from '../types.ts';
import { leadingWord, shouldJoin, trailingHyphenWord, type Vocabulary } from './dehyphenate.ts';
import { isBullet } from './line-roles.ts';
import type { PdfItem, TextLine } from './pdf-types.ts';
import { needsSpace } from './text-lines.ts';

// Share of the font size above the baseline that glyphs reach (ascent) and below it (descent).
const ASCENT = 0.8;
const DESCENT = 0.2;

/** Segments for a run of lines, with end-of-line hyphens resolved against the vocabulary. */
export function lineSegments(lines: readonly TextLine[], vocab: Vocabulary): Segment<PdfItem>[] {
  const segments: Segment<PdfItem>[] = [];
  lines.forEach((line, index) => {
    const next = lines[index + 1];
    let prev: PdfItem | undefined;
    const items = line.fragments.flatMap((f) => f.items);
    items.forEach((item, i) => {
      if (prev && needsSpace(prev, item)) segments.push({ text: ' ', source: null });
      prev = item;
      const last = i === items.length - 1;
      if (last && next) {
        const before = trailingHyphenWord(line.text);
        const after = leadingWord(next.text);
        if (before && after) {
          const soft = line.text.endsWith('\u00ad');
          // Drop the hyphen character only; offsets of the item's other characters stay valid.
          if (shouldJoin(before, after, vocab, soft)) segments.push({ text: item.str.replace(/[-\u00ad]\s*$/, ''), source: item });
          else segments.push({ text: item.str.replace(/\s+$/, ''), source: item });
          return;
        }
      }
      segments.push({ text: item.str, source: item });
    });
    if (next) {
      const glued = trailingHyphenWord(line.text) !== null && leadingWord(next.text) !== null;
      if (!glued) segments.push({ text: ' ', source: null });
    }
  });
  return segments;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Build a RawBlock from lines; returns null when the lines hold no visible text. */
export function makeBlock(
  lines: readonly TextLine[],
  vocab: Vocabulary,
  kind: BlockKind,
  extra: { level?: number; table?: TableCellRef } = {},
): RawBlock | null {
  const { text, pieces } = normalizeSegments(lineSegments(lines, vocab));
  if (!text) return null;
  const rawPieces: RawPiece[] = pieces.map((piece) => {
    const item = piece.source;
    const len = Math.max(1, item.str.length);
    const from = Math.min(1, piece.sourceOffset / len);
    const to = Math.min(1, (piece.sourceOffset + piece.end - piece.start) / len);
    const rect = {
      x: round(item.x + item.width * from),
      y: round(item.baseline - item.size * ASCENT),
      width: round(item.width * (to - from)),
      height: round(item.size * (ASCENT + DESCENT)),
    };
    return { start: piece.start, end: piece.end, source: { type: 'pdf', page: item.page, rect } };
  });
  const block: RawBlock = { kind: kind === 'paragraph' && isBullet(text) ? 'list-item' : kind, text, pieces: rawPieces, page: lines[0]!.page };
  const label = detectLabel(text);
  if (label) block.label = label.label;
  if (extra.level !== undefined) block.level = extra.level;
  if (extra.table) block.table = extra.table;
  return block;
}
