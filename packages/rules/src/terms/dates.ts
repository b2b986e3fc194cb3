/**
 * Calendar dates as contracts write them: "January 1, 2025", "1st day of January, 2025",
 * "1 January 2025", "01/01/2025". Normalized to ISO yyyy-mm-dd. Blanks ("____ , 20__") are no
 * date: a template that leaves the date open does not state one.
 */

/** A date found in the text. */
export interface DateHit {
  start: number;
  end: number;
  /** yyyy-mm-dd */
  iso: string;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = `(?:${MONTHS.join('|')}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\.?`;
const DAY = '(?:[0-3]?\\d)(?:st|nd|rd|th)?';
const DATE = new RegExp(
  [
    `(?<m1>${MONTH})\\s+(?<d1>${DAY}),?\\s+(?<y1>(?:19|20)\\d\\d)`,
    `(?<d2>${DAY})\\s+(?:day\\s+of\\s+)?(?<m2>${MONTH}),?\\s+(?<y2>(?:19|20)\\d\\d)`,
    `(?<n1>[01]?\\d)/(?<n2>[0-3]?\\d)/(?<y3>(?:19|20)\\d\\d)`,
  ].map((p) => `\\b${p}\\b`).join('|'),
  'gi',
);

function monthNumber(name: string): number {
  const key = name.toLowerCase().replace(/\.$/, '').slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(key)) + 1;
}

const pad = (n: number) => String(n).padStart(2, '0');

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null; // February 30th
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Every date in `text`, offsets shifted by `base`, in text order. */
export function extractDates(text: string, base = 0): DateHit[] {
  const hits: DateHit[] = [];
  for (const m of text.matchAll(DATE)) {
    const g = m.groups ?? {};
    const month = g.m1 ?? g.m2;
    const value = month
      ? iso(Number(g.y1 ?? g.y2), monthNumber(month), parseInt(g.d1 ?? g.d2 ?? '', 10))
      : iso(Number(g.y3), Number(g.n1), Number(g.n2));
    if (value) hits.push({ start: base + m.index, end: base + m.index + m[0].length, iso: value });
  }
  return hits;
}

/** The first date of a piece of text (a user's correction), as yyyy-mm-dd. */
export function parseDateValue(text: string): string | null {
  const trimmed = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return iso(Number(trimmed.slice(0, 4)), Number(trimmed.slice(5, 7)), Number(trimmed.slice(8, 10)));
  return extractDates(trimmed)[0]?.iso ?? null;
}
