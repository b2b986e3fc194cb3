import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { FIXTURES, problemOf, upload, useApps } from './helpers.ts';

const openApp = useApps();

interface Dated {
  kind: string;
  date: string;
  passed: boolean;
}

describe('deadlines of reviews', () => {
  it('says what is missing, dates the deadlines once the term is corrected, and exports them as .ics', async () => {
    const app = await openApp();
    const review = (await upload(app, FIXTURES.docx)).json();
    // payer-draft.docx: effective 2027-01-01, renews yearly, 180 days' notice, no initial term stated.
    const before = (await app.inject(`/api/reviews/${review.id}/deadlines?today=2027-02-01`)).json();
    expect(before).toMatchObject({ reviewId: review.id, effectiveDate: '2027-01-01', automaticRenewal: true, deadlines: [] });
    expect(before.missing[0]).toMatchObject({ kind: 'term-end', needs: ['initial-term'] });

    await app.inject({ method: 'PUT', url: `/api/reviews/${review.id}/terms/initial-term`, payload: { text: '2 years' } });
    const after = (await app.inject(`/api/reviews/${review.id}/deadlines?today=2027-02-01&renegotiateMonths=3`)).json();
    expect(after.deadlines.map((d: Dated) => [d.kind, d.date])).toEqual([
      ['renegotiate', '2028-04-04'],
      ['non-renewal-notice', '2028-07-04'],
      ['term-end', '2028-12-31'],
    ]);

    const ics = await app.inject(`/api/reviews/${review.id}/deadlines.ics?today=2027-02-01`);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    expect(ics.headers['content-disposition']).toMatch(/payer-draft\.deadlines\.ics/);
    const events = new ICAL.Component(ICAL.parse(ics.body)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.startDate.toString()).sort()).toEqual(['2028-01-04', '2028-07-04', '2028-12-31']);
  });

  it('lists every review\'s deadlines earliest first on /api/deadlines, and their upcoming ones in one calendar', async () => {
    const app = await openApp();
    const a = (await upload(app, FIXTURES.docx)).json();
    const b = (await upload(app, FIXTURES.docx, {}, 'second.docx')).json();
    await app.inject({ method: 'PUT', url: `/api/reviews/${a.id}/terms/initial-term`, payload: { text: '1 year' } });
    await app.inject({ method: 'PUT', url: `/api/reviews/${b.id}/terms/initial-term`, payload: { text: '3 years' } });
    await app.inject({ method: 'PUT', url: `/api/reviews/${b.id}/terms/effective-date`, payload: { text: 'March 1, 2027' } });
    const all = (await app.inject('/api/deadlines?today=2027-01-15')).json();
    expect(all.today).toBe('2027-01-15');
    const dates = all.deadlines.map((d: Dated) => d.date);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(all.deadlines.map((d: { reviewId: string }) => d.reviewId))).toEqual(new Set([a.id, b.id]));
    expect(all.deadlines.find((d: { name: string; kind: string }) => d.name === 'second.docx' && d.kind === 'term-end').date).toBe('2030-02-28');
    const ics = await app.inject('/api/deadlines.ics?today=2027-01-15');
    expect((ics.body.match(/BEGIN:VEVENT/g) ?? []).length).toBe(all.deadlines.filter((d: Dated) => !d.passed).length);
  });

  it('refuses a bad date or lead time and an unknown review with a problem code', async () => {
    const app = await openApp();
    expect(problemOf(await app.inject('/api/deadlines?today=2027-02-30'))).toMatchObject({ httpStatus: 400, code: 'INVALID_QUERY' });
    expect(problemOf(await app.inject('/api/deadlines?renegotiateMonths=-1'))).toMatchObject({ httpStatus: 400, code: 'INVALID_QUERY' });
    expect(problemOf(await app.inject('/api/reviews/nope/deadlines.ics'))).toMatchObject({ httpStatus: 404, code: 'REVIEW_NOT_FOUND' });
  });
});
