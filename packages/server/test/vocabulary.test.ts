import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeParserPool } from '@redliner/parser';
import { DEFAULT_RULESET_DIR } from '../src/index.ts';
import { cleanupDirs, FIXTURES, makeApp, problemOf, tempDataDir, upload } from './helpers.ts';

afterAll(async () => {
  await closeParserPool();
  cleanupDirs();
});

const BUNDLED_VOCABULARY = join(DEFAULT_RULESET_DIR, 'vocabulary.yaml');
const classPath = (ruleset: string, name: string) => `/api/rulesets/${encodeURIComponent(ruleset)}/vocabulary/${name}`;
const vocabularyOf = (ruleset: string) => `/api/rulesets/${encodeURIComponent(ruleset)}/vocabulary`;

// A rule of My rules that uses an own class: the payer "inspects" claims. Its concept is one the
// contract fixture has no finding for, so no bundled finding on the same clause hides it.
const INSPECT_RULE = `id: payer-inspects-claims
concept: most-favored-nation
title: Payer may inspect any claim
severity: low
scope: sentence
kind: presence
match:
  who: payer
  does: '{inspect} ... claim'
message: '{payer} may inspect claims.'
explanation: Test rule.
examples:
  flag:
    - Plan may inspect any claim.
  pass:
    - Provider may inspect any claim.
`;

interface ClassView {
  name: string;
  origin: string;
  definedIn: { ruleset: string; source: string; file: string; line: number };
  base?: { ruleset: string; file: string };
  entries: Array<{ text: string; own: boolean; preview: string; forms?: string[] }>;
  usedBy: { rules: string[]; classes: string[] };
}

