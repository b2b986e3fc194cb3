import { describe, expect, it } from 'vitest';
import { analyze, buildRuleset, textDocument } from '../src/index.ts';
import { inConjunctOf } from '../src/match/conjuncts.ts';

const rule = (tied: boolean) =>
  [
    'id: r', 'concept: c', 'title: T', 'severity: low', 'scope: sentence', 'kind: presence', 'match:', '  all:',
    '    - who: payer', '      does: pay', '    - duration: { at-most: 20 days }', '  within: 30', ...(tied ? ['  numbers-of-act: true'] : []),
    'message: m', 'explanation: e',
  ].join('\n');

function flags(tied: boolean, text: string): boolean {
  const { ruleset, errors } = buildRuleset([{ file: 'r.yaml', text: rule(tied) }]);
  expect(errors).toEqual([]);
  return analyze(textDocument(text), ruleset).findings.length > 0;
}

describe('numbers-of-act', () => {
  it.each([
    ['Plan shall acknowledge receipt within 15 days and pay claims within 60 days.', false],
    ['Plan shall pay claims and shall respond to inquiries within 10 days.', false],
    ['Plan shall pay claims and respond to inquiries within 10 days.', false],
    ['Plan shall pay claims within 60 days; Plan shall answer letters within 10 days.', false],
    ['Plan shall pay claims within 10 days and send a remittance with each payment.', true],
    ['Within 10 days after receipt, Plan shall pay each claim.', true],
    ['Plan shall pay claims and interest within 10 days.', true],
    ['Plan shall pay claims for services and supplies within 10 days.', true],
  ])('%s → %s', (text, expected) => {
    expect(flags(true, text)).toBe(expected);
  });

  it('leaves rules without it reading any number of the sentence', () => {
    expect(flags(false, 'Plan shall acknowledge receipt within 15 days and pay claims within 60 days.')).toBe(true);
    expect(flags(false, 'Plan shall pay claims and shall respond to inquiries within 10 days.')).toBe(true);
  });

  it('never lets an act of one sentence claim a number of the next (reach: next-sentence)', () => {
    const reached = rule(true).replace('  numbers-of-act: true', '  numbers-of-act: true\n  reach: next-sentence');
    const { ruleset, errors } = buildRuleset([{ file: 'r.yaml', text: reached }]);
    expect(errors).toEqual([]);
    const hit = (text: string) => analyze(textDocument(text), ruleset).findings.length > 0;
    expect(hit('Plan shall pay claims. Provider shall respond within 10 days.')).toBe(false);
    expect(hit('Plan shall review claims. Plan shall pay them within 10 days.')).toBe(true);
  });

  it('is refused outside `all`', () => {
    const bad = rule(false).replace("    - duration: { at-most: 20 days }", "    - duration: { at-most: 20 days }\n      numbers-of-act: true");
    expect(buildRuleset([{ file: 'r.yaml', text: bad }]).errors[0]?.message).toContain('`numbers-of-act` only applies to `all`');
  });
});

describe('inConjunctOf', () => {
  const at = (text: string, word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length });
  it('separates predicates joined by a coordinator and keeps nouns joined by one', () => {
    const t = 'Plan shall notify Provider within 5 days and pay claims and encounters within 30 days.';
    expect(inConjunctOf(t, at(t, '5 days'), at(t, 'pay'))).toBe(false);
    expect(inConjunctOf(t, at(t, '30 days'), at(t, 'pay'))).toBe(true);
    expect(inConjunctOf(t, at(t, '5 days'), at(t, 'notify'))).toBe(true);
  });

  it('ends a conjunct where a coordinator opens a clause with its own subject', () => {
    const t = "The terminating party shall give 30 days' notice, and Plan shall inform Members within 10 days.";
    expect(inConjunctOf(t, at(t, '10 days'), at(t, 'give'))).toBe(false);
    expect(inConjunctOf(t, at(t, '30 days'), at(t, 'give'))).toBe(true);
    const u = 'Plan shall pay claims and the other party shall respond within 10 days.';
    expect(inConjunctOf(u, at(u, '10 days'), at(u, 'pay'))).toBe(false);
  });
});
