/**
 * Whether a page is worth reading its drawing for redaction boxes. Reading the drawing doubles
 * a page's read time, so it is asked for only where the text hints at a name erased where the
 * text alone cannot show it, above all at the end of a paragraph's last line ("…if paid in error,
 * shall be refunded to" ▇▇▇), which ends short anyway. Most other erased names show in the text:
 * a gap inside a line (redaction-gaps.ts), or a line end or start off a paragraph's margins
 * (redaction-edges.ts).
 */
import { startsWithLabel } from '../clause-labels.ts';
import type { TextLine } from './pdf-types.ts';

// An erased name is at least this many font sizes wide.
const MIN_WIDTH = 3;
// Baseline to baseline, in font sizes, beyond which the next line belongs to another paragraph.
const PARAGRAPH_STEP = 1.7;
// "…; or" / "…, and" ends a list entry or a clause on purpose.
const LIST_JOINER = /[;,]\s*(?:and|or)$/;
// Words a name follows ("refunded to", "effected by", "between", "of the").
const LEADS_INTO = /(?:^|\s)(?:the|of|by|to|and|or|with|from|between|among|for|in|at|on|than|that|whom|upon|under|against|notify|contact|via)$/i;

// A multi-part clause number standing alone before a tab ("8.4.2.2", "7.3.").
const LONE_NUMBER = /^[0-9]{1,3}(?:\.[0-9]{1,3})+\.?$/;

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
}

/**
 * True when some line of the page reads as if a name was erased where only a box can show it:
 * a paragraph ends short of the margin on a word that leads into a name, or a clause number is
 * followed by a lower-case word ("8.4.2.2 ▇▇▇ files for bankruptcy", where a tab stop alone
 * would explain the gap).
 */
export function mayHideRedactions(lines: readonly TextLine[]): boolean {
  if (lines.length < 2) return false;
  const right = quantile(lines.map((l) => l.x1), 0.9);
  const sorted = [...lines].sort((a, b) => a.baseline - b.baseline);
  return sorted.some((line, i) => {
    const next = sorted[i + 1];
    const em = line.size;
    const last = !next || next.baseline - line.baseline > PARAGRAPH_STEP * em || startsWithLabel(next.text);
    if (last && line.x1 <= right - MIN_WIDTH * em && LEADS_INTO.test(line.text) && !LIST_JOINER.test(line.text)) return true;
    return line.fragments.length > 1 && LONE_NUMBER.test(fragmentText(line, 0)) && /^\p{Ll}/u.test(fragmentText(line, 1));
  });
}

function fragmentText(line: TextLine, at: number): string {
  return line.fragments[at]!.items.map((item) => item.str).join(' ').trim();
}
