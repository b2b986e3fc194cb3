/**
 * Groups items into lines by baseline and splits each line into fragments at wide gaps.
 * Fragments are what column and table detection reason about.
 */
import type { Fragment, PdfItem, TextLine } from './pdf-types.ts';

// A gap wider than this many font sizes is a gutter, a table column or a redaction box, not a space.
const FRAGMENT_GAP = 1.2;
// Items whose baselines differ by less than this many font sizes share a line.
const BASELINE_TOLERANCE = 0.4;
// A gap wider than this many font sizes between items means a word space.
const SPACE_GAP = 0.15;

/** Text of a run of items, inserting a space where the items are visibly apart. */
export function itemsText(items: readonly PdfItem[]): string {
  let text = '';
  let prev: PdfItem | undefined;
  for (const item of items) {
    if (prev && needsSpace(prev, item)) text += ' ';
    text += item.str;
    prev = item;
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** True when a reader would see a space between two consecutive items of a line. */
export function needsSpace(prev: PdfItem, next: PdfItem): boolean {
  if (/\s$/.test(prev.str) || /^\s/.test(next.str)) return false;
  const gap = next.x - (prev.x + prev.width);
  return gap > SPACE_GAP * Math.min(prev.size, next.size);
}

/** Build a line from items that share a baseline (items sorted by x here). */
export function makeLine(items: PdfItem[]): TextLine {
  const sorted = [...items].sort((a, b) => a.x - b.x);
  const fragments: Fragment[] = [];
  let current: Fragment | undefined;
  for (const item of sorted) {
    const right = item.x + item.width;
    if (current && item.x - current.x1 <= FRAGMENT_GAP * item.size) {
      current.items.push(item);
      current.x1 = Math.max(current.x1, right);
    } else {
      current = { items: [item], x0: item.x, x1: right };
      fragments.push(current);
    }
  }
  return lineFromFragments(fragments);
}

/** A line made of the given fragments (already in x order). */
export function lineFromFragments(fragments: Fragment[]): TextLine {
  const first = fragments[0]!.items[0]!;
  const sizes = new Map<number, number>();
  let baseline = 0;
  let count = 0;
  for (const fragment of fragments) {
    for (const item of fragment.items) {
      const key = Math.round(item.size * 2) / 2;
      sizes.set(key, (sizes.get(key) ?? 0) + item.str.length);
      baseline += item.baseline;
      count++;
    }
  }
  let size = first.size;
  let best = -1;
  for (const [key, weight] of sizes) if (weight > best) [size, best] = [key, weight];
  return {
    page: first.page,
    baseline: baseline / count,
    size,
    x0: fragments[0]!.x0,
    x1: Math.max(...fragments.map((f) => f.x1)),
    fragments,
    text: fragments.map((f) => itemsText(f.items)).join(' '),
  };
}

/** Cluster a page's items into lines, top to bottom. */
export function buildLines(items: readonly PdfItem[]): TextLine[] {
  const sorted = [...items].sort((a, b) => a.baseline - b.baseline || a.x - b.x);
  const groups: PdfItem[][] = [];
  let group: PdfItem[] = [];
  let anchor = 0;
  let anchorSize = 0;
  for (const item of sorted) {
    if (group.length > 0 && Math.abs(item.baseline - anchor) <= BASELINE_TOLERANCE * Math.min(anchorSize, item.size)) {
      group.push(item);
      continue;
    }
    if (group.length > 0) groups.push(group);
    group = [item];
    anchor = item.baseline;
    anchorSize = item.size;
  }
  if (group.length > 0) groups.push(group);
  return groups.map(makeLine);
}
