/**
 * Two-column pages: find a vertical gutter that most lines do not cross, then read each band
 * between full-width lines left column first, right column second.
 */
import { lineFromFragments } from './text-lines.ts';
import type { TextLine } from './pdf-types.ts';

const MIN_SIDE_LINES = 5;
const MIN_GUTTER = 6;
// A gutter may be crossed by titles and full-width paragraphs, but not by most lines.
const MAX_CROSSING = 0.3;

/** The gutter's x range on this page, or null for a single-column page. */
export function findGutter(lines: readonly TextLine[]): { x0: number; x1: number } | null {
  if (lines.length < MIN_SIDE_LINES * 2) return null;
  const minX = Math.min(...lines.map((l) => l.x0));
  const maxX = Math.max(...lines.map((l) => l.x1));
  const span = maxX - minX;
  if (span < 100) return null;
  const bins = Math.ceil(span);
  const cover = new Uint16Array(bins + 1);
  // Full-width lines (title block, authors, a spanning paragraph) say nothing about a gutter
  // below them; the crossing check further down still rejects pages made mostly of them.
  const columnLines = lines.filter((line) => !line.fragments.some((f) => f.x1 - f.x0 > span * 0.6));
  for (const line of columnLines) {
    for (const f of line.fragments) {
      const from = Math.max(0, Math.floor(f.x0 - minX));
      const to = Math.min(bins, Math.ceil(f.x1 - minX));
      for (let i = from; i <= to; i++) cover[i]!++;
    }
  }
  // Only the middle of the text area can hold a gutter: a label column at the margin is a hanging indent.
  const lo = Math.floor(span * 0.25);
  const hi = Math.ceil(span * 0.75);
  const limit = Math.max(1, Math.floor(columnLines.length * MAX_CROSSING * 0.5));
  let best: { from: number; to: number } | null = null;
  let runStart = -1;
  for (let i = lo; i <= hi + 1; i++) {
    const open = i <= hi && cover[i]! <= limit;
    if (open && runStart < 0) runStart = i;
    if (!open && runStart >= 0) {
      if (!best || i - runStart > best.to - best.from) best = { from: runStart, to: i };
      runStart = -1;
    }
  }
  if (!best || best.to - best.from < MIN_GUTTER) return null;
  const gutter = { x0: minX + best.from, x1: minX + best.to };
  let left = 0;
  let right = 0;
  let crossing = 0;
  for (const line of lines) {
    const l = line.fragments.some((f) => f.x1 <= gutter.x0 + 1);
    const r = line.fragments.some((f) => f.x0 >= gutter.x1 - 1);
    if (line.fragments.some((f) => f.x0 < gutter.x0 && f.x1 > gutter.x1)) crossing++;
    else {
      if (l) left++;
      if (r) right++;
    }
  }
  if (left < MIN_SIDE_LINES || right < MIN_SIDE_LINES || crossing > lines.length * MAX_CROSSING) return null;
  return gutter;
}

/** A line in reading order and which column it belongs to. */
export interface OrderedLine {
  line: TextLine;
  /** True for the first line of a right column (the reader jumps up the page). */
  columnBreak: boolean;
  side: 'full' | 'left' | 'right';
}

/** Reading order for a page's lines: left column, then right column, band by band. */
export function orderColumns(lines: readonly TextLine[]): OrderedLine[] {
  const gutter = findGutter(lines);
  if (!gutter) return lines.map((line) => ({ line, columnBreak: false, side: 'full' }));
  const mid = (gutter.x0 + gutter.x1) / 2;
  const out: OrderedLine[] = [];
  let left: TextLine[] = [];
  let right: TextLine[] = [];
  const flush = () => {
    for (const line of left) out.push({ line, columnBreak: false, side: 'left' });
    right.forEach((line, i) => out.push({ line, columnBreak: i === 0 && left.length > 0, side: 'right' }));
    left = [];
    right = [];
  };
  for (const line of lines) {
    if (line.fragments.some((f) => f.x0 < mid && f.x1 > mid)) {
      flush();
      out.push({ line, columnBreak: false, side: 'full' });
      continue;
    }
    const l = line.fragments.filter((f) => f.x1 <= mid);
    const r = line.fragments.filter((f) => f.x0 >= mid);
    if (l.length > 0) left.push(l.length === line.fragments.length ? line : lineFromFragments(l));
    if (r.length > 0) right.push(r.length === line.fragments.length ? line : lineFromFragments(r));
  }
  flush();
  return out;
}
