/**
 * Every file of ../shared/corpus/hostile (files/ and large/) through the library, the CLI and
 * the server's upload: each must end in a document or a typed error, within 10 s and 1 GB, with
 * no 5xx and no exit code 3, and the server must answer a health request within 1 s throughout
 * and keep serving afterwards. Library and CLI runs each get a process of their own (so memory
 * is measured per file); uploads go to one app in-process, like the server tests. Prints a
 * summary table. Skips without the shared corpus.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeParserPool } from '@redliner/parser';
import { FIXTURES, cleanupDirs, fixture, makeApp, multipart } from '../packages/server/test/helpers.ts';
import { REPO_ROOT, SHARED_DIR, SKIP_MESSAGE } from './support/shared-corpus.ts';

const exec = promisify(execFile);
const LIMIT_MS = 10_000;
const LIMIT_MB = 1024;
const CHILD = join(REPO_ROOT, 'test/support/hostile-child.ts');
const HOSTILE = SHARED_DIR ? join(SHARED_DIR, 'corpus/hostile') : null;
const files = HOSTILE && existsSync(HOSTILE) ? ['files', 'large'].flatMap((dir) => (existsSync(join(HOSTILE, dir)) ? readdirSync(join(HOSTILE, dir)).sort().map((name) => join(HOSTILE, dir, name)) : [])) : [];

/** How one file ended on one channel. */
interface Run {
  file: string;
  outcome: 'document' | 'typed' | 'crash' | 'hang';
  code?: string;
  ms: number;
  /** Whole child process, start-up included. */
  wallMs?: number;
  mb?: number;
  detail?: string;
}

const runs: Record<'library' | 'cli' | 'server', Run[]> = { library: [], cli: [], server: [] };
/** Health requests sent while the server read the uploads, and the longest one waited. */
const health = { requests: 0, slowestMs: 0, during: '' };
const HEALTH_LIMIT_MS = 1000;

async function inChild(mode: 'library' | 'cli', file: string): Promise<Run> {
  const started = performance.now();
  const name = file.slice(HOSTILE!.length + 1);
  try {
    const { stdout } = await exec(process.execPath, ['--import', 'tsx', CHILD, mode, file], { cwd: REPO_ROOT, timeout: LIMIT_MS * 3, killSignal: 'SIGKILL', maxBuffer: 1 << 20 });
    const line = JSON.parse(stdout.trim().split('\n').pop()!) as { outcome: Run['outcome']; code?: string; ms: number; maxRssMb: number; detail?: string };
    // Judged by the time inside the process: starting Node and loading the code (2–8 s on a
    // loaded two-core machine) is the same for every file and says nothing about the file.
    const wallMs = Math.round(performance.now() - started);
    return { file: name, outcome: line.ms > LIMIT_MS ? 'hang' : line.outcome, ms: line.ms, wallMs, mb: line.maxRssMb, ...(line.code ? { code: line.code } : {}), ...(line.detail ? { detail: line.detail } : {}) };
  } catch (error) {
    const e = error as { killed?: boolean; signal?: string; code?: number; stderr?: string };
    const ms = Math.round(performance.now() - started);
    return { file: name, outcome: e.killed ? 'hang' : 'crash', ms, detail: `exit ${e.code ?? e.signal}: ${String(e.stderr ?? '').slice(-300)}` };
  }
}

function summary(): string {
  const rows = Object.entries(runs).map(([channel, list]) => {
    const count = (o: Run['outcome']) => list.filter((r) => r.outcome === o).length;
    const maxMs = Math.max(0, ...list.map((r) => r.ms));
    const maxMb = Math.max(0, ...list.map((r) => r.mb ?? 0));
    const maxWall = Math.max(0, ...list.map((r) => r.wallMs ?? 0));
    const slowest = [...list].sort((a, b) => b.ms - a.ms).slice(0, 3).map((r) => `${r.file.replace(/^\w+\//, '')} ${(r.ms / 1000).toFixed(1)} s`).join(', ');
    return `| ${channel} | ${list.length} | ${count('document')} | ${count('typed')} | ${count('crash')} | ${count('hang')} | ${(maxMs / 1000).toFixed(1)} s${maxWall ? ` (${(maxWall / 1000).toFixed(1)} s with start-up)` : ''} | ${maxMb ? `${maxMb} MB` : '–'} | ${slowest} |`;
  });
  const bad = Object.entries(runs).flatMap(([channel, list]) => list.filter((r) => r.outcome === 'crash' || r.outcome === 'hang').map((r) => `  ${channel} ${r.file}: ${r.outcome} after ${r.ms} ms ${r.detail ?? ''}`));
  const healthLine = health.requests ? [`server health during the uploads: ${health.requests} requests, the slowest answered after ${health.slowestMs} ms, while ${health.during || 'no upload'} was read (limit ${HEALTH_LIMIT_MS} ms)`] : [];
  return ['| channel | cases | documents | typed errors | crashes | hangs | slowest | most memory | slowest files |', '|---|---|---|---|---|---|---|---|---|', ...rows, ...bad, ...healthLine].join('\n');
}

