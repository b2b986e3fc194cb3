import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRuleset, loadRuleset, rulesLint, rulesTest, runExamples } from '../src/index.ts';
import { fixture, PAYER_CORE } from './helpers.ts';

describe('rulesTest', () => {
  it('passes every embedded example of payer-core', () => {
    const report = rulesTest(PAYER_CORE);
    expect(report.errors).toEqual([]);
    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.examples).toBeGreaterThanOrEqual(30);
    // Over 700 examples, each a small document analysed by its rule: about 20 s alone and three
    // times that while other test files share the two cores, so not the default minute.
  }, 240_000);

  it('gives every bundled rule at least three flag and three pass examples', () => {
    for (const rule of loadRuleset(PAYER_CORE).rules) {
      expect(rule.spec.examples?.flag?.length ?? 0, rule.id).toBeGreaterThanOrEqual(3);
      expect(rule.spec.examples?.pass?.length ?? 0, rule.id).toBeGreaterThanOrEqual(3);
    }
  });

  it('reports a failing example with its file, line and column', () => {
    const report = rulesTest(fixture('failing-example'));
    expect(report.ok).toBe(false);
    expect(report.passed).toBe(3);
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]).toMatchObject({ code: 'RULE_EXAMPLE_FAILED', ruleId: 'renewal-too-narrow', expect: 'flag', line: 14, col: 7 });
    expect(basename(report.failures[0]!.file)).toBe('renewal.yaml');
  });

  it('counts the work its examples did, not time the machine spent on other processes', () => {
    const text = ['id: r', 'concept: c', 'title: T', 'severity: low', 'scope: sentence', 'kind: presence', 'match:', '  phrase: without cause', 'message: m', 'explanation: e', 'examples:', '  flag:', '    - Plan may terminate without cause.', '    - Carrier may terminate without cause.', '  pass:', '    - Plan may terminate for cause.'].join('\n');
    const sources = [{ file: 'r.yaml', text }];
    const { ruleset } = buildRuleset(sources);
    // Each clock read: the wall clock moves 4 s; the process's CPU time moves `cpuStep` ms.
    const run = (cpuStep: number) => {
      let wall = 0;
      let cpu = 0;
      const now = () => (wall += 4000);
      const cpuNow = () => (cpu += cpuStep);
      return runExamples(ruleset, sources, { now, cpuNow, ruleBudgetMs: 10_000 }).failures.map((f) => f.code);
    };
    // A busy machine: the wall clock runs far ahead, the rule itself did little.
    expect(run(1)).toEqual([]);
    // A rule whose own work is slow is still stopped.
    expect(run(4000)).toEqual(['RULE_TOO_SLOW']);
  });

  it('fails a flag example whose finding does not quote the pinned text', () => {
    const rule = (quote: string) =>
      ['id: r', 'concept: c', 'title: T', 'severity: low', 'scope: sentence', 'kind: presence', 'match:', '  phrase: without cause', 'message: m', 'explanation: e', 'examples:', '  flag:', '    - text: "Plan may end it. Plan may terminate without cause."', `      quote: "${quote}"`].join('\n');
    const run = (quote: string) => {
      const sources = [{ file: 'r.yaml', text: rule(quote) }];
      return runExamples(buildRuleset(sources).ruleset, sources).failures;
    };
    expect(run('Plan may terminate without cause')).toEqual([]);
    const failures = run('Plan may end it');
    expect(failures).toHaveLength(1);
    expect(failures[0]!.message).toContain('instead of text containing "Plan may end it"');
  });
});

describe('rulesLint', () => {
  it('accepts payer-core with no errors or warnings', () => {
    const report = rulesLint(PAYER_CORE);
    expect(report).toMatchObject({ ok: true, errors: [], warnings: [] });
  });

  it('fails on broken files and warns about rules without examples', () => {
    const report = rulesLint(fixture('bad-rules'), { concepts: ['evergreen-renewal'] });
    expect(report.ok).toBe(false);
    expect(report.errors.length).toBeGreaterThanOrEqual(10);
    expect(report.warnings.map((w) => w.code)).toEqual(['RULE_NO_EXAMPLES']);
  });

  it('warns about `reach: next-sentence` where there is no next sentence to read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reach-lint-'));
    const body = (id: string, scope: string) =>
      [`id: ${id}`, 'concept: c', 'title: T', 'severity: low', `scope: ${scope}`, 'kind: presence', 'match:', '  all:', '    - phrase: audit', '    - phrase: offset', '      reach: next-sentence', 'message: m', 'explanation: e', 'examples:', '  flag: [We audit. We offset.]', '  pass: [We audit.]'].join('\n');
    writeFileSync(join(dir, 'wide.yaml'), body('wide', 'paragraph'));
    writeFileSync(join(dir, 'narrow.yaml'), body('narrow', 'sentence'));
    const report = rulesLint(dir);
    expect(report.errors).toEqual([]);
    expect(report.warnings.map((w) => [w.code, w.ruleId])).toEqual([['RULE_NO_EFFECT', 'wide']]);
  });
});
