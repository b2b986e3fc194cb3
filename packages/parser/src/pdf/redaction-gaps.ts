/**
 * Redaction gaps inside a line: a name blacked out of the text layer leaves a hole of 3–7 font
 * sizes between two runs of a sentence ("Provider agrees that ▇▇▇▇ may deny"). A wide gap is also
 * what table columns, two-column gutters, tab stops after a clause number and justified spacing
 * look like, so a gap counts only with evidence that text once filled it:
 *
 * - a filled dark box inside it (when the page's drawing was read, for its ruled tables);
 * - the lines just above or below run through it as prose, where a column gutter or a tab stop
 *   would leave the same gap in them (a vertical channel);
 * - after a lone clause number, only when the paragraph's own next line runs under the gap (the
 *   text column starts left of where this line's text resumes), or the page's other clause
 *   numbers at that x start their text at a tab stop this one also fits before;
 * - and the sentence runs on through it ("that ▇▇▇ may", "of ▇▇▇ Tennessee"), where a table
 *   row or a signature block ("EUTECTIX, LLC      LIQUIDMETAL, INC.") does not.
 *
 * A false `[REDACTED]` in ordinary text misleads more than a missed one, so doubt means no.
 */
import { detectLabel } from '../clause-labels.ts';
import { findGutter } from './columns.ts';
import type { FilledBox, Fragment, PdfItem, TextLine } from './pdf-types.ts';
import { placeholder, runsOn } from './redaction.ts';
import { makeLine } from './text-lines.ts';

// Gaps narrower than this many font sizes are spacing (justified text stretches up to ~1.5).
const MIN_GAP = 2.5;
// A neighbour line further than this many font sizes (baseline to baseline) is another block.
const NEIGHBOUR_REACH = 2.6;
// In a justified line of single-word items every gap is wide: a gap must stand out from the others.
const OUTLIER = 2.5;
const LONE_BULLET = /^[•▪◦●·○■□➢►\-–*\uf0b7]$/u;
// "B.", "a)", "(iv)", "A", "12.": list markers `detectLabel` leaves to the line's context.
const LONE_MARKER = /^\(?(?:[A-Za-z]|[ivxlcIVXLC]{1,6}|\d{1,3})[.)]?$/;

type Side = 'cover' | 'channel' | 'other';

/** Share of `[lo, hi]` covered by the fragments. */
function coverage(fragments: readonly Fragment[], lo: number, hi: number): number {
  if (hi <= lo) return 0;
  let covered = 0;
  for (const f of fragments) covered += Math.max(0, Math.min(hi, f.x1) - Math.max(lo, f.x0));
  return covered / (hi - lo);
}

/** How a neighbour line relates to the gap `(a1, bx)`: prose through it, the same gap (a column edge), or neither. */
function side(neighbour: TextLine | undefined, a1: number, bx: number, em: number, label: boolean): Side {
  if (!neighbour) return 'other';
  const fs = neighbour.fragments;
  const gap = bx - a1;
  // Just before the text resumes: where a column's or a tab stop's empty strip always is.
  const before = coverage(fs, bx - Math.min(gap, MIN_GAP * em), bx - 0.2 * em);
  const after = coverage(fs, a1 + 0.2 * em, a1 + Math.min(gap, 1.5 * em));
  if (before >= 0.8 && (after >= 0.8 || label)) return 'cover';
  for (let i = 1; i < fs.length; i++) {
    const f = fs[i - 1]!;
    const g = fs[i]!;
    if (f.x1 <= a1 + 0.5 * em && g.x0 >= bx - 0.5 * em && (Math.abs(g.x0 - bx) <= em || Math.abs(f.x1 - a1) <= em)) return 'channel';
  }
  return 'other';
}

/** The nearest line above (step -1) or below (+1) that overlaps `[a1, bx]` and is set in a similar size. */
function neighbour(sorted: readonly TextLine[], at: number, step: -1 | 1, a1: number, bx: number): TextLine | undefined {
  const line = sorted[at]!;
  for (let i = at + step; i >= 0 && i < sorted.length; i += step) {
    const other = sorted[i]!;
    if (Math.abs(other.baseline - line.baseline) > NEIGHBOUR_REACH * line.size) return undefined;
    if (Math.abs(other.size - line.size) > 0.25 * line.size) continue;
    if (other.x0 < bx && other.x1 > a1) return other;
  }
  return undefined;
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
}

/** True when the items hold at least `min` words of two letters or more. */
function hasWords(items: readonly PdfItem[], min: number): boolean {
  let n = 0;
  for (const item of items) {
    n += item.str.match(/\p{L}{2,}/gu)?.length ?? 0;
    if (n >= min) return true;
  }
  return false;
}

