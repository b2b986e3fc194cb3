import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { computeDeadlines, deadlinesIcs } from '../src/index.ts';
import { termReport } from './term-report.ts';

const STAMP = new Date('2026-12-06T01:00:00Z');
// A contract name with the characters that need escaping or take several octets.
const NAME = 'Bayview “Health” Plan, Inc.; Provider Agreement – Cedar Hollow Family Practice, P.C. (ré-signed).docx';

function calendar() {
  const renewing = computeDeadlines(
    termReport({ 'effective-date': '2024-02-29', 'initial-term': '1 year', 'automatic-renewal': 'Yes', 'renewal-term': '1 year', 'non-renewal-notice': '90 days' }, NAME),
    { today: '2027-03-10' },
  );
  return { renewing, text: deadlinesIcs([{ key: 'review 1', deadlines: renewing }], { stamp: STAMP }) };
}

describe('deadlinesIcs', () => {
  it('writes RFC 5545 lines: CRLF everywhere, folded at 75 octets', () => {
    const { text } = calendar();
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n');
    expect(Math.max(...lines.map((l) => Buffer.byteLength(l, 'utf8')))).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true); // the long summary was folded
    expect(text).toMatch(/DTSTART;VALUE=DATE:\d{8}\r\n/);
    expect(text).toContain('DTSTAMP:20261206T010000Z');
  });

  it('parses back with ical.js to the computed all-day dates, names unescaped', () => {
    const { renewing, text } = calendar();
    const component = new ICAL.Component(ICAL.parse(text));
    const events = component.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.startDate.toString())).toEqual(renewing.deadlines.map((d) => d.date));
    for (const e of events) {
      expect(e.startDate.isDate).toBe(true);
      expect(e.endDate.toString()).toBe(e.startDate.clone().adjust(1, 0, 0, 0).toString());
      expect(e.summary.endsWith(`: ${NAME}`)).toBe(true);
      expect(e.uid).toMatch(/^review-1\.[a-z-]+\.\d{4}-\d{2}-\d{2}@redliner\.local$/);
    }
    // Leap-day effective date, renewing yearly: terms end on Feb 27/28, never drifting.
    const end = events.find((e) => e.summary.startsWith('Current term ends'));
    expect(end?.startDate.toString()).toBe('2028-02-28');
    expect(events.find((e) => e.summary.startsWith('Last day to send'))?.startDate.toString()).toBe('2027-11-30');
  });

  it('keeps a date whatever the time zone of the computer that writes it', () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      const far = calendar().text;
      process.env.TZ = 'America/Los_Angeles';
      expect(calendar().text).toBe(far);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it('parses back to the right days across daylight-saving changes and a leap day, in a zone that has them', () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'America/New_York';
      // Effective the day US clocks spring forward (2027-03-14); the 120-day notice window runs
      // back across the leap day (2028-02-29) and the day clocks fall back (2027-11-07).
      const deadlines = computeDeadlines(termReport({ 'effective-date': '2027-03-14', 'initial-term': '1 year', 'automatic-renewal': 'Yes', 'renewal-term': '1 year', 'non-renewal-notice': '120 days' }), { today: '2027-01-01' });
      const text = deadlinesIcs([{ key: 'dst', deadlines }], { stamp: STAMP });
      const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
      const day = (prefix: string) => events.find((e) => e.summary.startsWith(prefix))?.startDate.toString();
      expect(day('Current term ends')).toBe('2028-03-13');
      expect(day('Last day to send')).toBe('2027-11-14');
      expect(day('Start renegotiating')).toBe('2027-05-14');
      for (const e of events) expect(e.startDate.isDate).toBe(true);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it('leaves out passed deadlines on request, and is empty but valid with none', () => {
    const expired = computeDeadlines(termReport({ 'effective-date': '2020-01-01', 'initial-term': '1 year', 'automatic-renewal': 'No' }), { today: '2026-01-01' });
    expect(deadlinesIcs([{ key: 'x', deadlines: expired }], { stamp: STAMP })).toContain('DTSTART;VALUE=DATE:20201231');
    const upcoming = deadlinesIcs([{ key: 'x', deadlines: expired }], { stamp: STAMP, upcomingOnly: true });
    expect(upcoming).not.toContain('BEGIN:VEVENT');
    expect(new ICAL.Component(ICAL.parse(upcoming)).name).toBe('vcalendar');
  });
});
