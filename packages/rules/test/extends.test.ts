import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze, buildRuleset, loadRuleset, ruleCatalog, rulesTest, runExamples, setRuleDisabled, textDocument } from '../src/index.ts';
import { manifestInfo } from '../src/load/load-ruleset.ts';
import { fixture, PAYER_CORE } from './helpers.ts';

/** The `disable:` list as the loader reads it. */
const disabledRules = (text: string): string[] => manifestInfo([{ file: 'ruleset.yaml', text }]).disable;

const baseDirs = { 'engine-rules': fixture('engine-rules') };
const scratch = mkdtempSync(join(tmpdir(), 'redliner-extends-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('a ruleset that extends another', () => {
  const { ruleset, errors } = loadRuleset(fixture('extends-rules'), { baseDirs });

  it('loads the base rules, the added rule, and the own copy in place of the base rule', () => {
    expect(errors).toEqual([]);
    const ids = ruleset.rules.map((r) => r.id).sort();
    const base = loadRuleset(fixture('engine-rules')).rules.map((r) => r.id);
    expect(ids).toEqual([...new Set([...base, 'gag-clause'])].sort());
    const audit = ruleset.rules.find((r) => r.id === 'audit-lookback-unlimited')!;
    expect(audit.file).toBe(join(fixture('extends-rules'), 'audit-lookback-unlimited.yaml'));
    expect(ruleset.name).toBe('my-rules');
    expect(ruleset.concepts.map((c) => c.id)).toContain('rate-confidentiality-gag');
  });

  it('analyses with the own copy: an 18-month lookback is no longer flagged, 36 months still is', () => {
    const eighteen = 'Plan may audit claims paid within the eighteen (18) months preceding the date of the audit notice and recoup overpayments.';
    const thirtySix = 'Plan may audit claims paid within the thirty-six (36) months preceding the date of the audit notice and recoup overpayments.';
    const concept = (text: string, rs = ruleset) => analyze(textDocument(text), rs).findings.filter((f) => f.concept === 'audit-lookback');
    expect(concept(eighteen)).toHaveLength(0);
    expect(concept(eighteen, loadRuleset(fixture('engine-rules')).ruleset)).toHaveLength(1);
    expect(concept(thirtySix)).toHaveLength(1);
  });

  it('runs the examples of own and inherited rules', () => {
    const report = rulesTest(fixture('extends-rules'), { baseDirs });
    expect(report.failures).toEqual([]);
    expect(report.rules).toBe(ruleset.rules.length);
  });

  it('extends the bundled rulesets by name without options', () => {
    const dir = join(scratch, 'bundled');
    rmSync(dir, { recursive: true, force: true });
    freshDir(dir);
    writeFileSync(join(dir, 'ruleset.yaml'), 'name: mine\nextends: payer-core\n');
    const loaded = loadRuleset(dir);
    expect(loaded.errors).toEqual([]);
    expect(loaded.rules.length).toBe(loadRuleset(PAYER_CORE).rules.length);
    expect(loaded.ruleset.concepts).toHaveLength(22);
  });

  it('reports an unknown base at the extends line, and a loop', () => {
    const dir = join(scratch, 'unknown');
    freshDir(dir);
    writeFileSync(join(dir, 'ruleset.yaml'), 'name: mine\n# comment\nextends: no-such-ruleset\n');
    const loaded = loadRuleset(dir);
    expect(loaded.errors).toMatchObject([{ code: 'RULE_UNKNOWN_BASE', line: 3, col: 10 }]);
    // Refused rather than run with its own rules only.
    expect(loaded.rules).toEqual([]);

    const loop = join(scratch, 'loop');
    freshDir(loop);
    writeFileSync(join(loop, 'ruleset.yaml'), 'name: loop\nextends: self\n');
    const looped = loadRuleset(loop, { baseDirs: { self: loop } });
    expect(looped.errors).toMatchObject([{ code: 'RULE_UNKNOWN_BASE', line: 2 }]);
    expect(looped.errors[0]!.message).toMatch(/loop/);

    const byPath = join(scratch, 'by-path');
    freshDir(byPath);
    writeFileSync(join(byPath, 'ruleset.yaml'), `name: mine\nextends: ${JSON.stringify(fixture('engine-rules'))}\n`);
    expect(loadRuleset(byPath).rules.length).toBe(loadRuleset(fixture('engine-rules')).rules.length);
  });
});

