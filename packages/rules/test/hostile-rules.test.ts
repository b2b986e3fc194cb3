/**
 * Rule files made to break the engine (generated here, not copied from the shared corpus):
 * each must end in one located error or a result, never an exception; and a ruleset whose
 * manifest cannot be trusted is refused rather than run with part of its rules.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze, buildRuleset, loadRuleset, RuleTooSlowError, textDocument } from '../src/index.ts';

const scratch = mkdtempSync(join(tmpdir(), 'redliner-hostile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const HEAD = 'id: hostile\nconcept: evergreen-renewal\ntitle: Hostile\nseverity: low\nscope: document\nkind: presence\nmessage: m\nexplanation: e\n';
const build = (text: string) => buildRuleset([{ file: 'hostile.yaml', text }]);
const list = (key: string, items: string[]) => `match:\n  ${key}:\n${items.map((i) => `    - '${i}'`).join('\n')}\n`;

describe('hostile rule files end in one located error', () => {
  it('refuses YAML that repeats aliases past the limit, at the first alias', () => {
    const aliases = `x: &x [a, b]\n${HEAD}match:\n  pattern: plan\nreferences: [${Array(150).fill('*x').join(', ')}]\n`;
    expect(build(aliases).errors).toMatchObject([{ code: 'RULE_YAML_UNSAFE', line: 12, col: 14 }]);
    const laughs = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) laughs.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
    const bomb = build(`${laughs.join('\n')}\n${HEAD}match:\n  pattern: plan\n`);
    expect(bomb.errors).toMatchObject([{ code: 'RULE_YAML_UNSAFE', line: 2 }]);
    expect(bomb.errors[0]!.message).toMatch(/aliases/);
  });

  it('refuses a condition nested deeper than the engine runs, where it gets too deep', () => {
    const depth = 300;
    const nested = `${HEAD}match: ${'{not: '.repeat(depth)}{pattern: plan}${'}'.repeat(depth)}\n`;
    const { errors, rules } = build(nested);
    expect(rules).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'RULE_TOO_COMPLEX', line: 9, ruleId: 'hostile' });
    expect(errors[0]!.col).toBeGreaterThan(100);
  });

  it('refuses a rule listing more phrases than load quickly, at the list', () => {
    const phrases = Array.from({ length: 5001 }, (_, i) => `zq phrase ${i}`);
    expect(build(`${HEAD}${list('phrase', phrases)}`).errors).toMatchObject([{ code: 'RULE_TOO_COMPLEX', line: 11, col: 5 }]);
  });

  it('refuses an example too long to run as one paragraph, at the example', () => {
    const long = 'The plan may audit. '.repeat(300);
    const { errors } = build(`${HEAD}match:\n  phrase: audit\nexamples:\n  flag:\n    - The plan may audit.\n    - '${long}'\n`);
    expect(errors).toMatchObject([{ code: 'RULE_TOO_COMPLEX', line: 14, col: 7 }]);
    expect(errors[0]!.message).toMatch(/6,000 characters long; an example is at most 4,000/);
  });
});

describe('hit combination stays linear', () => {
  it('matches every character at document scope without exceeding the call stack', () => {
    const { ruleset, errors } = build(`${HEAD}match:\n  pattern: '[\\s\\S]'\n`);
    expect(errors).toEqual([]);
    const text = 'The Plan may terminate this Agreement. '.repeat(5000);
    const findings = analyze(textDocument(text), ruleset).findings;
    expect(findings).toHaveLength(1);
  });

  it('compiles a list of spellings of one phrase to one child, so each hit is evidence once', () => {
    const spellings = Array.from({ length: 2000 }, (_, i) => `the${' '.repeat(1 + (i % 7))}plan`);
    const { ruleset, rules } = build(`${HEAD}${list('phrase', spellings)}`);
    expect(rules[0]!.match).toEqual({ type: 'leaf', leaf: 0 });
    expect(analyze(textDocument('The plan pays. The plan audits.'), ruleset).findings).toHaveLength(1);
  });
});

describe('a rule past its time budget', () => {
  // A clock that advances 1 ms per reading: deterministic, whatever the machine's speed.
  const ticking = () => {
    let t = 0;
    return () => (t += 1);
  };
  const text = Array.from({ length: 400 }, (_, i) => `${i}. The plan may audit claims.`).join('\n\n');

  it('stops the analysis with a typed error naming the rule and its file', () => {
    const { ruleset } = build(`${HEAD}match:\n  pattern: 'audit\\w*'\n`);
    let caught: unknown;
    try {
      analyze(textDocument(text), ruleset, { ruleBudgetMs: 50, now: ticking() });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RuleTooSlowError);
    expect((caught as RuleTooSlowError).ruleError).toMatchObject({ code: 'RULE_TOO_SLOW', ruleId: 'hostile', file: 'hostile.yaml', line: 1 });
    expect((caught as RuleTooSlowError).ruleError.message).toMatch(/hostile.*turn the rule off/);
  });

  it('does not blame a rule for a busy machine: its time counts as the share the process ran', () => {
    const { ruleset } = build(`${HEAD}match:\n  pattern: 'audit\\w*'\n`);
    // The wall clock runs 1 ms a reading; the process got a tenth of it (starved), then all of it.
    const wall = ticking();
    let cpu = 0;
    const starved = () => (cpu += 0.1);
    expect(analyze(textDocument(text), ruleset, { ruleBudgetMs: 50, now: wall, cpuNow: starved }).findings).toHaveLength(1);
    // One clock for both: the process ran the whole time, so the rule is stopped as before.
    const running = ticking();
    let caught: unknown;
    try {
      analyze(textDocument(text), ruleset, { ruleBudgetMs: 50, now: running, cpuNow: running });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RuleTooSlowError);
  });

  it('does not blame a rule for one pause of the whole process, but stops a rule slow by itself', () => {
    const { ruleset } = build(`${HEAD}match:\n  pattern: 'audit\\w*'\n`);
    // A fast clock (1 µs a reading) that jumps 1 s once, as a major garbage collection would.
    const paused = () => {
      let t = 0;
      let reads = 0;
      return () => (t += ++reads === 100 ? 1000 : 0.001);
    };
    const clock = paused();
    expect(analyze(textDocument(text), ruleset, { ruleBudgetMs: 50, now: clock, cpuNow: clock }).findings).toHaveLength(1);
    // The same pause in a rule that also spends 1 ms a pattern: it is still stopped.
    let t = 0;
    let reads = 0;
    const slow = () => (t += ++reads === 100 ? 1000 : 1);
    expect(() => analyze(textDocument(text), ruleset, { ruleBudgetMs: 50, now: slow, cpuNow: slow })).toThrow(RuleTooSlowError);
  });

  it('lets the same rule finish within a budget it fits', () => {
    const { ruleset } = build(`${HEAD}match:\n  pattern: 'audit\\w*'\n`);
    expect(analyze(textDocument(text), ruleset, { ruleBudgetMs: 1e9, now: ticking() }).findings).toHaveLength(1);
  });
});

describe('a ruleset whose manifest cannot be trusted is refused', () => {
  const folder = (name: string, manifest: string | null): string => {
    const dir = join(scratch, name);
    mkdirSync(dir, { recursive: true });
    if (manifest !== null) writeFileSync(join(dir, 'ruleset.yaml'), manifest);
    writeFileSync(join(dir, 'own-rule.yaml'), `${HEAD.replace('id: hostile', 'id: own-rule')}match:\n  phrase: evergreen\n`);
    return dir;
  };

  it('runs every bundled rule plus the own one when the manifest extends payer-core', () => {
    const loaded = loadRuleset(folder('good', 'name: mine\nextends: payer-core\n'), { requireManifest: true });
    expect(loaded.errors).toEqual([]);
    expect(loaded.rules.length).toBeGreaterThan(10);
  });

  it('runs no rule when the manifest has a YAML error, and says so at the error', () => {
    const loaded = loadRuleset(folder('broken-yaml', 'name: mine\nextends: [payer-core\n'));
    expect(loaded.rules).toEqual([]);
    expect(loaded.errors[0]).toMatchObject({ code: 'RULESET_MANIFEST_INVALID' });
    expect(loaded.errors[0]!.message).toMatch(/none of this ruleset's rules are used/);
    expect(loaded.errors.slice(1).map((e) => e.code)).toContain('RULE_YAML_SYNTAX');
  });

  it('runs no rule when the manifest has aliases past the limit', () => {
    const loaded = loadRuleset(folder('aliases', `x: &x [a]\nname: mine\nextends: payer-core\ndescription: ${JSON.stringify('')}\ndisable: [${Array(120).fill('*x').join(', ')}]\n`));
    expect(loaded.rules).toEqual([]);
    expect(loaded.errors.map((e) => e.code)).toEqual(['RULESET_MANIFEST_INVALID', 'RULE_YAML_UNSAFE']);
  });

  it('refuses a user ruleset without a manifest, and loads the same folder as a plain one when not required', () => {
    const dir = folder('no-manifest', null);
    const refused = loadRuleset(dir, { requireManifest: true });
    expect(refused.rules).toEqual([]);
    expect(refused.errors).toMatchObject([{ code: 'RULESET_MANIFEST_MISSING', line: 1, col: 1 }]);
    expect(loadRuleset(dir).rules.map((r) => r.id)).toEqual(['own-rule']);
  });
});
