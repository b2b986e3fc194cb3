import { analyze, buildRuleset, DEFAULT_RULESET_DIR, runExamples, textDocument, vocabularySources } from '@redliner/rules';
import { describe, expect, it } from 'vitest';
import { newRuleYaml } from '../src/model/new-rule.ts';
import { examplesNote } from '../src/model/rule-check.ts';
import { filterRules, groupRules, offsetAt, ruleIdOf, type ListedRule } from '../src/model/rule-list.ts';

const rule = (id: string, concept: string | undefined, title?: string): ListedRule => ({ id, ...(concept ? { concept } : {}), ...(title ? { title } : {}), origin: 'bundled', errorCount: 0 });

describe('rule list', () => {
  const rules = [rule('b-rule', 'prompt-pay', 'Zeta'), rule('a-rule', 'prompt-pay', 'Alpha'), rule('evergreen', 'evergreen-renewal', 'Renews'), rule('odd', 'zz-own'), rule('broken', undefined)];

  it('groups in checklist order, unknown concepts after, unreadable rules last, titles sorted', () => {
    const groups = groupRules(rules, ['evergreen-renewal', 'prompt-pay']);
    expect(groups.map((g) => g.concept)).toEqual(['evergreen-renewal', 'prompt-pay', 'zz-own', '']);
    expect(groups[1]!.rules.map((r) => r.id)).toEqual(['a-rule', 'b-rule']);
  });

  it('filters on every word across id, title and concept', () => {
    expect(filterRules(rules, 'prompt alpha').map((r) => r.id)).toEqual(['a-rule']);
    expect(filterRules(rules, '  ')).toHaveLength(rules.length);
    expect(filterRules(rules, 'RENEWS')).toHaveLength(1);
  });

  it('turns line and column into an offset, clamped to the line and the text', () => {
    const text = 'id: x\nconcept: y\n';
    expect(offsetAt(text, 1, 1)).toBe(0);
    expect(offsetAt(text, 2, 10)).toBe(text.indexOf('y'));
    expect(offsetAt(text, 2, 99)).toBe(text.indexOf('\n', 6));
    expect(offsetAt(text, 9, 1)).toBe(text.length);
  });

  it('reads the id line, quoted or not, ignoring nested ids', () => {
    expect(ruleIdOf('# c\nid: audit-lookback # mine\nconcept: x')).toBe('audit-lookback');
    expect(ruleIdOf("id: 'quoted-id'\n")).toBe('quoted-id');
    expect(ruleIdOf('  id: nested\n')).toBeUndefined();
    expect(ruleIdOf('id: Not_Kebab\n')).toBeUndefined();
  });
});

describe('new rule template', () => {
  const yaml = newRuleYaml('unilateral-amendment');
  // The template uses the bundled vocabulary ({may}, {discretion}), as the editor checks it.
  const sources = [...vocabularySources(DEFAULT_RULESET_DIR), { file: 'new.yaml', text: yaml }];

  it('is a valid rule whose examples pass with the bundled vocabulary', () => {
    const { ruleset, errors } = buildRuleset(sources, { concepts: ['unilateral-amendment'] });
    expect(errors).toEqual([]);
    expect(ruleset.rules.map((r) => r.id)).toEqual(['unilateral-amendment-custom']);
    expect(runExamples(ruleset, sources).examples).toBe(4);
    expect(runExamples(ruleset, sources).failures).toEqual([]);
    expect(ruleIdOf(yaml)).toBe('unilateral-amendment-custom');
  });

  it('says who does what with shared classes, and holds only for the payer', () => {
    expect(yaml).toMatch(/- who: payer\n\s+does: '\{may\} change'/);
    expect(yaml).toContain("phrase: '{discretion}'");
    const { ruleset } = buildRuleset(sources);
    const flagged = (text: string) => analyze(textDocument(text), ruleset).findings.length > 0;
    expect(flagged('Plan has the right to change the rates in its sole judgment.')).toBe(true);
    expect(flagged('Either party may change its notice address at its sole discretion.')).toBe(false);
  });

  it('does not compile without the vocabulary it relies on', () => {
    expect(buildRuleset([{ file: 'new.yaml', text: yaml }]).errors.map((e) => e.code)).toContain('RULE_UNKNOWN_PLACEHOLDER');
  });
});

describe('examples note', () => {
  it('says how many examples passed, and never that examples pass when there are none', () => {
    expect(examplesNote({ total: 4, failed: 0 })).toBe('All 4 of its examples behave as declared.');
    expect(examplesNote({ total: 1, failed: 0 })).toBe('Its one example behaves as declared.');
    expect(examplesNote({ total: 0, failed: 0 })).toMatch(/^It has no examples yet/);
    expect(examplesNote({ total: 3, failed: 1 })).toBe('1 of its 3 examples does not behave as declared.');
  });
});
