/**
 * Redactions at the ends of a paragraph's lines, where no gap between two items shows them:
 * "…voidable at the sole discretion of ▇▇▇▇" ends a line short of the right margin, and
 * "▇▇▇▇ may assign this Agreement…" starts the next one right of the paragraph's left edge.
 * Judged within a paragraph, whose other lines show where its margins are. A line that merely
 * ends early (the last of a sentence, an address line) or starts indented (a first line, a
 * quotation) must not read as redacted, so every cue below has to hold, and only in a document
 * whose other redactions already show (a line broken by hand looks the same as one whose last
 * word was blacked out).
 */
import { endsSentence } from './line-roles.ts';
import type { PdfItem, TextLine } from './pdf-types.ts';
import type { ColumnEdges } from './paragraphs.ts';
import { placeholder, runsOn } from './redaction.ts';
import { makeLine } from './text-lines.ts';

// An erased name is at least this many font sizes wide (a short one, with its space); stricter
// than for a gap inside a line, since a line ends or starts a little off the margin at times.
const MIN_WIDTH = 3;
// A citation kept on one line ("WAC 182-500-0070", "21 CFR §") can leave the line before it short.
const UNBREAKABLE_START = /^\s*(?:\p{Lu}{2,}\s+)?[\d§]/u;
// A shift or shortfall wider than this many font sizes is layout (a tab, a centred line).
const MAX_WIDTH = 20;

// "…; and" ends a list entry: the next entry starts on a new line on purpose.
const LIST_JOINER = /;\s*(?:and|or|and\/or)$/;

const lineItems = (line: TextLine): PdfItem[] => line.fragments.flatMap((f) => f.items);

/**
 * Where the paragraph's lines start on the page of line `i`: its continuation lines (the first
 * line may hang a clause number left of them), `fallback` when it has no other.
 */
function paragraphLeft(lines: readonly TextLine[], i: number, fallback: number): number {
  const page = lines[i]!.page;
  const starts = lines.filter((other, j) => j > 0 && j !== i && other.page === page).map((other) => other.x0);
  return starts.length > 0 ? Math.min(...starts) : fallback;
}

/** Same page and column: a page or column break explains a short line. */
function sameColumn(a: TextLine, b: TextLine, ea: ColumnEdges, eb: ColumnEdges): boolean {
  return a.page === b.page && Math.abs(ea.right - eb.right) < 1 && b.baseline > a.baseline;
}

/**
 * True when the paragraph is set justified: at least two of its lines other than `except` and the
 * last, and seven in ten of them, end at the right margin. Ragged-right text ends near it at times.
 */
function justified(lines: readonly TextLine[], edges: readonly ColumnEdges[], except: number): boolean {
  const body = lines.filter((line, j) => j !== except && j < lines.length - 1 && line.page === lines[except]!.page);
  const full = body.filter((line) => Math.abs(edges[lines.indexOf(line)]!.right - line.x1) <= 0.3 * line.size).length;
  return full >= 2 && full >= 0.7 * body.length && !monospaced(lines);
}

/**
 * True when every glyph advances the same (a typewriter face): ragged lines of the most
 * characters then all end at one x and look justified.
 */
function monospaced(lines: readonly TextLine[]): boolean {
  const advances = lines.flatMap(lineItems).filter((item) => item.str.length >= 8 && !item.redaction).map((item) => item.width / item.str.length);
  if (advances.length < 2) return false;
  return Math.max(...advances) / Math.min(...advances) < 1.03;
}

/** True when the line at `i` ends short where a name was erased before the next line. */
function endsRedacted(lines: readonly TextLine[], edges: readonly ColumnEdges[], i: number): boolean {
  const line = lines[i]!;
  const next = lines[i + 1];
  if (!next || !sameColumn(line, next, edges[i]!, edges[i + 1]!)) return false;
  const em = line.size;
  const { left, right } = edges[i]!;
  const short = right - line.x1;
  if (short < MIN_WIDTH * em || short > MAX_WIDTH * em) return false;
  const items = lineItems(line);
  if (items[items.length - 1]!.redaction || lineItems(next)[0]!.redaction) return false;
  // A prose line, not an address or a list entry: it starts where the paragraph's other lines do
  // and fills most of the column.
  if (line.x0 > paragraphLeft(lines, i, line.x0) + em || line.x1 - line.x0 < 0.5 * (right - left)) return false;
  if (endsSentence(line.text) || LIST_JOINER.test(line.text) || !runsOn(line.text, next.text)) return false;
  if (UNBREAKABLE_START.test(next.text)) return false;
  // Why did the line break early? Not for want of room: the paragraph is justified, so its other
  // lines but the last end at the margin, and something invisible took the rest of this one.
  return justified(lines, edges, i);
}

/** True when the line at `i` starts right of the paragraph's left edge where a name was erased. */
function startsRedacted(lines: readonly TextLine[], edges: readonly ColumnEdges[], i: number): boolean {
  const line = lines[i]!;
  const prev = lines[i - 1];
  if (i === 0 || !prev || !sameColumn(prev, line, edges[i - 1]!, edges[i]!)) return false;
  // The paragraph's own left edge, from its other continuation lines on this page.
  const left = paragraphLeft(lines, i, NaN);
  if (Number.isNaN(left)) return false;
  const em = line.size;
  const shift = line.x0 - left;
  if (shift < MIN_WIDTH * em || shift > MAX_WIDTH * em) return false;
  if (lineItems(line)[0]!.redaction) return false;
  // A full line (or the paragraph's last) whose sentence runs on from a full line before (or one
  // cut short by a name erased at its end): a short line before it ends a paragraph.
  if (i < lines.length - 1 && line.x1 < edges[i]!.right - em) return false;
  if (prev.x1 < edges[i - 1]!.right - 0.5 * em && !endsRedacted(lines, edges, i - 1)) return false;
  return runsOn(prev.text, line.text);
}

// Placeholders found inside lines (gaps, boxes, block glyphs) before line edges are judged at all.
const MIN_EVIDENCE = 3;

/** True when the lines already hold enough placeholders to call the document redacted. */
export function showsRedactions(lines: Iterable<TextLine>): boolean {
  let found = 0;
  for (const line of lines) for (const f of line.fragments) for (const item of f.items) if (item.redaction && ++found >= MIN_EVIDENCE) return true;
  return false;
}

/**
 * The paragraph's lines with a `[REDACTED]` placeholder at each line end or start where a
 * redaction erased a name. `edges` are the column edges of each line. Unchanged lines are
 * returned as they were.
 */
export function fillRedactedLineEdges(lines: readonly TextLine[], edges: readonly ColumnEdges[]): TextLine[] {
  if (lines.length < 2) return [...lines];
  const added = lines.map((): PdfItem[] => []);
  lines.forEach((line, i) => {
    const items = lineItems(line);
    if (endsRedacted(lines, edges, i)) {
      const last = items[items.length - 1]!;
      added[i]!.push(placeholder(line.x1, edges[i]!.right, last, undefined));
    }
    if (startsRedacted(lines, edges, i)) {
      added[i]!.push(placeholder(paragraphLeft(lines, i, line.x0), line.x0, undefined, items[0]));
    }
  });
  return lines.map((line, i) => (added[i]!.length > 0 ? makeLine([...lineItems(line), ...added[i]!]) : line));
}