describe.skipIf(files.length === 0)('hostile files', () => {
  let app: Awaited<ReturnType<typeof makeApp>>;
  beforeAll(async () => {
    app = await makeApp({ parseTimeoutMs: LIMIT_MS * 2 });
    // Warm up as `redliner serve` does (worker threads, the ruleset, the key-term definitions),
    // then one upload: the first file should not pay for start-up, nor the health probe see it.
    await app.warmUp();
    const warm = await app.inject({ method: 'POST', url: '/api/reviews', ...multipart({ name: 'flow.pdf', bytes: fixture(FIXTURES.flowPdf) }) });
    expect(warm.statusCode).toBe(201);
  }, 5 * 60_000);
  afterAll(async () => {
    await app?.close();
    await closeParserPool();
    cleanupDirs();
    console.log(`hostile files (${files.length}):\n${summary()}`);
  });

  it('end in a document or a typed error in the library and the CLI, within 10 s and 1 GB each', async () => {
    // Two at a time: the machines this runs on have two cores, and a hang must not look like load.
    const queue = files.flatMap((file) => (['library', 'cli'] as const).map((mode) => ({ mode, file })));
    const lane = async () => {
      for (let job = queue.shift(); job; job = queue.shift()) runs[job.mode].push(await inChild(job.mode, job.file));
    };
    await Promise.all([lane(), lane()]);
    for (const mode of ['library', 'cli'] as const) {
      const failures = runs[mode].filter((r) => r.outcome === 'crash' || r.outcome === 'hang' || (r.mb ?? 0) > LIMIT_MB);
      expect(failures, `${mode}:\n${summary()}`).toEqual([]);
    }
  }, 20 * 60_000);

  it('answer every upload with a document or a typed problem, never a 5xx, and keep serving', async () => {
    const baseline = process.memoryUsage().rss;
    // A health request (GET /api/storage) every 250 ms while the uploads run: the time from when
    // it was due to its answer says how long the server left other users waiting.
    let uploading = true;
    let current = '';
    const prober = (async () => {
      while (uploading) {
        const due = performance.now() + 250;
        const during = current;
        await new Promise((resolve) => setTimeout(resolve, 250));
        const res = await app.inject('/api/storage');
        const waited = res.statusCode === 200 ? Math.round(performance.now() - due) : Number.POSITIVE_INFINITY;
        health.requests++;
        if (waited > health.slowestMs) Object.assign(health, { slowestMs: waited, during: current === during ? during : `${during} / ${current}` });
      }
    })();
    try {
      for (const file of files) {
        const name = file.slice(HOSTILE!.length + 1);
        current = name;
        const started = performance.now();
        const res = await app.inject({ method: 'POST', url: '/api/reviews', ...multipart({ name: name.split('/').pop()!, bytes: new Uint8Array(readFileSync(file)) }) });
        const ms = Math.round(performance.now() - started);
        const code = res.statusCode >= 400 ? (res.json() as { code?: string }).code : undefined;
        const outcome: Run['outcome'] = res.statusCode >= 500 ? 'crash' : ms > LIMIT_MS || code === 'PARSE_TIMEOUT' ? 'hang' : res.statusCode < 300 ? 'document' : code ? 'typed' : 'crash';
        runs.server.push({ file: name, outcome, ms, mb: Math.round((process.resourceUsage().maxRSS * 1024 - baseline) / 1024 / 1024), ...(code ? { code } : {}), ...(outcome === 'crash' ? { detail: `HTTP ${res.statusCode} ${res.body.slice(0, 200)}` } : {}) });
      }
    } finally {
      uploading = false;
      await prober;
    }
    const failures = runs.server.filter((r) => r.outcome === 'crash' || r.outcome === 'hang' || (r.mb ?? 0) > LIMIT_MB);
    expect(failures, `server:\n${summary()}`).toEqual([]);
    expect(health.slowestMs, `a health request waited too long while uploads were read:\n${summary()}`).toBeLessThan(HEALTH_LIMIT_MS);
    const after = await app.inject({ method: 'POST', url: '/api/reviews', ...multipart({ name: 'flow.pdf', bytes: fixture(FIXTURES.flowPdf) }) });
    expect(after.statusCode).toBe(201);
  }, 20 * 60_000);
});

describe.skipIf(files.length > 0)('hostile files (skipped)', () => {
  it('needs ../shared/corpus/hostile', () => {
    console.log(SKIP_MESSAGE);
    expect(files).toEqual([]);
  });
});