function isLoneLabel(items: readonly PdfItem[]): boolean {
  const text = items.map((i) => i.str).join(' ').trim();
  if (LONE_BULLET.test(text) || LONE_MARKER.test(text)) return true;
  const label = detectLabel(text);
  return label !== null && label.length >= text.length - 1;
}

function boxIn(boxes: readonly FilledBox[], line: TextLine, x0: number, x1: number, em: number): FilledBox | undefined {
  const mid = line.baseline - 0.3 * line.size;
  return boxes.find((b) => b.y0 - 1 <= mid && b.y1 + 1 >= mid && b.y1 - b.y0 <= 2.5 * line.size && b.x1 - b.x0 >= 1.5 * em && b.x1 - b.x0 <= 25 * em && b.x0 >= x0 - 2 && b.x1 <= x1 + 2);
}

/** Where a line's text starts after its lone clause number: the tab stops of the page. */
interface TabStop {
  line: TextLine;
  labelX: number;
  textX: number;
}

function tabStops(lines: readonly TextLine[]): TabStop[] {
  const out: TabStop[] = [];
  for (const line of lines) {
    const items = line.fragments.flatMap((f) => f.items);
    if (items.length >= 2 && items[0]!.str.length <= 12 && isLoneLabel(items.slice(0, 1))) out.push({ line, labelX: items[0]!.x, textX: items[1]!.x });
  }
  return out;
}

/**
 * Lines with a column edge: some wide gap of theirs recurs, aligned, in the line above or below.
 * Such a line is a table row or runs across a gutter, so none of its gaps is read as a redaction
 * without a box ("Poster Case      1 program per Theatre" under a note that spans the columns).
 */
function columnLines(sorted: readonly TextLine[]): Set<TextLine> {
  const out = new Set<TextLine>();
  sorted.forEach((line, at) => {
    for (let i = 1; i < line.fragments.length; i++) {
      const a1 = line.fragments[i - 1]!.x1;
      const bx = line.fragments[i]!.x0;
      const em = line.size;
      if (side(neighbour(sorted, at, -1, a1, bx), a1, bx, em, false) === 'channel' || side(neighbour(sorted, at, 1, a1, bx), a1, bx, em, false) === 'channel') {
        out.add(line);
        return;
      }
    }
  });
  return out;
}

/** What the page says about its layout; each part is worked out when a gap first needs it. */
class PageContext {
  private cache: { starts?: Array<{ x: number; line: TextLine }>; gutter?: { x0: number; x1: number } | null; columns?: Set<TextLine>; stops?: TabStop[] } = {};
  constructor(
    readonly sorted: readonly TextLine[],
    readonly boxes: readonly FilledBox[],
  ) {}

  /** Where the fragments of the page's lines start, each with its line. */
  get starts(): ReadonlyArray<{ x: number; line: TextLine }> {
    return (this.cache.starts ??= this.sorted.flatMap((line) => line.fragments.map((f) => ({ x: f.x0, line }))));
  }

  /** The gutter of a two-column page: a gap across it is the space between the columns. */
  get gutter(): { x0: number; x1: number } | null {
    if (this.cache.gutter === undefined) this.cache.gutter = findGutter(this.sorted);
    return this.cache.gutter;
  }

  get columns(): ReadonlySet<TextLine> {
    return (this.cache.columns ??= columnLines(this.sorted));
  }

  get stops(): readonly TabStop[] {
    return (this.cache.stops ??= tabStops(this.sorted));
  }
}

/** Other lines of the page with text starting where this gap ends: a column's left edge. */
function alignedStarts(ctx: PageContext, line: TextLine, x: number): number {
  const lines = new Set<TextLine>();
  for (const start of ctx.starts) if (start.line !== line && Math.abs(start.x - x) <= 1) lines.add(start.line);
  return lines.size;
}

