import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeParserPool, parserQueue } from '@redliner/parser';
import { startServer } from '../src/index.ts';
import { cleanupDirs, makeApp, tempDataDir } from './helpers.ts';

afterAll(async () => {
  await closeParserPool();
  cleanupDirs();
});

const RULE = `id: test-evergreen
concept: evergreen-renewal
title: Automatic renewal
severity: medium
scope: sentence
kind: presence
match:
  any:
    - phrase: automatically renew
message: The agreement renews automatically.
explanation: The contract renews itself.
`;

describe('rulesets and the rule editor', () => {
  it('lists the bundled ruleset', async () => {
    const app = await makeApp();
    try {
      const { rulesets } = (await app.inject('/api/rulesets')).json();
      expect(rulesets[0]).toMatchObject({ id: 'payer-core', source: 'bundled', name: 'payer-core' });
      expect(rulesets[0].rules).toBeGreaterThan(10);
    } finally {
      await app.close();
    }
  });

  it('validates rule YAML with line/col/code, and tries a rule on pasted text', async () => {
    const app = await makeApp();
    try {
      const bad = (await app.inject({ method: 'POST', url: '/api/rules/validate', payload: { yaml: 'id: x\nconcept: [\n' } })).json();
      expect(bad.valid).toBe(false);
      expect(bad.errors[0]).toMatchObject({ code: expect.stringMatching(/^RULE_/), line: expect.any(Number), col: expect.any(Number) });
      const unknownKey = (await app.inject({ method: 'POST', url: '/api/rules/validate', payload: { yaml: `${RULE}colour: red\n` } })).json();
      expect(unknownKey.errors.map((e: { code: string }) => e.code)).toContain('RULE_UNKNOWN_KEY');

      const tried = await app.inject({ method: 'POST', url: '/api/rules/try', payload: { yaml: RULE, text: 'TERM\n\nThis Agreement shall automatically renew for successive one-year terms.' } });
      expect(tried.statusCode, tried.body).toBe(200);
      expect(tried.json().findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['test-evergreen']);

      const broken = await app.inject({ method: 'POST', url: '/api/rules/try', payload: { yaml: 'id: [', text: 'anything' } });
      expect(broken.statusCode).toBe(422);
      expect(broken.json().code).toBe('RULE_INVALID');
    } finally {
      await app.close();
    }
  });
});

describe('web and headers', () => {
  it('serves a placeholder page with strict security headers', async () => {
    const app = await makeApp();
    try {
      const res = await app.inject('/');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('web UI is not built yet');
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/https?:/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      // Errors carry the headers too.
      expect((await app.inject('/api/nope')).headers['content-security-policy']).toBe(csp);
    } finally {
      await app.close();
    }
  });

  it('serves a web build with SPA fallback', async () => {
    const webRoot = tempDataDir();
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>app shell</title>');
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log(1)');
    const app = await makeApp({ webRoot });
    try {
      expect((await app.inject('/')).body).toContain('app shell');
      expect((await app.inject('/assets/app.js')).body).toContain('console.log');
      expect((await app.inject({ url: '/reviews/123', headers: { accept: 'text/html' } })).body).toContain('app shell');
      expect((await app.inject('/api/unknown')).json().code).toBe('NOT_FOUND');
    } finally {
      await app.close();
    }
  });

  it('startServer listens on 127.0.0.1 and closes', async () => {
    const server = await startServer({ port: 0, dataDir: tempDataDir(), logger: false });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${server.url}/api/reviews`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ reviews: [] });
      // Warming up starts the parser's threads in the background and leaves nothing queued.
      await server.warmedUp;
      expect(parserQueue()).toMatchObject({ running: 0, waiting: 0 });
    } finally {
      await server.close();
    }
  });
});
