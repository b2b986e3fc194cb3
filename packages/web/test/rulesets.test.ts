import { describe, expect, it } from 'vitest';
import { initialRuleset, offersChoice, RULESET_KEY, rememberRuleset, rememberedRuleset, rulesetLabel, rulesetOption, type RulesetStorage } from '../src/model/rulesets.ts';
import type { RulesetInfo } from '../src/types.ts';

const bundled: RulesetInfo = { id: 'payer-core', source: 'bundled', name: 'payer-core', version: '0.1.0', rules: 40, concepts: [], errors: [] };
const mine: RulesetInfo = { id: 'user:mine', source: 'user', name: 'My rules', rules: 3, concepts: [], errors: ['a.yaml:1:1 RULE_X broken'] };
const broken: RulesetInfo = { id: 'user:broken', source: 'user', name: 'Broken', rules: 0, concepts: [], errors: ['x', 'y'] };

function memory(): RulesetStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('rulesets for the reader', () => {
  it('labels a ruleset with its name and version, and says whose it is and whether it loads', () => {
    expect(rulesetLabel(bundled)).toBe('payer-core, version 0.1.0');
    expect(rulesetLabel({ name: 'My rules' })).toBe('My rules');
    expect(rulesetOption(bundled)).toBe('payer-core, version 0.1.0 (built in)');
    expect(rulesetOption(mine)).toBe('My rules (your rules) — 1 rule has problems');
    expect(rulesetOption(broken)).toMatch(/no rule loads/);
  });

  it('offers a choice only when there is more than one ruleset', () => {
    expect(offersChoice([bundled])).toBe(false);
    expect(offersChoice([bundled, mine])).toBe(true);
  });

  it('starts from the remembered choice while it exists, else the bundled rules', () => {
    expect(initialRuleset([bundled, mine], 'user:mine')).toBe('user:mine');
    expect(initialRuleset([bundled, mine], 'user:deleted')).toBe('payer-core');
    expect(initialRuleset([mine], null)).toBe('user:mine');
    expect(initialRuleset([], null)).toBeUndefined();
  });

  it('remembers the last choice, and survives storage that refuses', () => {
    const store = memory();
    expect(rememberedRuleset(store)).toBeNull();
    rememberRuleset(store, 'user:mine');
    expect(store.data.get(RULESET_KEY)).toBe('user:mine');
    expect(rememberedRuleset(store)).toBe('user:mine');
    const refusing: RulesetStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(rememberedRuleset(refusing)).toBeNull();
    expect(() => rememberRuleset(refusing, 'x')).not.toThrow();
    expect(rememberedRuleset(undefined)).toBeNull();
  });
});
