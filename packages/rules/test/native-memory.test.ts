import { describe, expect, it } from 'vitest';
import { analyze, buildRuleset, textDocument } from '../src/index.ts';
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
  it('keeps two contracts’ patterns at most, and still matches each new contract', () => {
    const { ruleset, errors } = buildRuleset([{ file: 'r.yaml', text: rule }]);
    expect(errors).toEqual([]);
    for (const name of ['Alpha Care', 'Beta Health', 'Gamma Plan', 'Delta Network']) {
      const found = analyze(textDocument(`${name} may amend the manual.`, { payer: [name] }), ruleset).findings;
      expect(found).toHaveLength(1);
      expect(ruleset.partyCache.size).toBeLessThanOrEqual(2);
    }
    expect([...ruleset.partyCache.values()].map((m) => m.ownPatterns())).toEqual([1, 1]);
  });
});
