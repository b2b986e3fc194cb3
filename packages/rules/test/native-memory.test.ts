import { describe, expect, it } from 'vitest';
import { analyze, buildRuleset, textDocument } from '../src/index.ts';
import { evictParties } from '../src/match/leaf-hits.ts';
import { retirePatterns } from '../src/match/native-memory.ts';

describe('retirePatterns', () => {
  it('collects only once enough evicted patterns have piled up', () => {
    // A huge threshold first drains whatever earlier calls left pending.
    retirePatterns(0, 0);
    expect(retirePatterns(40, 100)).toBe(false);
    expect(retirePatterns(59, 100)).toBe(false);
    expect(retirePatterns(1, 100)).toBe(true);
    expect(retirePatterns(1, 100)).toBe(false);
  });
});

describe('the party-pattern cache', () => {
  const rule = ['id: r', 'concept: c', 'title: T', 'severity: low', 'scope: sentence', 'kind: presence', 'match:', "  phrase: '{payer} may amend'", 'message: m', 'explanation: e'].join('\n');
  it('keeps eight small party sets at most, and still matches each new contract', () => {
    const { ruleset, errors } = buildRuleset([{ file: 'r.yaml', text: rule }]);
    expect(errors).toEqual([]);
    for (let i = 0; i < 10; i++) {
      const name = `Carrier${String.fromCharCode(65 + i)}`;
      expect(analyze(textDocument(`${name} may amend the manual.`, { payer: [name] }), ruleset).findings).toHaveLength(1);
      expect(ruleset.partyCache.size).toBeLessThanOrEqual(8);
    }
    expect([...ruleset.partyCache.values()].map((m) => m.ownPatterns())).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
  });
  it('keeps fewer sets when they are large', () => {
    const set = (own: number) => ({ regexOf: () => undefined, namedIn: () => false, ownPatterns: () => own });
    const cache = new Map([['a', set(900)], ['b', set(900)], ['c', set(900)]]);
    evictParties(cache);
    // 2,700 patterns: the oldest goes, then 1,800 fit the budget beside the set to come.
    expect([...cache.keys()]).toEqual(['b', 'c']);
    const small = new Map(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((k) => [k, set(5)] as const));
    evictParties(small);
    expect([...small.keys()]).toEqual(['b', 'c', 'd', 'e', 'f', 'g', 'h']);
  });
});
