import { describe, expect, it } from 'vitest';
import { analyze, buildRuleset, textDocument } from '../src/index.ts';

const absence = ['id: a', 'concept: c', 'title: T', 'severity: low', 'scope: sentence', 'kind: absence', 'match:', '  phrase: late payment interest', 'message: m', 'explanation: e'].join('\n');
const presence = ['id: p', 'concept: c', 'title: T', 'severity: low', 'scope: sentence', 'kind: presence', 'match:', '  phrase: waive', 'message: m', 'explanation: e'].join('\n');

describe('what satisfied an absence rule', () => {
  const { ruleset, errors } = buildRuleset([
    { file: 'a.yaml', text: absence },
    { file: 'p.yaml', text: presence },
  ]);
  it('lists every satisfying sentence, not only the first', () => {
    expect(errors).toEqual([]);
    const text = 'Plan owes late payment interest at 1% a month. Provider reads the manual. Late payment interest is due with the claim.';
    const [entry] = analyze(textDocument(text), ruleset).checklist;
    expect(entry?.status).toBe('acceptable');
    if (entry?.status !== 'acceptable') return;
    expect(entry.evidence.quote).toContain('1% a month');
    expect(entry.satisfied?.map((e) => e.quote)).toEqual(['Plan owes late payment interest at 1% a month.', 'Late payment interest is due with the claim.']);
    expect(entry.satisfied?.every((e) => e.ruleId === 'a')).toBe(true);
  });
  it('keeps the list on a risky concept, so a weak protection beside the risk is seen', () => {
    const text = 'Late payment interest accrues at 0.1% a year. Provider may waive it.';
    const [entry] = analyze(textDocument(text), ruleset).checklist;
    expect(entry?.status).toBe('risky');
    if (entry?.status !== 'risky') return;
    expect(entry.satisfied?.map((e) => e.quote)).toEqual(['Late payment interest accrues at 0.1% a year.']);
  });
  it('has no list when nothing satisfied the absence rule', () => {
    const [entry] = analyze(textDocument('Provider may waive it.'), ruleset).checklist;
    expect(entry && 'satisfied' in entry).toBe(false);
  });
});