describe('the vocabulary API', () => {
  it('lists the bundled classes with their meaning, entries and forms, and never changes them', async () => {
    const app = await makeApp();
    const before = readFileSync(BUNDLED_VOCABULARY, 'utf8');
    try {
      const res = await app.inject(vocabularyOf('payer-core'));
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { ruleset: string; source: string; classes: ClassView[]; errors: unknown[] };
      expect(body).toMatchObject({ ruleset: 'payer-core', source: 'bundled', errors: [] });
      const discretion = body.classes.find((c) => c.name === 'discretion')!;
      expect(discretion).toMatchObject({ origin: 'own', means: expect.stringContaining('decides alone'), definedIn: { ruleset: 'payer-core', source: 'bundled', file: 'vocabulary.yaml' } });
      expect(discretion.entries[0]).toEqual({ text: 'sole discretion', own: true, preview: expect.stringContaining('discretion') });
      const notice = body.classes.find((c) => c.name === 'notice')!;
      expect(notice.entries.find((e) => e.text === 'notify')!.forms).toEqual(expect.arrayContaining(['notified', 'notifies', 'notification']));

      expect(problemOf(await app.inject({ method: 'PUT', url: classPath('payer-core', 'discretion'), payload: { also: ['whim'] } }))).toMatchObject({ httpStatus: 403, code: 'RULESET_READ_ONLY' });
      expect(problemOf(await app.inject({ method: 'DELETE', url: classPath('payer-core', 'discretion') }))).toMatchObject({ httpStatus: 403, code: 'RULESET_READ_ONLY' });
      expect(problemOf(await app.inject(vocabularyOf('user:nobody')))).toMatchObject({ httpStatus: 400, code: 'UNKNOWN_RULESET' });
      expect(problemOf(await app.inject({ method: 'PUT', url: classPath('user:my-rules', 'Bad_Name'), payload: { words: ['x'] } }))).toMatchObject({ httpStatus: 400, code: 'INVALID_PARAMS' });
      expect(readFileSync(BUNDLED_VOCABULARY, 'utf8')).toBe(before);
    } finally {
      await app.close();
    }
  });

  it('adds words to a bundled class in My rules (created on the way), and removes them again', async () => {
    const dataDir = tempDataDir();
    const app = await makeApp({ dataDir });
    try {
      const res = await app.inject({ method: 'PUT', url: classPath('user:my-rules', 'discretion'), payload: { also: ['whim', 'caprice'] } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ ruleset: 'user:my-rules', created: true, changed: true, class: { origin: 'adds', base: { ruleset: 'payer-core', file: 'vocabulary.yaml' } } });
      const file = readFileSync(join(dataDir, 'rulesets/my-rules/vocabulary.yaml'), 'utf8');
      expect(file).toMatch(/terms:\n {2}discretion:\n {4}also:\n {6}- whim\n {6}- caprice\n$/);
      expect(readFileSync(join(dataDir, 'rulesets/my-rules/ruleset.yaml'), 'utf8')).toContain('extends: payer-core');

      const { classes } = (await app.inject(vocabularyOf('user:my-rules'))).json() as { classes: ClassView[] };
      const discretion = classes.find((c) => c.name === 'discretion')!;
      expect(discretion.definedIn).toMatchObject({ ruleset: 'user:my-rules', source: 'user', file: 'vocabulary.yaml' });
      // The bundled entries first (not own), then the user's, in the order given.
      expect(discretion.entries.slice(-2).map((e) => [e.text, e.own])).toEqual([['whim', true], ['caprice', true]]);
      expect(discretion.entries.length).toBeGreaterThan(2);
      expect(discretion.entries.slice(0, -2).every((e) => !e.own)).toBe(true);
      expect(classes.find((c) => c.name === 'may')).toMatchObject({ origin: 'inherited', definedIn: { ruleset: 'payer-core', source: 'bundled' } });

      const again = await app.inject({ method: 'PUT', url: classPath('user:my-rules', 'discretion'), payload: { also: ['whim', 'caprice'] } });
      expect(again.json()).toMatchObject({ created: false, changed: false });

      expect((await app.inject({ method: 'DELETE', url: classPath('user:my-rules', 'discretion') })).statusCode).toBe(204);
      const after = (await app.inject(vocabularyOf('user:my-rules'))).json() as { classes: ClassView[] };
      expect(after.classes.find((c) => c.name === 'discretion')!.origin).toBe('inherited');
      expect(problemOf(await app.inject({ method: 'DELETE', url: classPath('user:my-rules', 'discretion') }))).toMatchObject({ httpStatus: 404, code: 'VOCABULARY_CLASS_NOT_FOUND' });
    } finally {
      await app.close();
    }
  });

  it.each([
    ['a class with no entries', 'empty', { means: 'Nothing yet.' }, 'RULE_MISSING_KEY'],
    ['`also` for a class nothing inherited has', 'whim', { also: ['whim'] }, 'RULE_UNKNOWN_PLACEHOLDER'],
    ['a party name', 'provider', { words: ['group'] }, 'RULE_BAD_VALUE'],
    ['a class that uses itself', 'loop', { words: ['{loop} again'] }, 'RULE_BAD_VALUE'],
  ])('refuses %s with a located error and writes nothing', async (_what, name, body, code) => {
    const dataDir = tempDataDir();
    const app = await makeApp({ dataDir });
    try {
      const res = await app.inject({ method: 'PUT', url: classPath('user:my-rules', name), payload: body });
      expect(problemOf(res)).toMatchObject({ httpStatus: 422, code: 'VOCABULARY_INVALID', contentType: expect.stringContaining('application/problem+json'), detail: expect.stringContaining(`"${name}" was not saved`) });
      expect(res.json().errors).toEqual([expect.objectContaining({ code, ruleset: 'user:my-rules', file: 'vocabulary.yaml', line: expect.any(Number), col: expect.any(Number) })]);
      expect(() => readFileSync(join(dataDir, 'rulesets/my-rules/vocabulary.yaml'), 'utf8')).toThrow();
    } finally {
      await app.close();
    }
  });

  it('reviews analysed with My rules use a class as soon as it changes, and a class in use cannot be removed', async () => {
    const dataDir = tempDataDir();
    const app = await makeApp({ dataDir });
    const ownFindings = async () => {
      const res = await upload(app, FIXTURES.docx, { ruleset: 'user:my-rules' });
      expect(res.statusCode, res.body).toBe(201);
      return (res.json().findings as Array<{ ruleId: string; quote: string }>).filter((f) => f.ruleId === 'payer-inspects-claims').map((f) => f.quote);
    };
    try {
      const created = await app.inject({ method: 'PUT', url: classPath('user:my-rules', 'inspect'), payload: { means: 'Looking into claims.', words: ['inspect'] } });
      expect(created.statusCode, created.body).toBe(200);
      const saved = await app.inject({ method: 'PUT', url: '/api/rulesets/user%3Amy-rules/rules/payer-inspects-claims', payload: { yaml: INSPECT_RULE } });
      expect(saved.statusCode, saved.body).toBe(200);
      // The contract says "Plan may audit any claim": not an inspection yet.
      expect(await ownFindings()).toEqual([]);

      const added = await app.inject({ method: 'PUT', url: classPath('user:my-rules', 'inspect'), payload: { means: 'Looking into claims.', words: ['inspect', 'audit'] } });
      expect(added.statusCode, added.body).toBe(200);
      expect(added.json().class.usedBy.rules).toEqual(['payer-inspects-claims']);
      expect((await ownFindings()).join()).toContain('Plan may audit any claim');

      const inUse = await app.inject({ method: 'DELETE', url: classPath('user:my-rules', 'inspect') });
      expect(problemOf(inUse)).toMatchObject({ httpStatus: 409, code: 'VOCABULARY_CLASS_IN_USE', detail: expect.stringContaining('"payer-inspects-claims"') });
      expect(readFileSync(join(dataDir, 'rulesets/my-rules/vocabulary.yaml'), 'utf8')).toContain('inspect:');
    } finally {
      await app.close();
    }
  });
});
