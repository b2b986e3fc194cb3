import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeParserPool } from '@redliner/parser';
import type { FastifyInstance } from 'fastify';
import { cleanupDirs, FIXTURES, fixture, makeApp, multipart, problemOf, upload } from './helpers.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await makeApp({ maxUploadBytes: 200 * 1024 });
});
afterAll(async () => {
  await app.close();
  await closeParserPool();
  cleanupDirs();
});

function expectProblem(res: Parameters<typeof problemOf>[0], status: number, code: string) {
  const p = problemOf(res);
  expect(p.contentType).toMatch(/^application\/problem\+json/);
  expect({ httpStatus: p.httpStatus, code: p.code, bodyStatus: p.status }).toEqual({ httpStatus: status, code, bodyStatus: status });
  expect(p.detail.length).toBeGreaterThan(10);
  expect(p.title.length).toBeGreaterThan(3);
  expect(p.type).toMatch(/^urn:redliner:problem:/);
  return p;
}

describe('bad input becomes problem+json and the server keeps serving', () => {
  it.each([
    ['a text file', FIXTURES.formats('contract.txt'), 415, 'UNSUPPORTED_FORMAT'],
    ['a spreadsheet', FIXTURES.formats('spreadsheet.xlsx'), 415, 'UNSUPPORTED_FORMAT'],
    ['an empty DOCX', FIXTURES.formats('empty.docx'), 400, 'FILE_EMPTY'],
    ['a scanned PDF', FIXTURES.scannedPdf, 422, 'PDF_SCANNED'],
  ])('rejects %s', async (_label, path, status, code) => {
    expectProblem(await upload(app, path), status, code);
  });

  it('asks for a password for an encrypted PDF', async () => {
    const p = expectProblem(await upload(app, FIXTURES.encryptedPdf), 422, 'PDF_PASSWORD_REQUIRED');
    expect(p.detail).toMatch(/password/i);
  });

  it('rejects a zero-byte file', async () => {
    expectProblem(await app.inject({ method: 'POST', url: '/api/reviews', ...multipart({ name: 'x.pdf', bytes: new Uint8Array(0) }) }), 400, 'FILE_EMPTY');
  });

  it('rejects a corrupt PDF', async () => {
    const bytes = fixture(FIXTURES.flowPdf).slice(0, 600);
    expectProblem(await app.inject({ method: 'POST', url: '/api/reviews', ...multipart({ name: 'broken.pdf', bytes }) }), 422, 'PDF_CORRUPT');
  });

  it('rejects an oversized file with 413', async () => {
    const p = expectProblem(await app.inject({ method: 'POST', url: '/api/reviews', ...multipart({ name: 'big.pdf', bytes: new Uint8Array(300 * 1024) }) }), 413, 'FILE_TOO_LARGE');
    expect(p.detail).toContain('0.2 MB');
  });

  it('rejects an upload without a file, or not multipart', async () => {
    expectProblem(await app.inject({ method: 'POST', url: '/api/reviews', ...multipart(undefined, { password: 'x' }) }), 400, 'FILE_MISSING');
    expectProblem(await app.inject({ method: 'POST', url: '/api/reviews', payload: { file: 'x' } }), 415, 'NOT_MULTIPART');
  });

  it('rejects a form cut off mid-file, or without a boundary, as a malformed upload (not a server fault)', async () => {
    const form = multipart({ name: 'payer-draft.docx', bytes: fixture(FIXTURES.docx) });
    const saved = async () => ((await app.inject('/api/reviews')).json() as { reviews: unknown[] }).reviews.length;
    const before = await saved();
    // An interrupted upload: the body stops inside the file part, before the closing boundary.
    const cut = expectProblem(await app.inject({ method: 'POST', url: '/api/reviews', headers: form.headers, payload: form.payload.subarray(0, 2000) }), 400, 'MALFORMED_UPLOAD');
    expect(cut.detail).toMatch(/upload the contract again/i);
    expectProblem(await app.inject({ method: 'POST', url: '/api/reviews', headers: { 'content-type': 'multipart/form-data' }, payload: form.payload }), 400, 'MALFORMED_UPLOAD');
    expectProblem(await app.inject({ method: 'POST', url: '/api/reviews', headers: form.headers, payload: 'not a form at all' }), 400, 'MALFORMED_UPLOAD');
    // Nothing was saved, and a whole upload still works.
    expect(await saved()).toBe(before);
    expect((await app.inject({ method: 'POST', url: '/api/reviews', ...form })).statusCode).toBe(201);
  });

  it('rejects an unknown ruleset on upload', async () => {
    expectProblem(await upload(app, FIXTURES.docx, { ruleset: 'nope' }), 400, 'UNKNOWN_RULESET');
  });

  it('404s unknown reviews, findings and routes', async () => {
    expectProblem(await app.inject('/api/reviews/does-not-exist'), 404, 'REVIEW_NOT_FOUND');
    expectProblem(await app.inject({ method: 'DELETE', url: '/api/reviews/does-not-exist' }), 404, 'REVIEW_NOT_FOUND');
    expectProblem(await app.inject('/api/reviews/does-not-exist/report.md'), 404, 'REVIEW_NOT_FOUND');
    expectProblem(await app.inject({ method: 'PUT', url: '/api/reviews/does-not-exist/decisions/x', payload: { action: 'reject' } }), 404, 'REVIEW_NOT_FOUND');
    expectProblem(await app.inject('/api/nothing-here'), 404, 'NOT_FOUND');
    const review = (await upload(app, FIXTURES.docx)).json();
    expectProblem(await app.inject({ method: 'PUT', url: `/api/reviews/${review.id}/decisions/no-such-finding`, payload: { action: 'reject' } }), 404, 'FINDING_NOT_FOUND');
  });

  it('rejects bad decision bodies and bad JSON', async () => {
    const review = (await upload(app, FIXTURES.docx)).json();
    const url = `/api/reviews/${review.id}/decisions/${encodeURIComponent(review.findings[0].id)}`;
    for (const payload of [{ action: 'maybe' }, { action: 'edit' }, { action: 'edit', text: '   ' }, { action: 'accept', alternative: -1 }, { action: 'reject', extra: 1 }, {}]) {
      expectProblem(await app.inject({ method: 'PUT', url, payload }), 400, 'INVALID_DECISION');
    }
    expectProblem(await app.inject({ method: 'PUT', url, payload: { action: 'accept', alternative: 99 } }), 422, 'NO_SUCH_ALTERNATIVE');
    expectProblem(await app.inject({ method: 'PUT', url, payload: '{"action": ', headers: { 'content-type': 'application/json' } }), 400, 'INVALID_JSON');
    expectProblem(await app.inject({ method: 'PUT', url, payload: '<reject/>', headers: { 'content-type': 'application/xml' } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    // Still serving, and the bad requests changed nothing.
    expect((await app.inject(`/api/reviews/${review.id}`)).json().decisions).toEqual({});
  });

  it('refuses cross-origin writes and foreign Host headers', async () => {
    expectProblem(await app.inject({ method: 'POST', url: '/api/rules/validate', payload: { yaml: 'id: x' }, headers: { origin: 'https://evil.example' } }), 403, 'CROSS_ORIGIN');
    expectProblem(await app.inject({ method: 'GET', url: '/api/reviews', headers: { host: 'evil.example' } }), 421, 'WRONG_HOST');
  });
});
