/** Deadline dates in the words the screens use. Pure, so they are tested without a browser. */
import type { MissingDeadline } from '../types.ts';

const DAY_MS = 86_400_000;

/** "4 Jan 2028": the calendar day itself, read in UTC so no time zone shows the day before. */
export function formatDay(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** "today", "tomorrow", "in 12 days", "3 days ago", counted between two yyyy-mm-dd days. */
export function dueWords(date: string, today: string): string {
  const days = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/** How soon, as a class for colour: overdue, within 30 days, within 6 months, later. */
export function urgency(date: string, today: string): 'passed' | 'soon' | 'coming' | 'later' {
  const days = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
  if (days < 0) return 'passed';
  if (days <= 30) return 'soon';
  return days <= 183 ? 'coming' : 'later';
}

/** The missing inputs of a contract, each reason once ("the initial term is not stated"). */
export function missingReasons(missing: readonly MissingDeadline[]): string[] {
  return [...new Set(missing.map((m) => m.reason.replace(/^cannot (?:compute|roll forward): /, '')))];
}
