import { describe, expect, it } from 'vitest';
import { originalText, redlineDiff, redlineOptions, wordDiff } from '../src/model/diff.ts';
import { TEXT, finding } from './fixtures.ts';

describe('wordDiff', () => {
  it('marks deleted and inserted words and keeps the rest', () => {
    const parts = wordDiff('recoup overpayments at any time', 'recoup overpayments within 12 months');
    expect(parts.filter((p) => p.kind === 'same').map((p) => p.text).join('')).toContain('recoup overpayments');
    expect(parts.some((p) => p.kind === 'deleted' && p.text.includes('any time'))).toBe(true);
    expect(parts.some((p) => p.kind === 'inserted' && p.text.includes('12 months'))).toBe(true);
    // Reading the kept and deleted parts gives the original; kept and inserted the proposal.
    expect(parts.filter((p) => p.kind !== 'inserted').map((p) => p.text).join('')).toBe('recoup overpayments at any time');
    expect(parts.filter((p) => p.kind !== 'deleted').map((p) => p.text).join('')).toBe('recoup overpayments within 12 months');
  });

  it('shows a clause mostly rewritten as the old struck and the new underlined, not as fragments', () => {
    const before = 'Plan may recover any overpayment at any time by offset against any payment.';
    const after = 'Each party shall resolve disputes about a payment through the appeal process first.';
    expect(wordDiff(before, after)).toEqual([{ kind: 'deleted', text: before }, { kind: 'inserted', text: after }]);
  });

  it('handles pure insertions, deletions and no change', () => {
    expect(wordDiff('', 'new clause')).toEqual([{ kind: 'inserted', text: 'new clause' }]);
    expect(wordDiff('old clause', '')).toEqual([{ kind: 'deleted', text: 'old clause' }]);
    expect(wordDiff('same', 'same')).toEqual([{ kind: 'same', text: 'same' }]);
  });
});

describe('redline view model', () => {
  const f = finding('recoup@1', 'high', 'at any time without notice', {
    redline: { op: 'replace', text: 'within 12 months after payment, with 30 days notice', alternatives: ['within 18 months', 'within 24 months'] },
  });

  it('lists the preferred wording then each fallback with its API index', () => {
    expect(redlineOptions(f.redline).map((o) => [o.label, o.alternative])).toEqual([
      ['Preferred wording', undefined],
      ['Fallback 1', 0],
      ['Fallback 2', 1],
    ]);
    expect(redlineOptions(undefined)).toEqual([]);
  });

  it('diffs the contract language at the span against the chosen option', () => {
    expect(originalText(TEXT, f, f.redline!)).toBe('at any time without notice');
    const parts = redlineDiff(TEXT, f, 'within 18 months');
    expect(parts.filter((p) => p.kind !== 'inserted').map((p) => p.text).join('')).toBe('at any time without notice');
    expect(parts.filter((p) => p.kind !== 'deleted').map((p) => p.text).join('')).toBe('within 18 months');
  });

  it('shows an insertion for missing language and a strike-out for a deletion', () => {
    const missing = finding('m@absent', 'high', null, { redline: { op: 'insert', insertAt: 10, text: 'Clean claims are paid in 30 days.', alternatives: [] } });
    expect(redlineDiff(TEXT, missing, missing.redline!.text)).toEqual([{ kind: 'inserted', text: 'Clean claims are paid in 30 days.' }]);
    const strike = finding('d@1', 'low', 'without notice', { redline: { op: 'delete', text: '', alternatives: [] } });
    expect(redlineDiff(TEXT, strike, '')).toEqual([{ kind: 'deleted', text: 'without notice' }]);
  });
});
