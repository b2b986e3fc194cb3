/** Test helpers: temp data dirs, apps that always close, multipart bodies, fixture paths. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach } from 'vitest';
import { closeParserPool } from '@redliner/parser';
import { buildApp, type ServerOptions } from '../src/index.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Fixture files by repository-relative path. */
export const FIXTURES = {
  docx: join(ROOT, 'test/fixtures/contracts/payer-draft.docx'),
  flowPdf: join(ROOT, 'packages/parser/test/fixtures/pdf/flow.pdf'),
  encryptedPdf: join(ROOT, 'packages/parser/test/fixtures/pdf/encrypted.pdf'),
  scannedPdf: join(ROOT, 'packages/parser/test/fixtures/pdf/scanned.pdf'),
  scannedTextPdf: join(ROOT, 'packages/parser/test/fixtures/pdf/scanned-text.pdf'),
  formats: (name: string) => join(ROOT, 'packages/parser/test/fixtures/formats', name),
};

/** Bytes of a fixture. */
export function fixture(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

const dirs: string[] = [];

/** A fresh temp data dir, removed by `cleanupDirs`. */
export function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'redliner-server-test-'));
  dirs.push(dir);
  return dir;
}

/** Remove every temp dir made by this file's tests. */
export function cleanupDirs(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Build an app on `dataDir` (fresh temp dir by default). */
export async function makeApp(options: ServerOptions = {}): Promise<FastifyInstance> {
  return buildApp({ dataDir: tempDataDir(), ...options });
}

/**
 * For a test file whose tests each build apps: returns `openApp`, which builds one (as `makeApp`)
 * and closes it after its test; after the file, the parser pool is closed and temp dirs removed.
 */
export function useApps(): (options?: ServerOptions) => Promise<FastifyInstance> {
  const apps: FastifyInstance[] = [];
  afterEach(async () => {
    for (const made of apps.splice(0)) await made.close();
  });
  afterAll(async () => {
    await closeParserPool();
    cleanupDirs();
  });
  return async (options = {}) => {
    const app = await makeApp(options);
    apps.push(app);
    return app;
  };
}

/** A multipart/form-data body with one file part and optional text fields. */
export function multipart(file: { name: string; bytes: Uint8Array; field?: string } | undefined, fields: Record<string, string> = {}): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----redliner${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
    parts.push(Buffer.from(file.bytes));
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Upload a file and return the response. */
export async function upload(app: FastifyInstance, path: string, fields: Record<string, string> = {}, name = path.split('/').pop()!) {
  return app.inject({ method: 'POST', url: '/api/reviews', ...multipart({ name, bytes: fixture(path) }, fields) });
}

/** Assert-friendly view of a problem response. */
export function problemOf(res: { statusCode: number; headers: Record<string, unknown>; json: () => unknown }) {
  const body = res.json() as { status: number; code: string; detail: string; title: string; type: string };
  return { ...body, httpStatus: res.statusCode, contentType: String(res.headers['content-type']) };
}

/** A harmless rule of the user's own (matches nothing real), for tests that save into My rules. */
export const OWN_RULE = `id: own-gag-rule
concept: rate-confidentiality-gag
title: Own rule
severity: low
scope: sentence
kind: presence
match:
  phrase: zzqq never in a contract
message: m
explanation: e
`;
