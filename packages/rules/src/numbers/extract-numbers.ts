/**
 * All the numbers rules can test, read once per document and kept sorted by offset so a rule
 * can take the ones inside a unit with a binary search.
 */
import { extractDurations } from './durations.ts';
import { extractMoney, extractPercents, extractYears, type QuantityHit } from './quantities.ts';

/** The kinds of number a condition can test. */
export type NumberKind = 'duration' | 'percent' | 'money' | 'year';

/** A number in the document: for durations `value` is in days (Infinity when unlimited). */
export type NumberHit = QuantityHit;

/** Numbers of every kind, each list sorted by `start`. */
export type DocumentNumbers = Record<NumberKind, NumberHit[]>;

/** Read every number of every kind from `text`. */
export function extractNumbers(text: string): DocumentNumbers {
  return {
    duration: extractDurations(text).map((d) => ({ start: d.start, end: d.end, value: d.days })),
    percent: extractPercents(text),
    money: extractMoney(text),
    year: extractYears(text),
  };
}
