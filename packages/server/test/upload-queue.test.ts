import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import * as parser from '@redliner/parser';
import { cleanupDirs, FIXTURES, makeApp, upload } from './helpers.ts';

vi.mock('@redliner/parser', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@redliner/parser')>();
  return { ...actual, parseDocumentOffThread: vi.fn(actual.parseDocumentOffThread) };
});

const apps: Array<{ close(): Promise<unknown> }> = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});
afterAll(() => cleanupDirs());

describe('POST /api/reviews under load', () => {
  it('answers 503 SERVER_BUSY with Retry-After when the parse queue is full', async () => {
    vi.mocked(parser.parseDocumentOffThread).mockRejectedValueOnce(new parser.ParserBusyError(40));
    const app = await makeApp();
    apps.push(app);
    const res = await upload(app, FIXTURES.flowPdf);
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['retry-after']).toBe('5');
    const body = res.json() as { code: string; detail: string };
    expect(body.code).toBe('SERVER_BUSY');
    expect(body.detail).toMatch(/40 contracts are already waiting/);
    expect((await app.inject({ method: 'GET', url: '/api/reviews' })).json()).toEqual({ reviews: [] });
  });

  it('says where an upload spent its time in a Server-Timing header', async () => {
    const app = await makeApp();
    apps.push(app);
    const res = await upload(app, FIXTURES.flowPdf);
    expect(res.statusCode).toBe(201);
    const stages = String(res.headers['server-timing']).split(', ').map((part) => part.split(';dur=')[0]);
    expect(stages).toEqual(['read', 'queue', 'parse', 'analyze', 'store']);
  });
});
