import { describe, expect, it } from 'vitest';
import { analyze, buildRuleset, textDocument } from '../src/index.ts';
import { compileSafePattern } from '../src/compile/safe-pattern.ts';

const rule = (pattern: string) => `id: catastrophic
concept: test
title: t
severity: low
scope: document
kind: presence
match:
  pattern: '${pattern}'
message: m
explanation: e
`;

describe('linear-time patterns', () => {
  it('runs (a+)+$ on a 100,000-character input in well under a second', () => {
    const { ruleset, errors } = buildRuleset([{ file: 'catastrophic.yaml', text: rule('(a+)+$') }]);
    expect(errors).toEqual([]);
    const document = textDocument(`${'a'.repeat(100_000)}!`);
    const started = performance.now();
    const { findings } = analyze(document, ruleset);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(findings).toEqual([]);
  });

  it('would have hung V8: the same pattern matches when the input allows it', () => {
    const { ruleset } = buildRuleset([{ file: 'c.yaml', text: rule('(a+)+$') }]);
    expect(analyze(textDocument('a'.repeat(50_000)), ruleset).findings).toHaveLength(1);
  });

  it.each([
    ['(?=notice)', /lookahead/],
    ['(?<=plan )may', /lookbehind/],
    ['(\\w+) \\1', /backreferences/],
  ])('rejects %s as unsafe, saying why', (source, why) => {
    const result = compileSafePattern(source);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe('RULE_UNSAFE_PATTERN');
      expect(result.message).toMatch(why);
    }
  });

  it('rejects a pattern that matches empty text', () => {
    const result = compileSafePattern('x*');
    expect(result.ok === false && result.code).toBe('RULE_BAD_PATTERN');
  });
});
