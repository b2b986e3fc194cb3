import { describe, expect, it } from 'vitest';
import { computeDeadlines, type ContractDeadlines } from '../src/index.ts';
import { termReport } from './term-report.ts';

const on = (d: ContractDeadlines, kind: string) => d.deadlines.find((x) => x.kind === kind);

describe('computeDeadlines', () => {
  it('dates the term end, the notice deadline and the day to start renegotiating', () => {
    const d = computeDeadlines(termReport({ 'effective-date': '2027-01-01', 'initial-term': '3 years', 'automatic-renewal': 'No', 'non-renewal-notice': '90 days' }), { today: '2027-06-01' });
    expect(on(d, 'term-end')).toMatchObject({ date: '2029-12-31', title: 'Contract expires', passed: false });
    expect(on(d, 'non-renewal-notice')?.date).toBe('2029-10-02');
    expect(on(d, 'renegotiate')?.date).toBe('2029-04-02');
    expect(d.deadlines.map((x) => x.date)).toEqual(['2029-04-02', '2029-10-02', '2029-12-31']);
    expect(d.missing).toEqual([]);
  });

  it('rolls an evergreen contract forward past today, from the effective date without month-end drift', () => {
    const d = computeDeadlines(
      termReport({ 'effective-date': '2020-01-31', 'initial-term': '1 year', 'automatic-renewal': 'Yes', 'renewal-term': '1 year', 'non-renewal-notice': '60 days' }),
      { today: '2026-12-06' },
    );
    // Terms end 2021-01-30 … 2027-01-30; the 2027 notice deadline (2026-12-01) has passed, so the next term counts.
    expect(on(d, 'term-end')?.date).toBe('2028-01-30');
    expect(on(d, 'non-renewal-notice')?.date).toBe('2027-12-01');
    expect(on(d, 'term-end')?.why).toMatch(/7 automatic renewals of 1 year/);
    expect(d.deadlines.every((x) => !x.passed || x.kind === 'renegotiate')).toBe(true);
  });

  it('counts a leap-day effective date by calendar months', () => {
    const d = computeDeadlines(termReport({ 'effective-date': '2028-02-29', 'initial-term': '12 months', 'automatic-renewal': 'No' }), { today: '2028-03-01' });
    expect(on(d, 'term-end')?.date).toBe('2029-02-27');
    // No automatic renewal: no notice is needed, so none is missing.
    expect(d.missing).toEqual([]);
    expect(on(d, 'renegotiate')?.date).toBe('2028-08-27');
  });

  it('takes a notice window in months and a configurable lead time', () => {
    const d = computeDeadlines(termReport({ 'effective-date': '2027-03-31', 'initial-term': '2 years', 'automatic-renewal': 'Yes', 'renewal-term': '1 year', 'non-renewal-notice': 'six (6) months' }), { today: '2027-04-01', renegotiateMonths: 3 });
    expect(on(d, 'term-end')?.date).toBe('2029-03-30');
    expect(on(d, 'non-renewal-notice')?.date).toBe('2028-09-30');
    expect(on(d, 'renegotiate')?.date).toBe('2028-06-30');
    expect(d.renegotiateMonths).toBe(3);
  });

  it('gives no date, but the reason, when the effective date or the term is missing', () => {
    const noDate = computeDeadlines(termReport({ 'initial-term': '1 year' }), { today: '2027-01-01' });
    expect(noDate.deadlines).toEqual([]);
    expect(noDate.missing.map((m) => m.kind)).toEqual(['term-end', 'non-renewal-notice', 'renegotiate']);
    expect(noDate.missing[0]?.reason).toMatch(/^cannot compute: the effective date is not stated/);
    expect(noDate.missing[0]?.needs).toEqual(['effective-date']);
    const noTerm = computeDeadlines(termReport({ 'effective-date': 'January 1, 2027' }), { today: '2027-01-01' });
    expect(noTerm.deadlines).toEqual([]);
    expect(noTerm.missing[0]?.reason).toMatch(/initial term is not stated/);
  });

  it('says the notice window is missing for a renewing contract instead of inventing one', () => {
    const d = computeDeadlines(termReport({ 'effective-date': '2027-01-01', 'initial-term': '1 year', 'automatic-renewal': 'Yes', 'renewal-term': '1 year' }), { today: '2027-02-01' });
    expect(on(d, 'non-renewal-notice')).toBeUndefined();
    expect(d.missing).toEqual([expect.objectContaining({ kind: 'non-renewal-notice', needs: ['non-renewal-notice'] })]);
    expect(on(d, 'renegotiate')?.date).toBe('2027-06-30');
  });

  it('marks an expired contract passed, and a renewing one without a renewal term as unable to roll', () => {
    const expired = computeDeadlines(termReport({ 'effective-date': '2020-01-01', 'initial-term': '1 year', 'automatic-renewal': 'No' }), { today: '2026-01-01' });
    expect(on(expired, 'term-end')).toMatchObject({ date: '2020-12-31', passed: true });
    const stuck = computeDeadlines(termReport({ 'effective-date': '2020-01-01', 'initial-term': '1 year', 'automatic-renewal': 'Yes', 'non-renewal-notice': '90 days' }), { today: '2026-01-01' });
    expect(stuck.missing.map((m) => m.needs[0])).toContain('renewal-term');
  });
});
