/**
 * Deadlines as an iCalendar file (RFC 5545) that Outlook, Google Calendar and Apple Calendar
 * import: one all-day event (DTSTART/DTEND with VALUE=DATE, so no time zone or daylight-saving
 * change can move it) per deadline, with a reminder a week ahead.
 *
 * Written with ical-generator rather than by hand: it escapes text (commas, semicolons,
 * backslashes, line breaks), folds lines at 75 octets of UTF-8 (contract names carry curly
 * quotes and accents, which a character count would overrun) and ends lines with CRLF.
 */
import ical, { ICalAlarmType, ICalCalendarMethod } from 'ical-generator';
import { addDays } from './calendar-dates.ts';
import type { ContractDeadlines } from './deadline-types.ts';

/** One contract's deadlines, with the key that makes its events' UIDs stable across exports. */
export interface CalendarSource {
  /** A stable id of the contract (the review id, or the document's sha256). */
  key: string;
  deadlines: ContractDeadlines;
}

/** Options of the calendar file. */
export interface IcsOptions {
  /** DTSTAMP of every event: when the file was written. */
  stamp: Date;
  /** The calendar's name as the calendar app shows it. */
  name?: string;
  /** Leave out deadlines already past (default false: a missed deadline stays visible). */
  upcomingOnly?: boolean;
}

const UID_SAFE = /[^A-Za-z0-9._-]/g;

/** The deadlines of `sources` as the text of a .ics file. */
export function deadlinesIcs(sources: readonly CalendarSource[], options: IcsOptions): string {
  const calendar = ical({ name: options.name ?? 'Contract deadlines', prodId: { company: 'Redliner', product: 'Contract deadlines', language: 'EN' }, method: ICalCalendarMethod.PUBLISH });
  for (const { key, deadlines } of sources) {
    for (const d of deadlines.deadlines) {
      if (options.upcomingOnly && d.passed) continue;
      calendar.createEvent({
        // Same contract, kind and date: the same event, so importing again updates rather than duplicates.
        id: `${key.replace(UID_SAFE, '-')}.${d.kind}.${d.date}@redliner.local`,
        start: d.date,
        end: addDays(d.date, 1),
        allDay: true,
        stamp: options.stamp,
        summary: `${d.title}: ${deadlines.document.name}`,
        description: `${d.why}\nComputed by Redliner from the contract's key terms (${d.from.join(', ')}). Check the contract before relying on it.`,
        alarms: [{ type: ICalAlarmType.display, trigger: 7 * 86_400, description: `${d.title}: ${deadlines.document.name}` }],
      });
    }
  }
  // RFC 5545: every content line, the last included, ends with CRLF.
  return `${calendar.toString()}\r\n`;
}
