import { describe, expect, it } from 'vitest';
import { keyTermRow } from '../src/model/key-terms.ts';
import type { KeyTerm } from '../src/types.ts';

const stated: KeyTerm = {
  id: 'termination-without-cause-payer',
  title: 'Termination without cause, by the payer',
  read: 'duration',
  status: 'stated',
  asWritten: 'sixty (60) days',
  value: { kind: 'duration', days: 60, unlimited: false },
  display: '60 days',
  span: { start: 120, end: 210 },
  quote: 'Plan may terminate this Agreement without cause upon sixty (60) days’ prior written notice.',
  location: { section: '7.2 Termination Without Cause', label: '7.2', page: 4 },
};

describe('key term rows', () => {
  it('show the value, the words as written and where the clause is, linked by its offset', () => {
    expect(keyTermRow(stated)).toMatchObject({ value: '60 days', stated: true, asWritten: 'sixty (60) days', where: '7.2 Termination Without Cause · page 4', clauseStart: 120, editText: '60 days' });
  });

  it('say "Not stated" plainly and start a correction from empty', () => {
    const row = keyTermRow({ id: 'cure-period', title: 'Cure period', read: 'duration', status: 'not-stated', searched: 'No clause in the whole contract states it.' });
    expect(row).toMatchObject({ value: 'Not stated', stated: false, editText: '', where: '' });
    expect(row.clauseStart).toBeUndefined();
  });

  it('say what a correction replaced', () => {
    const corrected: KeyTerm = { ...stated, display: '90 days', corrected: { text: '90 days', at: '2026-12-05T10:00:00Z', original: { status: 'stated', display: '60 days', asWritten: 'sixty (60) days' } } };
    expect(keyTermRow(corrected)).toMatchObject({ value: '90 days', correctedFrom: '60 days' });
    const fromNothing: KeyTerm = { ...stated, corrected: { text: '60 days', at: 'x', original: { status: 'not-stated' } } };
    expect(keyTermRow(fromNothing).correctedFrom).toBe('Not stated');
  });
});
