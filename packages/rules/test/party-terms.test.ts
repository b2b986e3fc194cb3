import { describe, expect, it } from 'vitest';
import { analyze, buildRuleset, textDocument } from '../src/index.ts';

const flags = (phrase: string, text: string, payer: string[]): boolean => {
  const rule = ['id: r', 'concept: c', 'title: T', 'severity: low', 'scope: sentence', 'kind: presence', 'match:', `  phrase: '${phrase}'`, 'message: m', 'explanation: e'].join('\n');
  const { ruleset, errors } = buildRuleset([{ file: 'r.yaml', text: rule }]);
  expect(errors).toEqual([]);
  return analyze(textDocument(text, { payer }), ruleset).findings.length > 0;
};

describe('party terms in phrases', () => {
  const acme = ['Acme Health Plan, Inc.'];
  it('reads a party name that ends in a period wherever it stands in the phrase', () => {
    // at the end of a phrase a word boundary follows the name, which "Inc." followed by a space has not
    expect(flags('which {payer}', 'The schedule, which Acme Health Plan, Inc. may revise, applies.', acme)).toBe(true);
    expect(flags('{payer} may revise', 'The schedule, which Acme Health Plan, Inc. may revise, applies.', acme)).toBe(true);
    expect(flags('which {payer} may revise', 'The schedule, which Acme Health Plan, Inc. may revise, applies.', acme)).toBe(true);
  });
  it('still needs the whole name', () => {
    expect(flags('which {payer} may revise', 'The schedule, which Acme Health may revise, applies.', acme)).toBe(false);
    expect(flags('which {payer}', 'The schedule, which Acme Health Plan, Incorporated may revise, applies.', acme)).toBe(false);
  });
});

describe('a party name inside a `...` gap', () => {
  const names = ['Great Plains Community Care, LLC'];
  it('counts as one word, like a short term', () => {
    expect(flags('dispute ... within', 'Group may dispute any decision of Plan within ten days.', ['Plan'])).toBe(true);
    expect(flags('dispute ... within', 'Group may dispute any decision of Great Plains Community Care, LLC within ten days.', names)).toBe(true);
  });
  it('still limits the gap to six words', () => {
    expect(flags('dispute ... within', 'Group may dispute any decision of the said company made in writing within ten days.', names)).toBe(false);
    expect(flags('dispute ... within', 'Group may dispute any of the decisions of Great Plains Community Care, LLC made in writing within ten days.', names)).toBe(false);
  });
});

describe('widened gaps compile only where a long name stands', () => {
  const rule = ['id: r', 'concept: c', 'title: T', 'severity: low', 'scope: sentence', 'kind: presence', 'match:', "  phrase: 'dispute ... within'", 'message: m', 'explanation: e'].join('\n');
  const run = (text: string) => {
    const { ruleset } = buildRuleset([{ file: 'r.yaml', text: rule }]);
    const found = analyze(textDocument(text, { payer: ['Great Plains Community Care, LLC'] }), ruleset).findings.length;
    return { found, own: [...ruleset.partyCache.values()][0]!.ownPatterns() };
  };
  it('keeps the shared pattern in a paragraph without the name, with the same result', () => {
    expect(run('Group may dispute any decision of Plan within ten days.')).toEqual({ found: 1, own: 0 });
  });
  it('compiles the widened copy where the name stands', () => {
    expect(run('Group may dispute any decision of Great Plains Community Care, LLC within ten days.')).toEqual({ found: 1, own: 1 });
  });
});
