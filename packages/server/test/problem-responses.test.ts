/**
 * The problem codes no other test provokes, each provoked the way a client or a user would meet
 * it (a malformed request, a broken file in the user's ruleset, a pool past its time limit), and
 * each answered with its registered status and an actionable detail.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseError } from '@redliner/parser';
import { createRuleCheckPool } from '../src/analysis/rule-check-pool.ts';
import { createExportPool } from '../src/export/export-pool.ts';
import { ProblemError, toProblem } from '../src/problem.ts';
import { writeFailed } from '../src/user-rules.ts';
import { FIXTURES, fixture, multipart, problemOf, tempDataDir, useApps } from './helpers.ts';

const openApp = useApps();
const LIMITS = { fileLimit: 1024, bodyLimit: 1024 };
const docx = () => ({ name: 'contract.docx', bytes: fixture(FIXTURES.docx) });

/** Status, code and a detail that says something, as a lawyer's client would see them. */
function seen(res: Parameters<typeof problemOf>[0]) {
  const p = problemOf(res);
  expect(p.contentType).toMatch(/^application\/problem\+json/);
  expect(p.detail.length).toBeGreaterThan(15);
  return { status: p.httpStatus, code: p.code, detail: p.detail };
}

describe('malformed requests', () => {
  it('INVALID_BODY: a rule check without its rule text', async () => {
    const app = await openApp();
    const res = await app.inject({ method: 'POST', url: '/api/rules/validate', payload: { file: 'x.yaml' } });
    expect(seen(res)).toMatchObject({ status: 400, code: 'INVALID_BODY', detail: expect.stringContaining('yaml') });
  });

  it('BODY_TOO_LARGE: a JSON body over the limit names the limit', async () => {
    const app = await openApp({ maxBodyBytes: 2048 });
    const res = await app.inject({ method: 'POST', url: '/api/rules/validate', payload: { yaml: 'x'.repeat(10_000) } });
    expect(seen(res)).toMatchObject({ status: 413, code: 'BODY_TOO_LARGE', detail: expect.stringContaining('MB') });
  });

  it('BAD_REQUEST: a framework 4xx keeps its status under our code', () => {
    const fastify = Object.assign(new Error('Request header fields too large'), { statusCode: 431, code: 'FST_ERR_HEADER' });
    expect(toProblem(fastify, LIMITS)).toMatchObject({ status: 431, code: 'BAD_REQUEST', detail: 'Request header fields too large' });
  });

  it('PARSE_FAILED: a reader failure, or a parse code this server does not know, is still a file problem', () => {
    const failed = new ParseError('PARSE_FAILED', 'could not read this PDF file (bad xref). Re-save it and try again.', { file: 'c.pdf' });
    expect(toProblem(failed, LIMITS)).toMatchObject({ status: 422, code: 'PARSE_FAILED', detail: 'could not read this PDF file (bad xref). Re-save it and try again.' });
    const newer = Object.assign(new Error('c.pdf: a reason from a newer parser'), { name: 'ParseError', code: 'PDF_SOMETHING_NEW', file: 'c.pdf' });
    expect(toProblem(newer, LIMITS)).toMatchObject({ status: 422, code: 'PARSE_FAILED', detail: 'a reason from a newer parser' });
  });

  it('INTERNAL_ERROR: a bug says nothing was saved and leaks no message', () => {
    const body = toProblem(new TypeError("Cannot read properties of undefined (reading 'x')"), LIMITS);
    expect(body).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
    expect(body.detail).toMatch(/nothing was saved/);
    expect(body.detail).not.toContain('undefined');
  });
});

