/**
 * `redliner analyze` and `redliner rules` end to end: the bundled ruleset on a small Word
 * contract, every output format, exit codes, and the rule-author commands.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { runCli } from '@redliner/cli';
import type { AnalysisReport } from '@redliner/rules';
import { REPO_ROOT } from './support/shared-corpus.ts';

const CONTRACT = join(REPO_ROOT, 'test/fixtures/contracts/payer-draft.docx');
const BAD_RULES = join(REPO_ROOT, 'packages/rules/test/fixtures/bad-rules');

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

describe('redliner analyze', () => {
  it('prints only the versioned JSON report, with the document text and blocks (child process, as the team scores it)', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(REPO_ROOT, 'packages/cli/bin/redliner.js'), 'analyze', CONTRACT, '--format', 'json'], { cwd: REPO_ROOT, maxBuffer: 32 << 20 });
    const report = JSON.parse(stdout) as AnalysisReport;
    expect(report.version).toBe(1);
    expect(report.ruleset.name).toBe('payer-core');
    expect(report.document.blocks.length).toBeGreaterThan(8);
    expect(report.document.text).toContain('automatically renew');
    const concepts = report.findings.map((f) => f.concept);
    expect(concepts).toEqual(expect.arrayContaining(['audit-lookback', 'evergreen-renewal', 'termination-without-cause']));
    // Spans point at the quoted text.
    for (const finding of report.findings.filter((f) => f.span)) {
      expect(report.document.text.slice(finding.span!.start, finding.span!.end).replace(/\s+/g, ' ')).toContain(finding.quote.replace(/…$/, '').slice(0, 40));
    }
    // Party names are filled into suggested language.
    expect(report.findings.find((f) => f.concept === 'audit-lookback')?.redline?.text).toMatch(/^ ?Notwithstanding the foregoing, Plan shall not/);
    expect(report.summary.total).toBe(report.findings.length);
  });

  it('prints the checklist, with the clauses to review for topics no rule detected, in plain words', async () => {
    const result = await run('analyze', CONTRACT);
    expect(result.code, result.err).toBe(0);
    const checklist = result.out.slice(result.out.indexOf('\n  Checklist\n'));
    expect(checklist).toMatch(/\n {2}REVIEW {7}.+\n {15}not detected — review these clauses/);
    expect(checklist).toMatch(/\n {15}• .+ — (?:heading|has|mentions): .+\n {17}“/);
    expect(checklist).toMatch(/\n {2}checklist: \d+ risky, \d+ acceptable, [1-9]\d* to review, \d+ not found\n$/);
    const report = JSON.parse((await run('analyze', CONTRACT, '--format', 'json')).out) as AnalysisReport;
    for (const ruleId of Object.keys(report.rules)) expect(checklist).not.toContain(ruleId);
  });

  it('writes SARIF 2.1.0 that validates against the SARIF schema', async () => {
    const result = await run('analyze', CONTRACT, '--format', 'sarif');
    expect(result.code, result.err).toBe(0);
    const sarif = JSON.parse(result.out) as { runs: Array<{ results: unknown[] }> };
    const schemaPath = createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    // The published schema has a pattern that is invalid under the `u` flag; it predates ES2015 regex rules.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
    const valid = validate(sarif);
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
    expect(valid).toBe(true);
    expect(sarif.runs[0]!.results.length).toBeGreaterThan(2);
  });

  it('writes a Markdown memo with findings by severity, quotes and suggested language', async () => {
    const result = await run('analyze', CONTRACT, '--format', 'markdown');
    expect(result.code, result.err).toBe(0);
    expect(result.out).toMatch(/^# Contract review: payer-draft\.docx/);
    expect(result.out).toContain('## High risk');
    expect(result.out).toContain('**Suggested');
    expect(result.out).toMatch(/^> .*at any time/m);
    expect(result.out).toContain('## Checklist');
    expect(result.out).toContain('## Not detected — review these clauses');
  });

  it('exits 4 with --fail-on when a finding reaches the threshold, 0 otherwise', async () => {
    expect((await run('analyze', CONTRACT, '--fail-on', 'high')).code).toBe(4);
    const onlyLow = await run('analyze', CONTRACT, '--fail-on', 'low');
    expect(onlyLow.code).toBe(4);
    expect((await run('analyze', CONTRACT)).code).toBe(0);
  });

  it('keeps going over a folder when one file cannot be read, and says which', async () => {
    const result = await run('analyze', join(REPO_ROOT, 'test/fixtures/contracts'), join(REPO_ROOT, 'packages/parser/test/fixtures/pdf/encrypted.pdf'));
    expect(result.code).toBe(1);
    expect(result.out).toContain('payer-draft.docx');
    expect(result.out).toMatch(/encrypted\.pdf\s+-\s+-\s+-\s+PDF_PASSWORD_REQUIRED/);
    expect(result.err).toContain('[PDF_PASSWORD_REQUIRED]');
  });

  it('reports rule file errors with file:line:col and still analyses with the rules that loaded', async () => {
    const result = await run('analyze', CONTRACT, '--ruleset', BAD_RULES);
    expect(result.err).toMatch(/rule error: .*\.yaml:\d+:\d+ RULE_[A-Z_]+ /);
  });
});

describe('redliner rules', () => {
  // Every rule's examples run here (about 1,500 of them): the work grows with the ruleset, so it
  // gets more than the default minute when other test files share the two cores.
  it('rules test passes for the bundled ruleset', async () => {
    const result = await run('rules', 'test');
    expect(result.out).toMatch(/examples: \d+ passed, 0 failed/);
    expect(result.code).toBe(0);
  }, 240_000);

  it('rules lint reports each bad file with its location and fails', async () => {
    const result = await run('rules', 'lint', BAD_RULES);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/duplicate-id.*\.yaml:\d+:\d+ RULE_DUPLICATE_ID/i);
    expect(result.out).toMatch(/\d+ rules checked: [1-9]\d* errors/);
  });
});
