import { describe, expect, it } from 'vitest';
import { FIXTURES, makeApp, problemOf, tempDataDir, upload, useApps } from './helpers.ts';

const openApp = useApps();

interface Term {
  id: string;
  status: string;
  display?: string;
  value?: unknown;
  corrected?: { text: string; original: { display?: string } };
}

describe('key terms of a review', () => {
  it('lists every field, saves a correction that survives a restart and shows in the CSV, and removes it', async () => {
    const dataDir = tempDataDir();
    const first = await makeApp({ dataDir });
    const review = (await upload(first, FIXTURES.docx)).json();
    const terms = (await first.inject(`/api/reviews/${review.id}/terms`)).json() as { version: number; terms: Term[] };
    expect(terms.version).toBe(1);
    expect(terms.terms.map((t) => t.id)).toContain('termination-without-cause-payer');
    expect(terms.terms.every((t) => t.status === 'stated' || t.status === 'not-stated')).toBe(true);

    const saved = await first.inject({ method: 'PUT', url: `/api/reviews/${review.id}/terms/cure-period`, payload: { text: 'forty-five (45) days', note: 'read in 8.3' } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ id: 'cure-period', status: 'stated', display: '45 days', value: { kind: 'duration', days: 45 }, corrected: { text: 'forty-five (45) days' } });
    await first.close();

    const second = await openApp({ dataDir });
    const again = (await second.inject(`/api/reviews/${review.id}/terms`)).json() as { terms: Term[] };
    expect(again.terms.find((t) => t.id === 'cure-period')).toMatchObject({ display: '45 days', corrected: { text: 'forty-five (45) days' } });
    const csv = await second.inject(`/api/reviews/${review.id}/terms.csv`);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body).toMatch(/cure-period,[^\r\n]*45 days/);

    const removed = await second.inject({ method: 'DELETE', url: `/api/reviews/${review.id}/terms/cure-period` });
    expect(removed.json().corrected).toBeUndefined();
  });

  it('refuses an unknown field, an unknown review and a bad body with a problem code', async () => {
    const a = await openApp();
    const review = (await upload(a, FIXTURES.docx)).json();
    expect(problemOf(await a.inject({ method: 'PUT', url: `/api/reviews/${review.id}/terms/no-such-field`, payload: { text: '1 day' } }))).toMatchObject({ httpStatus: 404, code: 'KEY_TERM_NOT_FOUND' });
    expect(problemOf(await a.inject('/api/reviews/nope/terms'))).toMatchObject({ httpStatus: 404, code: 'REVIEW_NOT_FOUND' });
    expect(problemOf(await a.inject({ method: 'PUT', url: `/api/reviews/${review.id}/terms/cure-period`, payload: { value: 3 } }))).toMatchObject({ httpStatus: 400, code: 'INVALID_CORRECTION' });
  });
});
