import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { runArgv } from './run.ts';

const DOCX = fileURLToPath(new URL('../../../test/fixtures/contracts/payer-draft.docx', import.meta.url));

describe('redliner deadlines', () => {
  it('names the missing term instead of a date, then dates the deadlines once it is supplied', async () => {
    // payer-draft.docx: effective 2027-01-01, renews yearly unless 180 days' notice; no initial term.
    const missing = await runArgv(['deadlines', DOCX, '--today', '2027-02-01']);
    expect(missing.code).toBe(0);
    expect(missing.out).toMatch(/term-end, non-renewal-notice, renegotiate: cannot compute: the initial term is not stated.*--set initial-term=VALUE/);
    expect(missing.out).not.toMatch(/\d{4}-\d{2}-\d{2} {2}/);
    const json = await runArgv(['deadlines', DOCX, '--today', '2027-02-01', '--set', 'initial-term=2 years', '--format', 'json']);
    const d = JSON.parse(json.out) as { deadlines: Array<{ kind: string; date: string }> };
    expect(d.deadlines.map((x) => `${x.kind} ${x.date}`)).toEqual(['renegotiate 2028-01-04', 'non-renewal-notice 2028-07-04', 'term-end 2028-12-31']);
  }, 60_000);

  it('writes an iCalendar file that parses back to the same dates', async () => {
    const { code, out } = await runArgv(['deadlines', DOCX, '--today', '2027-02-01', '--set', 'initial-term=2 years', '--renegotiate-months', '4', '--format', 'ics']);
    expect(code).toBe(0);
    const starts = new ICAL.Component(ICAL.parse(out)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).startDate.toString());
    expect(starts).toEqual(['2028-03-04', '2028-07-04', '2028-12-31']);
  }, 60_000);

  it('refuses an unknown field, a bad date and a bad lead time as usage errors', async () => {
    const field = await runArgv(['deadlines', DOCX, '--set', 'term-length=3 years']);
    expect(field.code).toBe(2);
    expect(field.err).toMatch(/no key-term field "term-length". Fields: parties, effective-date/);
    expect((await runArgv(['deadlines', DOCX, '--today', '31/01/2027'])).err).toMatch(/--today is a date written yyyy-mm-dd/);
    expect((await runArgv(['deadlines', DOCX, '--renegotiate-months', 'six'])).code).toBe(2);
  }, 60_000);
});
