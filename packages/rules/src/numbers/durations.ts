/**
 * Durations as contracts write them: "ninety (90) calendar days", "sixty days", "two months",
 * "45 business days", "one (1) year", "a 24-month period", plus wording that sets no limit at
 * all ("at any time", "without limitation as to time", "regardless of the date"), which reads
 * as an unlimited duration so it exceeds every threshold, and calendar deadlines with no
 * number ("by the last day of the month following the month of service").
 */
import { NUMBER_WORDS_SOURCE, parseNumberWords } from './number-words.ts';

/** A duration found in the text; `days` is Infinity for "at any time" and the like. */
export interface DurationHit {
  start: number;
  end: number;
  days: number;
}

// Months and years are measured in the same base so "12 months" equals "1 year" equals
// 365.25 days, and "365 days" is within one day of a year (see DAY_TOLERANCE).
const UNIT_DAYS: Record<string, number> = { day: 1, week: 7, month: 365.25 / 12, year: 365.25 };
/** Business days run five to a calendar week. */
const BUSINESS_FACTOR = 7 / 5;
/** Two durations closer than this are treated as equal ("one year" vs "365 days"). */
export const DAY_TOLERANCE = 1.5;

const AMOUNT = `(?:(?<words>${NUMBER_WORDS_SOURCE})\\s*(?:\\(\\s*(?<wdigits>\\d+(?:\\.\\d+)?)\\s*\\))?|(?<digits>\\d+(?:\\.\\d+)?)(?:\\s*\\((?:${NUMBER_WORDS_SOURCE})\\))?|(?<article>\\ban?\\b))`;
const DURATION = new RegExp(
  `${AMOUNT}[\\s-]*(?:(?<kind>calendar|business|working)[\\s-]+)?(?<unit>day|week|month|year)s?\\b`,
  'gi',
);
const UNLIMITED = new RegExp(
  [
    '\\bat any time\\b',
    '\\bat any point in time\\b',
    '\\bwithout (?:any )?(?:limitation|limit|restriction) (?:as to|on|of) (?:time|the time|date)\\b',
    '\\bwithout (?:any )?time (?:limit|limitation)s?\\b',
    '\\bno time (?:limit|limitation)s?\\b',
    '\\bregardless of (?:the )?(?:date|time|when)\\b',
    '\\birrespective of (?:the )?(?:date|time|when)\\b',
    '\\bwithout regard to (?:the )?(?:date|time|when)\\b',
    '\\bno (?:limit|limitation) (?:on|as to) (?:the )?(?:lookback|look-back|time)\\b',
  ].join('|'),
  'gi',
);

/**
 * A year named by its place rather than counted: "claims paid in the past year", "the year
 * preceding the audit notice", "once the first anniversary of payment has passed". Each reads as
 * one year. A part of a year ("the last year of the term") names no period. Letters and spaces
 * only: see durations-in.ts.
 */
const RELATIVE_YEAR = new RegExp(
  [
    '\\bthe\\s+(?:past|preceding|prior|previous|last|most\\s+recent)\\s+(?:calendar\\s+|full\\s+)?year\\b(?!\\s+of\\b)',
    '\\bthe\\s+(?:calendar\\s+|full\\s+)?year\\s+(?:immediately\\s+)?(?:preceding|before|prior\\s+to)\\b',
    '\\bfirst\\s+anniversary\\b',
  ].join('|'),
  'gi',
);

/**
 * A deadline set by the calendar rather than a count: "by the last day of the month following
 * the month of service", "no later than the end of the next calendar quarter". It reads as the
 * longest time it can allow (a month or quarter, two when a following one is named), so a
 * "less than" test flags it only when even that is short. A deadline word must lead, or the
 * period must count from an earlier month ("Deadline: end of the month following the month of
 * service"), so "after the end of each month" (a reporting cycle) is no duration. Letters and
 * spaces only: see durations-in.ts.
 */
const CALENDAR_DEADLINE = new RegExp(
  '\\b(?:(?<lead>by|no later than|not later than|on or before|before|prior to|until|through)\\s+)?(?:the\\s+)?(?:last\\s+(?:calendar\\s+|business\\s+)?day|end|close)\\s+of\\s+(?:the\\s+)?' +
    '(?<next>(?:next|following|succeeding|subsequent)\\s+)?(?:calendar\\s+)?(?<unit>month|quarter)\\b' +
    '(?<after>\\s+(?:immediately\\s+)?(?:following|after|succeeding)\\s+(?:the\\s+)?(?:calendar\\s+)?(?:month|quarter)\\b)?',
  'gi',
);
const CALENDAR_UNIT_DAYS: Record<string, number> = { month: 365.25 / 12, quarter: 365.25 / 4 };

function amountOf(groups: Record<string, string | undefined>): number | null {
  if (groups.wdigits) return Number(groups.wdigits);
  if (groups.digits) return Number(groups.digits);
  if (groups.words) return parseNumberWords(groups.words);
  if (groups.article) return 1;
  return null;
}

/** Every duration in `text`, offsets shifted by `base`, in text order. */
export function extractDurations(text: string, base = 0): DurationHit[] {
  const hits: DurationHit[] = [];
  for (const match of text.matchAll(DURATION)) {
    const groups = match.groups ?? {};
    const amount = amountOf(groups);
    const unit = groups.unit?.toLowerCase();
    if (amount === null || !unit) continue;
    const factor = /business|working/i.test(groups.kind ?? '') ? BUSINESS_FACTOR : 1;
    const start = base + match.index;
    hits.push({ start, end: start + match[0].length, days: amount * UNIT_DAYS[unit]! * factor });
  }
  for (const match of text.matchAll(CALENDAR_DEADLINE)) {
    const groups = match.groups ?? {};
    // With no deadline word, only a count from an event ("the end of the month following the
    // month of service") is a period; "the end of the month" alone is a moment.
    if (!groups.lead && !groups.after) continue;
    const units = groups.next || groups.after ? 2 : 1;
    const start = base + match.index;
    hits.push({ start, end: start + match[0].length, days: units * CALENDAR_UNIT_DAYS[groups.unit!.toLowerCase()]! });
  }
  for (const match of text.matchAll(RELATIVE_YEAR)) {
    const start = base + match.index;
    hits.push({ start, end: start + match[0].length, days: UNIT_DAYS.year! });
  }
  for (const match of text.matchAll(UNLIMITED)) {
    const start = base + match.index;
    hits.push({ start, end: start + match[0].length, days: Infinity });
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** Reads a threshold written in a rule ("90 days", "12 months", "45 business days"). */
export function parseDurationValue(value: string): number | null {
  const hit = extractDurations(value.trim())[0];
  return hit ? hit.days : null;
}
