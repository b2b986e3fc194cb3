/**
 * All the numbers rules can test, read once per document and kept sorted by offset so a rule
 * can take the ones inside a unit with a binary search. Each kind is read separately, so a
 * document pays only for the kinds its rules actually test.
 */
import { extractDurations } from './durations.ts';
import { extractMoney, extractPercents, extractYears, type QuantityHit } from './quantities.ts';

/** The kinds of number a condition can test. */
export type NumberKind = 'duration' | 'percent' | 'money' | 'year';

/** A number in the document: for durations `value` is in days (Infinity when unlimited). */
export type NumberHit = QuantityHit;

/** Numbers of every kind, each list sorted by `start`. */
export type DocumentNumbers = Record<NumberKind, NumberHit[]>;

/** Read every number of one kind from `text`, sorted by `start`. */
export function extractNumbersOfKind(text: string, kind: NumberKind): NumberHit[] {
  switch (kind) {
    case 'duration':
      return extractDurations(text).map((d) => ({ start: d.start, end: d.end, value: d.days }));
    case 'percent':
      return extractPercents(text);
    case 'money':
      return extractMoney(text);
    case 'year':
      return extractYears(text);
  }
}

/** Read every number of every kind from `text`. */
export function extractNumbers(text: string): DocumentNumbers {
  return {
    duration: extractNumbersOfKind(text, 'duration'),
    percent: extractNumbersOfKind(text, 'percent'),
    money: extractNumbersOfKind(text, 'money'),
    year: extractNumbersOfKind(text, 'year'),
  };
}
