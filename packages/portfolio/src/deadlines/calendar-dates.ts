/**
 * Calendar arithmetic on ISO dates (yyyy-mm-dd), in UTC so no time zone or daylight-saving
 * change can move a day. Months are calendar months clamped to the month's end (January 31 plus
 * one month is February 28, or 29 in a leap year), as contract terms are counted.
 */

/** A contract period as counted on the calendar: whole months (years are 12) or days. */
export type Period = { unit: 'months'; count: number } | { unit: 'days'; count: number };

const DAY_MS = 86_400_000;
const MONTH_DAYS = 365.25 / 12;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function toUtc(iso: string): Date {
  return new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
}

function fromUtc(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** True for a real calendar date written yyyy-mm-dd. */
export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && fromUtc(toUtc(text)) === text;
}

/** `iso` plus `days` (negative goes back). */
export function addDays(iso: string, days: number): string {
  return fromUtc(new Date(toUtc(iso).getTime() + days * DAY_MS));
}

/** `iso` plus `months` calendar months, clamped to the end of the target month. */
export function addMonths(iso: string, months: number): string {
  const d = toUtc(iso);
  const target = d.getUTCMonth() + months;
  const year = d.getUTCFullYear() + Math.floor(target / 12);
  const month = ((target % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromUtc(new Date(Date.UTC(year, month, Math.min(d.getUTCDate(), lastDay))));
}

/** `iso` moved by `times` periods (negative goes back). */
export function addPeriod(iso: string, period: Period, times = 1): string {
  return period.unit === 'months' ? addMonths(iso, period.count * times) : addDays(iso, period.count * times);
}

/**
 * A normalized duration (days, as key terms hold it: a month is 365.25/12 days) back on the
 * calendar: whole months when the words say months or years and the days are a whole number of
 * months, otherwise days, rounded up so a notice deadline is never later than the contract's.
 */
export function periodOf(days: number, asWritten = ''): Period {
  const months = days / MONTH_DAYS;
  if (/month|year/i.test(asWritten) && Math.abs(months - Math.round(months)) < 0.01 && Math.round(months) > 0) return { unit: 'months', count: Math.round(months) };
  return { unit: 'days', count: Math.ceil(days - 1e-9) };
}

/** "12 months", "180 days". */
export function periodWords(period: Period): string {
  if (period.unit === 'months' && period.count % 12 === 0) return `${period.count / 12} year${period.count === 12 ? '' : 's'}`;
  return `${period.count} ${period.unit === 'months' ? 'month' : 'day'}${period.count === 1 ? '' : 's'}`;
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / DAY_MS);
}

/** Today's date on this computer's calendar (local time: Redliner runs on the reader's machine), as yyyy-mm-dd. */
export function todayIso(now: Date = new Date()): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
