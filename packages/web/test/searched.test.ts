import { describe, expect, it } from 'vitest';
import { asPhrase, describeSearched, orList, parseSearched } from '../src/model/searched.ts';

const TITLES: Record<string, string> = {
  'recoupment-offset-during-dispute': 'Plan may keep recovering an alleged overpayment while the provider disputes it',
  'recoupment-offset-other-payments': 'Payer may offset overpayments against other payments',
  'mandatory-arbitration-one-sided': 'Binding arbitration on one-sided terms',
  'audit-lookback-no-limit': 'Audit or overpayment rights with no lookback limit',
  'hmo-rule': 'HMO may change the manual',
};
const titleOf = (id: string): string | undefined => TITLES[id];

describe('what the checklist searched, in plain words', () => {
  it('parses the engine line, with units, section limits and rules that did not apply', () => {
    expect(parseSearched('recoupment-offset-other-payments: 14 sentences; mandatory-arbitration-one-sided: 0 sections in sections titled Dispute/Arbitration; audit-lookback-no-limit: the whole document (does not apply: no triggering language)')).toEqual([
      { ruleId: 'recoupment-offset-other-payments', count: 14, unit: 'sentences', applies: true },
      { ruleId: 'mandatory-arbitration-one-sided', count: 0, unit: 'sections', sectionsOnly: ['Dispute', 'Arbitration'], applies: true },
      { ruleId: 'audit-lookback-no-limit', unit: 'document', applies: false },
    ]);
    expect(parseSearched('something else entirely')).toEqual([]);
  });

  it('names rules by title and says where they looked, with no rule ids or patterns', () => {
    const d = describeSearched('recoupment-offset-during-dispute: 211 sentences; recoupment-offset-other-payments: 211 sentences', titleOf, 'Recoupment by offset');
    expect(d.lookedFor).toBe('Looked for: plan may keep recovering an alleged overpayment while the provider disputes it; payer may offset overpayments against other payments.');
    expect(d.where).toBe('Searched the whole contract (211 sentences).');
    expect(d.notApplicable).toBe('');
    expect(`${d.lookedFor} ${d.where}`).not.toMatch(/recoupment-offset|[\\[\]]/);
  });

  it('explains section limits, a contract without those sections, and rules that did not apply', () => {
    const d = describeSearched('mandatory-arbitration-one-sided: 0 sections in sections titled Dispute/Arbitration; audit-lookback-no-limit: 1 sentences (does not apply: no triggering language)', titleOf, 'Arbitration');
    expect(d.lookedFor).toBe('Looked for: binding arbitration on one-sided terms.');
    expect(d.where).toBe('Searched sections headed “Dispute” or “Arbitration” (the contract has none); the whole contract (1 sentence).');
    expect(d.notApplicable).toBe('Not relevant to this contract, because it has no related language: audit or overpayment rights with no lookback limit.');
  });

  it("reads the engine's structured data the same way as its text line", () => {
    const line = 'mandatory-arbitration-one-sided: 0 sections in sections titled Dispute/Arbitration; audit-lookback-no-limit: 1 sentences (does not apply: no triggering language)';
    const data = [
      { ruleId: 'mandatory-arbitration-one-sided', unit: 'sections' as const, count: 0, sectionsOnly: ['Dispute', 'Arbitration'], applies: true },
      { ruleId: 'audit-lookback-no-limit', unit: 'sentences' as const, count: 1, applies: false },
    ];
    expect(parseSearched(line)).toEqual(data);
    expect(describeSearched(data, titleOf, 'Arbitration')).toEqual(describeSearched(line, titleOf, 'Arbitration'));
  });

  it('falls back to the topic title for unknown rules or an unreadable line', () => {
    expect(describeSearched('new-rule: 3 paragraphs', titleOf, 'Evergreen / automatic renewal').lookedFor).toBe('Looked for: evergreen / automatic renewal.');
    expect(describeSearched('???', titleOf, 'Class action ban')).toEqual({ lookedFor: 'Looked for: class action ban.', where: 'Searched the whole contract.', notApplicable: '' });
  });

  it('keeps acronyms and lists alternatives the way people write them', () => {
    expect(asPhrase('HMO may change the manual.')).toBe('HMO may change the manual');
    expect(asPhrase('Payer may assign')).toBe('payer may assign');
    expect(orList(['a', 'b', 'c'])).toBe('a, b or c');
    expect(orList(['a'])).toBe('a');
  });
});