describe('ruleCatalog', () => {
  it('lists own rules first, marks the replaced inherited rule, and keeps broken files', () => {
    const dir = join(scratch, 'catalog');
    freshDir(dir);
    writeFileSync(join(dir, 'ruleset.yaml'), 'name: mine\nextends: engine-rules\n');
    writeFileSync(join(dir, 'broken.yaml'), 'id: broken-rule\nconcept: [\n');
    writeFileSync(join(dir, 'evergreen-renewal.yaml'), loadText(fixture('engine-rules'), 'evergreen-renewal.yaml'));
    const { rules: entries, concepts } = ruleCatalog(dir, { baseDirs });
    expect(concepts.map((c) => c.id)).toEqual(loadRuleset(fixture('engine-rules')).ruleset.concepts.map((c) => c.id));
    expect(concepts[0]!.title).toBeTruthy();
    expect(entries[0]).toMatchObject({ id: 'broken', inherited: false });
    expect(entries[0]!.errorCount).toBeGreaterThan(0);
    const own = entries.find((e) => e.id === 'evergreen-renewal' && !e.inherited)!;
    const base = entries.find((e) => e.id === 'evergreen-renewal' && e.inherited)!;
    expect(own).toMatchObject({ replacesInherited: true, replaced: false, concept: 'evergreen-renewal', severity: expect.any(String) });
    expect(base).toMatchObject({ replacesInherited: false, replaced: true });
    expect(entries.filter((e) => e.inherited && !e.replaced).every((e) => e.title !== undefined)).toBe(true);
  });
});

describe('runExamples on rules held in memory', () => {
  it('locates a failing example in the text it was given, not a file on disk', () => {
    const text = [
      'id: mem-rule',
      'concept: evergreen-renewal',
      'title: Renews by itself',
      'severity: high',
      'scope: sentence',
      'kind: presence',
      'match:',
      "  pattern: '\\bautomatically\\s+renew'",
      "message: 'It renews.'",
      'explanation: Renewal is automatic.',
      'examples:',
      '  flag:',
      '    - This Agreement shall automatically renew for one year.',
      '    - This Agreement continues until terminated.',
      '',
    ].join('\n');
    const sources = [{ file: 'in-memory/mem-rule.yaml', text }];
    const { ruleset, errors } = buildRuleset(sources);
    expect(errors).toEqual([]);
    const { examples, failures } = runExamples(ruleset, sources);
    expect(examples).toBe(2);
    expect(failures).toMatchObject([{ code: 'RULE_EXAMPLE_FAILED', file: 'in-memory/mem-rule.yaml', line: 14, col: 7, expect: 'flag' }]);
  });
});

function freshDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}

function loadText(dir: string, name: string): string {
  return readFileSync(join(dir, name), 'utf8');
}

describe('disable', () => {
  it('leaves listed rules out, own or inherited, and locates an id that matches no rule', () => {
    const dir = join(scratch, 'disable');
    freshDir(dir);
    writeFileSync(join(dir, 'ruleset.yaml'), 'name: mine\nextends: engine-rules\ndisable:\n  - evergreen-renewal\n  - no-such-rule\n');
    const { ruleset, errors } = loadRuleset(dir, { baseDirs });
    expect(ruleset.rules.map((r) => r.id)).not.toContain('evergreen-renewal');
    expect(ruleset.rules).toHaveLength(loadRuleset(fixture('engine-rules')).rules.length - 1);
    expect(errors).toMatchObject([{ code: 'RULE_UNKNOWN_DISABLED', line: 5, col: 5, ruleId: 'no-such-rule' }]);
    const entry = ruleCatalog(dir, { baseDirs }).rules.find((e) => e.id === 'evergreen-renewal')!;
    expect(entry.disabled).toBe(true);
  });

  it('edits the disable list keeping comments, and removes it when empty', () => {
    const text = '# My rules: keep this comment\nname: mine\nextends: payer-core # the base\n';
    const off = setRuleDisabled(text, 'b-rule', true);
    const both = setRuleDisabled(off, 'a-rule', true);
    expect(both).toContain('# My rules: keep this comment');
    expect(both).toContain('# the base');
    expect(disabledRules(both)).toEqual(['a-rule', 'b-rule']);
    expect(setRuleDisabled(both, 'a-rule', true)).toBe(both);
    const back = setRuleDisabled(setRuleDisabled(both, 'a-rule', false), 'b-rule', false);
    expect(disabledRules(back)).toEqual([]);
    expect(back).not.toContain('disable');
    expect(() => setRuleDisabled('name: [', 'x', true)).toThrow(/not valid YAML/);
  });
});
