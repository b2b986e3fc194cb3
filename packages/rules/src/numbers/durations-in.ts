/**
 * The durations inside one unit of text, without reading the whole document: exactly the
 * durations a whole-text `extractDurations` finds wholly inside the unit.
 *
 * A global regex scan finds the same matches after a position `q` whether it started at the
 * beginning of the text or at `q`, provided no match of the whole-text scan spans `q`. Here
 * that is guaranteed by the character before `q`: the duration patterns (durations.ts) consist
 * of ASCII letters, digits, `(`, `)`, `-`, whitespace, and `.` only between two digits, so any
 * other character (a comma, a semicolon, a quote, `§`, a period not followed by a digit) can be
 * in no match. The unit is widened to such barriers on both sides and only that window is
 * read; barriers are not word characters, so `\b` reads the same at the window's edges.
 */
import type { Span } from '../types.ts';
import { extractDurations } from './durations.ts';
import type { NumberHit } from './extract-numbers.ts';

const MATCHABLE = /[A-Za-z0-9()\-_]|\s/;
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';

/** True when `text[i]` can be part of no duration match and is not a word character. */
function isBarrier(text: string, i: number): boolean {
  const ch = text[i]!;
  if (ch === '.') return !(isDigit(text[i - 1]) && isDigit(text[i + 1]));
  return !MATCHABLE.test(ch);
}

/** The durations (value in days) of a whole-text scan that lie wholly inside `unit`, in text order. */
export function durationsIn(text: string, unit: Span): NumberHit[] {
  let from = Math.min(unit.start, text.length);
  while (from > 0 && !isBarrier(text, from - 1)) from--;
  let to = Math.max(unit.end, from);
  while (to < text.length && !isBarrier(text, to)) to++;
  return extractDurations(text.slice(from, to), from)
    .filter((d) => d.start >= unit.start && d.end <= unit.end)
    .map((d) => ({ start: d.start, end: d.end, value: d.days }));
}
