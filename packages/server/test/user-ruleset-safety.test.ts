/**
 * My rules never runs with half its rules: its first save is all or nothing (a write failure
 * injected into node:fs stands in for a full disk), a folder without a manifest is refused
 * loudly, and a broken rule file shows up as an error in the ruleset list instead of a 500.
 */
import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { closeParserPool } from '@redliner/parser';
import { cleanupDirs, FIXTURES, makeApp, OWN_RULE, problemOf, tempDataDir, upload } from './helpers.ts';

// The first write whose path matches `failNext` throws ENOSPC, as a full disk does.
const failure: { next: RegExp | null } = { next: null };
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const writeFileSync: typeof real.writeFileSync = (file, ...rest) => {
    if (failure.next && failure.next.test(String(file))) {
      failure.next = null;
      throw Object.assign(new Error(`ENOSPC: no space left on device, open '${String(file)}'`), { code: 'ENOSPC' });
    }
    return real.writeFileSync(file, ...rest);
  };
  return { ...real, default: { ...real, writeFileSync }, writeFileSync };
});

afterAll(async () => {
  await closeParserPool();
  cleanupDirs();
});

const rulePath = (ruleset: string, id: string) => `/api/rulesets/${encodeURIComponent(ruleset)}/rules/${id}`;

async function ruleIdsOf(app: Awaited<ReturnType<typeof makeApp>>, ruleset?: string): Promise<Set<string>> {
  const res = await upload(app, FIXTURES.docx, ruleset ? { ruleset } : {});
  expect(res.statusCode, res.body).toBe(201);
  return new Set((res.json().findings as Array<{ ruleId: string }>).map((f) => f.ruleId));
}

describe('My rules and its manifest', () => {
  it('a first save interrupted by a full disk leaves nothing behind; the next save gives the bundled rules plus the own one', async () => {
    const dataDir = tempDataDir();
    const app = await makeApp({ dataDir });
    try {
      failure.next = /ruleset\.yaml$/;
      const failed = await app.inject({ method: 'PUT', url: rulePath('user:my-rules', 'own-gag-rule'), payload: { yaml: OWN_RULE } });
      expect(problemOf(failed)).toMatchObject({ httpStatus: 507, code: 'DISK_FULL' });
      expect(problemOf(failed).detail).toMatch(/is full\. Nothing was saved to "user:my-rules"/);
      expect(failure.next).toBeNull(); // the injected failure did happen
      expect(fs.readdirSync(join(dataDir, 'rulesets'))).toEqual([]); // no half-made folder, no staging folder
      const listed = (await app.inject('/api/rulesets')).json().rulesets.map((r: { id: string }) => r.id);
      expect(listed).toEqual(['payer-core']);

      const saved = await app.inject({ method: 'PUT', url: rulePath('user:my-rules', 'own-gag-rule'), payload: { yaml: OWN_RULE } });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(fs.readFileSync(join(dataDir, 'rulesets/my-rules/ruleset.yaml'), 'utf8')).toMatch(/^extends: payer-core$/m);
      const bundled = await ruleIdsOf(app);
      const mine = await ruleIdsOf(app, 'user:my-rules');
      expect(bundled.size).toBeGreaterThan(3);
      expect(mine).toEqual(bundled);
    } finally {
      await app.close();
    }
  });

  it('a failed rule write is a 507 naming the ruleset and leaves no temporary file', async () => {
    const dataDir = tempDataDir();
    const app = await makeApp({ dataDir });
    try {
      failure.next = /own-gag-rule\.yaml/;
      const failed = await app.inject({ method: 'PUT', url: rulePath('user:my-rules', 'own-gag-rule'), payload: { yaml: OWN_RULE } });
      expect(problemOf(failed)).toMatchObject({ httpStatus: 507, code: 'DISK_FULL' });
      expect(problemOf(failed).detail).toContain('user:my-rules');
      expect(fs.readdirSync(join(dataDir, 'rulesets/my-rules'))).toEqual(['ruleset.yaml']);
    } finally {
      await app.close();
    }
  });

  it('refuses to analyse with a user ruleset whose manifest is missing, and lists why', async () => {
    const dataDir = tempDataDir();
    const dir = join(dataDir, 'rulesets/my-rules');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(join(dir, 'own-gag-rule.yaml'), OWN_RULE);
    const app = await makeApp({ dataDir });
    try {
      const refused = await upload(app, FIXTURES.docx, { ruleset: 'user:my-rules' });
      expect(problemOf(refused)).toMatchObject({ httpStatus: 422, code: 'RULESET_UNUSABLE' });
      expect(problemOf(refused).detail).toMatch(/RULESET_MANIFEST_MISSING.*extends/);
      expect(refused.body).not.toContain(dataDir);
      const mine = (await app.inject('/api/rulesets')).json().rulesets.find((r: { id: string }) => r.id === 'user:my-rules');
      expect(mine.rules).toBe(0);
      expect(mine.errors).toEqual([expect.stringMatching(/^my-rules\/ruleset\.yaml:1:1 RULESET_MANIFEST_MISSING /)]);

      // The next save puts the manifest back (the creation an older version left unfinished).
      const saved = await app.inject({ method: 'PUT', url: rulePath('user:my-rules', 'own-gag-rule'), payload: { yaml: OWN_RULE } });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(await ruleIdsOf(app, 'user:my-rules')).toEqual(await ruleIdsOf(app));
    } finally {
      await app.close();
    }
  });

  it('lists a rule file with 150 aliases as an error of its ruleset, not a 500', async () => {
    const dataDir = tempDataDir();
    const app = await makeApp({ dataDir });
    try {
      expect((await app.inject({ method: 'PUT', url: rulePath('user:my-rules', 'own-gag-rule'), payload: { yaml: OWN_RULE } })).statusCode).toBe(200);
      fs.writeFileSync(join(dataDir, 'rulesets/my-rules/aliases.yaml'), `x: &x [a]\n${OWN_RULE.replace('own-gag-rule', 'aliases')}refs: [${Array(150).fill('*x').join(',')}]\n`);
      const res = await app.inject('/api/rulesets');
      expect(res.statusCode, res.body).toBe(200);
      const mine = res.json().rulesets.find((r: { id: string }) => r.id === 'user:my-rules');
      expect(mine.errors).toEqual([expect.stringMatching(/^my-rules\/aliases\.yaml:12:8 RULE_YAML_UNSAFE /)]);
      expect(mine.rules).toBeGreaterThan(3);
    } finally {
      await app.close();
    }
  });

  it('a rule id longer than 100 characters is refused by validate and by save with the same words, not a bare 414', async () => {
    const app = await makeApp();
    try {
      const id = `a${'-b'.repeat(60)}`;
      const yaml = OWN_RULE.replace('own-gag-rule', id);
      const checked = (await app.inject({ method: 'POST', url: '/api/rules/validate', payload: { yaml } })).json();
      expect(checked.valid).toBe(false);
      expect(checked.errors[0].message).toMatch(/at most 100 characters/);
      const saved = await app.inject({ method: 'PUT', url: rulePath('user:my-rules', id), payload: { yaml } });
      expect(problemOf(saved)).toMatchObject({ httpStatus: 400, code: 'INVALID_PARAMS' });
      expect(problemOf(saved).detail).toMatch(/at most 100 characters/);
    } finally {
      await app.close();
    }
  });
});
