/**
 * Where a range of the contract text sits on the PDF pages: the rectangles to highlight for a
 * finding. Computed from the source map, so the server can send each finding's boxes instead of
 * the whole map, and every view that highlights on the page agrees on one definition.
 */
import type { PageRect, PdfSourceSpan, SourceMap, TextRange } from './types.ts';

/** A rectangle on one PDF page (PDF points, top-left origin, as `PageRect`). */
export interface PageBox extends PageRect {
  /** 1-based page number. */
  page: number;
}

// Two pieces of one line are joined when they share a baseline band and the gap between them is
// under a word space; this keeps a highlight one box per line instead of one per text item.
const SAME_LINE = 0.5;
const JOIN_GAP_EM = 0.6;

const round = (n: number): number => Math.round(n * 100) / 100;

/** Index of the first span that ends after `offset` (spans are sorted and never overlap). */
function firstSpanAfter(spans: readonly PdfSourceSpan[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The part of `span`'s rectangle that holds the characters `range` covers (characters are spread evenly over the piece). */
function clip(span: PdfSourceSpan, range: TextRange): PageBox {
  const length = Math.max(1, span.end - span.start);
  const from = Math.max(0, range.start - span.start) / length;
  const to = Math.min(length, range.end - span.start) / length;
  const { x, y, width, height } = span.rect;
  return { page: span.page, x: x + width * from, y, width: width * (to - from), height };
}

function joinable(a: PageBox, b: PageBox): boolean {
  if (a.page !== b.page || Math.abs(a.y - b.y) > SAME_LINE || Math.abs(a.height - b.height) > SAME_LINE) return false;
  const gap = b.x - (a.x + a.width);
  return gap > -SAME_LINE && gap < a.height * JOIN_GAP_EM;
}

/**
 * The page rectangles of `range` in a PDF's source map, in reading order, one per run of a
 * line; empty for a Word document or a range with no characters on a page (the blank lines
 * between blocks, a generated label).
 */
export function pageBoxes(sourceMap: SourceMap, range: TextRange): PageBox[] {
  if (sourceMap.format !== 'pdf' || range.end <= range.start) return [];
  const spans = sourceMap.spans;
  const boxes: PageBox[] = [];
  for (let i = firstSpanAfter(spans, range.start); i < spans.length && spans[i]!.start < range.end; i++) {
    const box = clip(spans[i]!, range);
    if (box.width <= 0) continue;
    const last = boxes[boxes.length - 1];
    if (last && joinable(last, box)) last.width = box.x + box.width - last.x;
    else boxes.push(box);
  }
  return boxes.map((b) => ({ page: b.page, x: round(b.x), y: round(b.y), width: round(b.width), height: round(b.height) }));
}