describe('uploads', () => {
  it('UNEXPECTED_FILE: the contract in a field other than "file"', async () => {
    const app = await openApp();
    const res = await app.inject({ method: 'POST', url: '/api/reviews', ...multipart({ ...docx(), field: 'contract' }) });
    expect(seen(res)).toMatchObject({ status: 400, code: 'UNEXPECTED_FILE', detail: expect.stringContaining('"contract"') });
  });

  it('TOO_MANY_PARTS: a form with more fields than an upload uses', async () => {
    const app = await openApp();
    const fields = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}`, 'x']));
    const res = await app.inject({ method: 'POST', url: '/api/reviews', ...multipart(docx(), fields) });
    expect(seen(res)).toMatchObject({ status: 413, code: 'TOO_MANY_PARTS' });
  });

  it('INVALID_UPLOAD: an upload field in the wrong form', async () => {
    const app = await openApp();
    const res = await app.inject({ method: 'POST', url: '/api/reviews', ...multipart(docx(), { uploadId: 'no spaces allowed' }) });
    expect(seen(res)).toMatchObject({ status: 400, code: 'INVALID_UPLOAD', detail: expect.stringContaining('uploadId') });
  });
});

describe("problems in the user's own ruleset", () => {
  it('VOCABULARY_FILE_INVALID: a hand-broken vocabulary file is named, with its line', async () => {
    const dataDir = tempDataDir();
    const app = await openApp({ dataDir });
    const first = await app.inject({ method: 'PUT', url: '/api/rulesets/user%3Amy-rules/vocabulary/discretion', payload: { also: ['whim'] } });
    expect(first.statusCode, first.body).toBe(200);
    writeFileSync(join(dataDir, 'rulesets/my-rules/vocabulary.yaml'), 'terms:\n  discretion: [unclosed\n');
    const res = await app.inject({ method: 'PUT', url: '/api/rulesets/user%3Amy-rules/vocabulary/discretion', payload: { also: ['caprice'] } });
    expect(seen(res)).toMatchObject({ status: 422, code: 'VOCABULARY_FILE_INVALID', detail: expect.stringMatching(/vocabulary\.yaml.*line \d+/) });
  });

  it('KEY_TERMS_UNUSABLE: a ruleset whose terms/ folder has no field that loads', async () => {
    const dataDir = tempDataDir();
    const app = await openApp({ dataDir });
    // A ruleset of its own (no `extends`), with one rule and a terms/ folder whose only file is broken.
    const own = join(dataDir, 'rulesets/solo');
    mkdirSync(join(own, 'terms'), { recursive: true });
    writeFileSync(join(own, 'ruleset.yaml'), 'name: Solo\n');
    writeFileSync(join(own, 'gag.yaml'), 'id: solo-gag\nconcept: rate-confidentiality-gag\ntitle: t\nseverity: low\nscope: sentence\nkind: presence\nmatch:\n  phrase: zzqq never in a contract\nmessage: m\nexplanation: e\n');
    writeFileSync(join(own, 'terms', 'broken.yaml'), 'fields: [unclosed\n');
    const review = await app.inject({ method: 'POST', url: '/api/reviews', ...multipart(docx(), { ruleset: 'user:solo' }) });
    expect(review.statusCode, review.body).toBe(201);
    const res = await app.inject({ method: 'GET', url: `/api/reviews/${(review.json() as { id: string }).id}/terms` });
    expect(seen(res)).toMatchObject({ status: 422, code: 'KEY_TERMS_UNUSABLE', detail: expect.stringContaining('terms/') });
  });

  it('RULESET_WRITE_FAILED: a write that fails for a reason other than space or permissions', () => {
    const file = join(tempDataDir(), 'rulesets', 'my-rules', 'own.yaml');
    const error = writeFailed('user:my-rules', Object.assign(new Error('is a directory'), { code: 'EISDIR' }), file);
    expect(error).toBeInstanceOf(ProblemError);
    expect(toProblem(error, LIMITS)).toMatchObject({ status: 507, code: 'RULESET_WRITE_FAILED', detail: expect.stringMatching(/Nothing was saved to "user:my-rules".*EISDIR/) });
  });
});

describe('work past its time limit', () => {
  it('RULE_CHECK_TIMEOUT: a rule check is stopped and nothing is saved', async () => {
    const pool = createRuleCheckPool({ timeoutMs: 1 });
    try {
      const failure = await pool.check({ file: 'slow.yaml', yaml: 'id: slow\n' }).then(() => undefined, (error: unknown) => error);
      expect(toProblem(failure, LIMITS)).toMatchObject({ status: 422, code: 'RULE_CHECK_TIMEOUT', detail: expect.stringMatching(/"slow\.yaml".*nothing was saved/) });
    } finally {
      await pool.close();
    }
  });

  it('EXPORT_TIMEOUT: an export is stopped with advice', async () => {
    const pool = createExportPool({ timeoutMs: 1 });
    try {
      const input = { document: { blocks: [] }, findings: [], decisions: {}, original: new Uint8Array(0) } as unknown as Parameters<typeof pool.redline>[0];
      const failure = await pool.redline(input).then(() => undefined, (error: unknown) => error);
      expect(toProblem(failure, LIMITS)).toMatchObject({ status: 503, code: 'EXPORT_TIMEOUT', detail: expect.stringContaining('took longer than') });
    } finally {
      await pool.close();
    }
  });
});
