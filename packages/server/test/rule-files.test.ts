import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeParserPool } from '@redliner/parser';
import { DEFAULT_RULESET_DIR } from '../src/index.ts';
import { cleanupDirs, makeApp, problemOf, tempDataDir, upload, FIXTURES } from './helpers.ts';

afterAll(async () => {
  await closeParserPool();
  cleanupDirs();
});

const BUNDLED_FILE = join(DEFAULT_RULESET_DIR, 'audit-lookback-unlimited.yaml');
const rulePath = (ruleset: string, id: string) => `/api/rulesets/${encodeURIComponent(ruleset)}/rules/${id}`;

// Each save or switch recompiles the whole bundled ruleset (about 1,700 patterns) in the analysis
// threads, several times per test: more than the default minute with other test files on both cores.
const RECOMPILING_TEST_MS = 180_000;

describe('rule files for the editor', () => {
  it('lists the bundled rules and reads one rule as YAML', async () => {
    const app = await makeApp();
    try {
      const list = (await app.inject('/api/rulesets/payer-core/rules')).json();
      expect(list.source).toBe('bundled');
      expect(list.concepts).toHaveLength(22);
      expect(list.concepts[0]).toEqual({ id: 'evergreen-renewal', title: expect.stringMatching(/renewal/i) });
      const audit = list.rules.find((r: { id: string }) => r.id === 'audit-lookback-unlimited');
      expect(audit).toMatchObject({ concept: 'audit-lookback', severity: 'high', origin: 'bundled', file: 'audit-lookback-unlimited.yaml', errorCount: 0 });
      const rule = (await app.inject(rulePath('payer-core', 'audit-lookback-unlimited'))).json();
      expect(rule.yaml).toBe(readFileSync(BUNDLED_FILE, 'utf8'));
      expect(problemOf(await app.inject(rulePath('payer-core', 'no-such-rule')))).toMatchObject({ httpStatus: 404, code: 'RULE_NOT_FOUND' });
      expect(problemOf(await app.inject(rulePath('nope', 'x')))).toMatchObject({ httpStatus: 400, code: 'UNKNOWN_RULESET' });
    } finally {
      await app.close();
    }
  });

  it('saves an edited bundled rule as a user rule that replaces it in analysis, and never writes the bundled file', async () => {
    const dataDir = tempDataDir();
    const app = await makeApp({ dataDir });
    const before = readFileSync(BUNDLED_FILE, 'utf8');
    try {
      // The user's copy words the finding its own way, so the analysis shows which rule ran.
      const edited = before.replace(/^message: .*$/m, "message: 'OWN WORDING: {payer} may look back too far.'");
      expect(edited).not.toBe(before);
      const refused = await app.inject({ method: 'PUT', url: rulePath('payer-core', 'audit-lookback-unlimited'), payload: { yaml: edited } });
      expect(problemOf(refused)).toMatchObject({ httpStatus: 403, code: 'RULESET_READ_ONLY' });

      const saved = await app.inject({ method: 'PUT', url: rulePath('user:my-rules', 'audit-lookback-unlimited'), payload: { yaml: edited } });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toMatchObject({ ruleset: 'user:my-rules', replacesBundled: true, file: 'audit-lookback-unlimited.yaml' });
      expect(readFileSync(BUNDLED_FILE, 'utf8')).toBe(before);
      expect(readFileSync(join(dataDir, 'rulesets/my-rules/audit-lookback-unlimited.yaml'), 'utf8')).toBe(edited);

      const { rulesets } = (await app.inject('/api/rulesets')).json();
      const mine = rulesets.find((r: { id: string }) => r.id === 'user:my-rules');
      expect(mine).toMatchObject({ source: 'user', name: 'My rules', errors: [] });
      expect(mine.rules).toBe(rulesets[0].rules);

      const list = (await app.inject('/api/rulesets/user:my-rules/rules')).json();
      const own = list.rules.filter((r: { id: string }) => r.id === 'audit-lookback-unlimited');
      expect(own).toEqual([expect.objectContaining({ origin: 'user', replacesBundled: true })]);

      const auditMessages = async (ruleset?: string) => {
        const res = await upload(app, FIXTURES.docx, ruleset ? { ruleset } : {});
        expect(res.statusCode, res.body).toBe(201);
        return (res.json().findings as Array<{ ruleId: string; message: string }>).filter((f) => f.ruleId === 'audit-lookback-unlimited').map((f) => f.message);
      };
      const bundledMessages = await auditMessages();
      expect(bundledMessages.length).toBeGreaterThan(0);
      expect(bundledMessages.join()).not.toContain('OWN WORDING');
      const ownMessages = await auditMessages('user:my-rules');
      expect(ownMessages).toHaveLength(bundledMessages.length);
      expect(ownMessages.every((m) => m.startsWith('OWN WORDING'))).toBe(true);

      // Deleting the user copy brings the bundled rule back.
      expect((await app.inject({ method: 'DELETE', url: rulePath('user:my-rules', 'audit-lookback-unlimited') })).statusCode).toBe(204);
      expect(await auditMessages('user:my-rules')).toEqual(bundledMessages);
      expect(problemOf(await app.inject({ method: 'DELETE', url: rulePath('user:my-rules', 'audit-lookback-unlimited') }))).toMatchObject({ httpStatus: 404, code: 'RULE_NOT_FOUND' });
      expect(problemOf(await app.inject({ method: 'DELETE', url: rulePath('payer-core', 'audit-lookback-unlimited') }))).toMatchObject({ httpStatus: 403, code: 'RULESET_READ_ONLY' });
      expect(existsSync(BUNDLED_FILE)).toBe(true);
    } finally {
      await app.close();
    }
  }, RECOMPILING_TEST_MS);

  it('refuses to save a rule with errors, failing examples, or another id, and says where', async () => {
    const dataDir = tempDataDir();
    const app = await makeApp({ dataDir });
    try {
      const good = readFileSync(BUNDLED_FILE, 'utf8');
      const broken = await app.inject({ method: 'PUT', url: rulePath('user:my-rules', 'audit-lookback-unlimited'), payload: { yaml: good.replace('severity: high', 'severity: severe') } });
      expect(problemOf(broken)).toMatchObject({ httpStatus: 422, code: 'RULE_INVALID' });
      expect(broken.json().errors[0]).toMatchObject({ code: 'RULE_BAD_VALUE', line: 5, col: 11 });

      const failing = good.replace('  pass:\n', '  pass:\n    - Plan may audit any claim at any time.\n');
      const failed = await app.inject({ method: 'PUT', url: rulePath('user:my-rules', 'audit-lookback-unlimited'), payload: { yaml: failing } });
      expect(problemOf(failed)).toMatchObject({ httpStatus: 422, code: 'RULE_INVALID' });
      expect(failed.json().errors).toEqual([expect.objectContaining({ code: 'RULE_EXAMPLE_FAILED', line: failing.split('\n').indexOf('    - Plan may audit any claim at any time.') + 1, col: 7 })]);

      const mismatch = await app.inject({ method: 'PUT', url: rulePath('user:my-rules', 'other-id'), payload: { yaml: good } });
      expect(problemOf(mismatch)).toMatchObject({ httpStatus: 422, code: 'RULE_ID_MISMATCH' });
      const badName = await app.inject({ method: 'PUT', url: rulePath('user:../../etc', 'audit-lookback-unlimited'), payload: { yaml: good } });
      expect(problemOf(badName)).toMatchObject({ httpStatus: 400, code: 'UNKNOWN_RULESET' });
      expect(problemOf(await app.inject({ method: 'PUT', url: rulePath('user:my-rules', 'Bad_Id'), payload: { yaml: good } }))).toMatchObject({ httpStatus: 400 });
      expect(existsSync(join(dataDir, 'rulesets/my-rules/audit-lookback-unlimited.yaml'))).toBe(false);
    } finally {
      await app.close();
    }
  });

  it('turns a bundled rule off in My rules and on again, keeping the bundled ruleset as it is', async () => {
    const dataDir = tempDataDir();
    const app = await makeApp({ dataDir });
    const disabledPath = (ruleset: string, id: string) => `/api/rulesets/${encodeURIComponent(ruleset)}/disabled/${id}`;
    try {
      expect(problemOf(await app.inject({ method: 'PUT', url: disabledPath('payer-core', 'audit-lookback-unlimited') }))).toMatchObject({ httpStatus: 403, code: 'RULESET_READ_ONLY' });
      expect(problemOf(await app.inject({ method: 'PUT', url: disabledPath('user:my-rules', 'no-such-rule') }))).toMatchObject({ httpStatus: 404, code: 'RULE_NOT_FOUND' });

      const off = await app.inject({ method: 'PUT', url: disabledPath('user:my-rules', 'audit-lookback-unlimited') });
      expect(off.statusCode, off.body).toBe(200);
      expect(readFileSync(join(dataDir, 'rulesets/my-rules/ruleset.yaml'), 'utf8')).toMatch(/disable:\n {2}- audit-lookback-unlimited/);
      const rule = (await app.inject(rulePath('user:my-rules', 'audit-lookback-unlimited'))).json();
      expect(rule).toMatchObject({ origin: 'bundled', disabled: true });
      const ruleIds = async (ruleset?: string) => {
        const res = await upload(app, FIXTURES.docx, ruleset ? { ruleset } : {});
        expect(res.statusCode, res.body).toBe(201);
        return (res.json().findings as Array<{ ruleId: string }>).map((f) => f.ruleId);
      };
      expect(await ruleIds('user:my-rules')).not.toContain('audit-lookback-unlimited');
      expect(await ruleIds()).toContain('audit-lookback-unlimited');

      expect((await app.inject({ method: 'DELETE', url: disabledPath('user:my-rules', 'audit-lookback-unlimited') })).statusCode).toBe(200);
      expect(readFileSync(join(dataDir, 'rulesets/my-rules/ruleset.yaml'), 'utf8')).not.toContain('disable');
      expect(await ruleIds('user:my-rules')).toContain('audit-lookback-unlimited');
    } finally {
      await app.close();
    }
  }, RECOMPILING_TEST_MS);

  it('validate runs the examples and locates a failing one', async () => {
    const app = await makeApp();
    try {
      const good = readFileSync(BUNDLED_FILE, 'utf8');
      const ok = (await app.inject({ method: 'POST', url: '/api/rules/validate', payload: { yaml: good, ruleset: 'payer-core' } })).json();
      expect(ok).toMatchObject({ valid: true, errors: [], examples: { failed: 0 } });
      expect(ok.examples.total).toBeGreaterThan(4);
      const failing = good.replace('  flag:\n', '  flag:\n    - The weather is nice today.\n');
      const res = (await app.inject({ method: 'POST', url: '/api/rules/validate', payload: { yaml: failing } })).json();
      expect(res.valid).toBe(false);
      expect(res.errors).toEqual([expect.objectContaining({ code: 'RULE_EXAMPLE_FAILED', line: failing.split('\n').indexOf('    - The weather is nice today.') + 1 })]);
    } finally {
      await app.close();
    }
  });
});