/** True when the gap between items `i` and `i + 1` of the line at `at` is judged a redaction without a box. */
function gapRedacted(ctx: PageContext, at: number, items: readonly PdfItem[], gaps: readonly number[], i: number): boolean {
  const line = ctx.sorted[at]!;
  const a = items[i]!;
  const b = items[i + 1]!;
  const em = Math.min(a.size, b.size);
  const a1 = a.x + a.width;
  const gap = gaps[i]!;
  if (gap < MIN_GAP * em) return false;
  if (ctx.gutter && a1 <= ctx.gutter.x1 && b.x >= ctx.gutter.x0) return false;
  const others = gaps.filter((_, j) => j !== i);
  if (others.length >= 3 && gap < OUTLIER * quantile(others, 0.5)) return false;
  // Two words either side of a wide gap is a table cell's justified text ("Minimum      Care"), not prose.
  if (!hasWords(items, 4)) return false;
  // Only a short start of the line can be a lone clause number ("7.3.2", "(b)").
  const label = i < 3 && items.slice(0, i + 1).reduce((n, item) => n + item.str.length, 0) <= 12 && isLoneLabel(items.slice(0, i + 1));
  const next = neighbour(ctx.sorted, at, 1, a1, b.x);
  const below = side(next, a1, b.x, em, label);
  if (label) {
    // "7.3.2 ▇▇▇ may have…": the paragraph's next line starts right of the number and left of "may",
    const hanging = below === 'cover' && next !== undefined && next.x0 > a1 + 0.5 * em && b.x - next.x0 >= MIN_GAP * em;
    // or another clause number at the same x starts its text at a tab stop this number also fits before.
    return hanging || ctx.stops.some((s) => s.line !== line && Math.abs(s.labelX - items[0]!.x) <= 1 && s.textX > a1 + 0.2 * em && s.textX <= b.x - MIN_GAP * em);
  }
  const before = items.slice(0, i + 1).map((item) => item.str).join(' ');
  const after = items.slice(i + 1).map((item) => item.str).join(' ');
  if (!runsOn(before, after)) return false;
  const above = side(neighbour(ctx.sorted, at, -1, a1, b.x), a1, b.x, em, false);
  if (above === 'channel' || below === 'channel' || ctx.columns.has(line) || alignedStarts(ctx, line, b.x) >= 3) return false;
  return above === 'cover' || below === 'cover';
}

/** Placeholders for the redaction gaps of the line at `at`: a box inside the gap, or the cues above. */
function lineGaps(ctx: PageContext, at: number): PdfItem[] {
  const line = ctx.sorted[at]!;
  const items = line.fragments.flatMap((f) => f.items);
  const gaps = items.slice(1).map((item, i) => item.x - (items[i]!.x + items[i]!.width));
  const out: PdfItem[] = [];
  gaps.forEach((_, i) => {
    const a = items[i]!;
    const b = items[i + 1]!;
    const a1 = a.x + a.width;
    if (boxIn(ctx.boxes, line, a1, b.x, Math.min(a.size, b.size)) || gapRedacted(ctx, at, items, gaps, i)) out.push(placeholder(a1, b.x, a, b));
  });
  return out;
}

function hasWideGap(line: TextLine): boolean {
  for (let i = 1; i < line.fragments.length; i++) if (line.fragments[i]!.x0 - line.fragments[i - 1]!.x1 >= MIN_GAP * line.size * 0.9) return true;
  return false;
}

/** Placeholders for dark boxes right before the first item or right after the last one. */
function edgeBoxes(ctx: PageContext, line: TextLine): PdfItem[] {
  if (ctx.boxes.length === 0) return [];
  const items = line.fragments.flatMap((f) => f.items);
  const first = items[0]!;
  const last = items[items.length - 1]!;
  const end = last.x + last.width;
  const out: PdfItem[] = [];
  const lead = boxIn(ctx.boxes, line, first.x - 30 * first.size, first.x, first.size);
  if (lead && first.x - lead.x1 <= 1.5 * first.size) out.push(placeholder(lead.x0, lead.x1, undefined, first));
  const trail = boxIn(ctx.boxes, line, end, end + 30 * last.size, last.size);
  if (trail && trail.x0 - end <= 1.5 * last.size) out.push(placeholder(trail.x0, trail.x1, last, undefined));
  return out;
}

/**
 * The page's lines with a `[REDACTED]` placeholder item in every gap or box where a redaction
 * erased text. `boxes` are the page's filled dark rectangles when its drawing was read (else
 * empty). Lines without redactions are returned as they were.
 */
export function fillRedactionGaps(lines: readonly TextLine[], boxes: readonly FilledBox[] = []): TextLine[] {
  // Most pages have no gap wide enough and no box: skip the page-level reading.
  if (boxes.length === 0 && !lines.some(hasWideGap)) return [...lines];
  const sorted = [...lines].sort((a, b) => a.baseline - b.baseline);
  const ctx = new PageContext(sorted, boxes);
  const replaced = new Map<TextLine, TextLine>();
  sorted.forEach((line, at) => {
    if (boxes.length === 0 && !hasWideGap(line)) return;
    const added = [...lineGaps(ctx, at), ...edgeBoxes(ctx, line)];
    if (added.length > 0) replaced.set(line, makeLine([...line.fragments.flatMap((f) => f.items), ...added]));
  });
  return replaced.size === 0 ? [...lines] : lines.map((line) => replaced.get(line) ?? line);
}
