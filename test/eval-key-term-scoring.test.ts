/** Key-term scoring of `pnpm eval --only terms`: correct, missed, wrong, invented. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acceptedValues, loadTermGold } from '../scripts/eval/key-term-gold.ts';
import { emptyTermTally, scoreTerms, termOutcome } from '../scripts/eval/key-term-scoring.ts';
import type { TermTally } from '../scripts/eval/key-term-scoring.ts';

describe('key-term scoring', () => {
  it('tells correct, missed, wrong and invented apart', () => {
    expect(termOutcome(['90 days'], '90 days')).toBe('correct');
    expect(termOutcome(['90 days'], 'not stated')).toBe('missed');
    expect(termOutcome(['90 days'], '30 days')).toBe('wrong');
    expect(termOutcome(['not stated'], '30 days')).toBe('invented');
    expect(termOutcome(['not stated'], 'Not stated')).toBe('none');
  });

  it('accepts any value of a term stated per product', () => {
    expect(termOutcome(['120 days', '90 days'], '90 days')).toBe('correct');
  });

  it('counts stated and unstated fields apart, per field and overall', () => {
    const byField = new Map<string, TermTally>();
    const total = emptyTermTally();
    const gold = { document: 'x.pdf', fields: { 'cure-period': { value: '30 days' }, 'effective-date': { value: 'not stated' }, 'initial-term': { value: '1 year' } } };
    const got = new Map([['cure-period', '30 days'], ['effective-date', '2021-01-01']]);
    scoreTerms(gold, got, byField, total);
    expect(total).toEqual({ stated: 2, correct: 1, wrong: 0, missed: 1, notStated: 1, invented: 1 });
    expect(byField.get('effective-date')).toMatchObject({ notStated: 1, invented: 1 });
  });
});

describe('key-term gold files', () => {
  it('read a bare string as the value and keep alternatives', () => {
    const dir = mkdtempSync(join(tmpdir(), 'term-gold-'));
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ document: 'a.pdf', fields: { 'cure-period': '30 days', 'timely-filing-initial': { value: '120 days', also: ['90 days'], note: '3.1' } } }));
    const [gold] = loadTermGold(dir);
    expect(gold!.fields['cure-period']).toEqual({ value: '30 days' });
    expect(acceptedValues(gold!.fields['timely-filing-initial']!)).toEqual(['120 days', '90 days']);
  });

  it('refuse a file without a document name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'term-gold-'));
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ fields: {} }));
    expect(() => loadTermGold(dir)).toThrow(/document/);
  });
});
