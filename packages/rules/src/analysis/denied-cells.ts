/**
 * Term-sheet cells answered with a denial: "Third-party access: none", "Plan may change the fee
 * schedule: no", "Rental access | not permitted", "Interest on late claims: not applicable".
 * Such a cell says the opposite of its label, so a rule that found its evidence in the label
 * read a denied statement: the risk ("third-party access") is excluded, the protection
 * ("interest on late claims") is missing. A rule whose evidence includes the answer itself
 * ("lookback limit: none" read as no limit) knows what the answer means and is left alone.
 */
import type { Span } from '../types.ts';

/** One denied cell: its label and its answer. */
export interface DeniedCell {
  label: Span;
  answer: Span;
}

// A label runs from the start of its clause or cell to a colon or bar; the answer is a whole
// denial, ending its clause or cell ("none of the parties may" is no answer).
const DENIED_CELL = /(^|[;|\t\n])([^;|\t\n:]{3,200}?)\s*[:|]\s*(none|no|nil|n\/a|not\s+applicable|not\s+permitted|not\s+allowed|prohibited)\s*(?=[.;|\t\n]|$)/gi;

/** The denied cells inside `unit` of `text`. */
export function deniedCells(text: string, unit: Span): DeniedCell[] {
  const slice = text.slice(unit.start, unit.end);
  const out: DeniedCell[] = [];
  for (const m of slice.matchAll(DENIED_CELL)) {
    const labelStart = unit.start + m.index + m[1]!.length;
    const labelText = m[2]!;
    const leading = labelText.length - labelText.trimStart().length;
    const answerOffset = m[0].lastIndexOf(m[3]!);
    out.push({
      label: { start: labelStart + leading, end: labelStart + labelText.trimEnd().length },
      answer: { start: unit.start + m.index + answerOffset, end: unit.start + m.index + answerOffset + m[3]!.length },
    });
  }
  return out;
}

/** The parts of `unit` outside every cell (label through answer), in order. */
export function outsideCells(unit: Span, cells: readonly DeniedCell[]): Span[] {
  const parts: Span[] = [];
  let from = unit.start;
  for (const cell of cells) {
    if (cell.label.start > from) parts.push({ start: from, end: cell.label.start });
    from = Math.max(from, cell.answer.end);
  }
  if (unit.end > from) parts.push({ start: from, end: unit.end });
  return parts;
}
