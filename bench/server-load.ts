/**
 * Server under load: concurrent multipart uploads (POST /api/reviews) against the real server
 * and SQLite store on 127.0.0.1, for a fixed duration. Reports throughput, p95 latency, errors
 * the server-side time per stage (from the Server-Timing header: read, queue, parse, analyze,
 * store), and the server's RSS over time (the server runs in this process, so RSS covers it and its
 * parser worker threads).
 *
 * The load generator runs in a separate Node process (plain `fetch` + `FormData`, no extra
 * dependency), so its own memory and event-loop time do not pollute the server's figures.
 *
 * A warm-up phase at the same concurrency runs first (worker-thread start, pdf.js and JIT
 * warm-up, heap growth to its working size); it is excluded from throughput, latency and the
 * RSS trend, but any error or non-2xx in it still fails the run.
 *
 * Knobs: REDLINER_BENCH_LOAD_SECONDS (default 30) or `--load-seconds=N`;
 *        REDLINER_BENCH_LOAD_WARMUP_SECONDS (default 5; 0 for none) or `--load-warmup-seconds=N`;
 *        REDLINER_BENCH_LOAD_CONCURRENCY (default 20) or `--load-concurrency=N`.
 * Standalone: `npx tsx bench/server-load.ts --load-seconds=5`.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { closeParserPool } from '@redliner/parser';
import { startServer, type RunningServer } from '@redliner/server';
import { corpusPath, REPO_ROOT, SHARED_DIR } from '../test/support/shared-corpus.ts';

/** Largest tolerated ratio of mean RSS in the last third of the run to the first third. */
const MAX_RSS_GROWTH = 1.5;
const RSS_SAMPLE_MS = 250;
/** Largest tolerated ratio of the slowest upload to the p95: more means someone starved in a queue. */
const MAX_OVER_P95 = 2;

function setting(flag: string, env: string, fallback: number, allowZero = false): number {
  const arg = process.argv.find((a) => a.startsWith(`--${flag}=`));
  const raw = arg ? arg.slice(flag.length + 3) : process.env[env];
  const value = raw === undefined || raw === '' ? NaN : Number(raw);
  return Number.isFinite(value) && (value > 0 || (allowZero && value === 0)) ? value : fallback;
}

function uploadFile(): string {
  if (SHARED_DIR) {
    const file = corpusPath('payer-dev', 'docs', '01-ortho-physician-services.pdf');
    if (existsSync(file)) return file;
  }
  return join(REPO_ROOT, 'packages/parser/test/fixtures/pdf/flow.pdf');
}

/** Client results as the child process reports them. */
interface ClientResult {
  latencies: number[];
  /** Start of each completed request, ms after the client started (same order as latencies). */
  starts: number[];
  /** The Server-Timing header of each completed request (same order; '' when absent). */
  timings: string[];
  statuses: Record<string, number>;
  errors: string[];
  elapsedMs: number;
}

/**
 * The load generator (plain ESM run by `node -e` in a child process). Each of `concurrency`
 * workers uploads in a loop until the deadline; bounded by a request cap and a per-request
 * timeout so a stuck server cannot hang the bench.
 */
const CLIENT = `
import { readFileSync } from 'node:fs';
const [url, file, concurrency, seconds] = JSON.parse(process.argv[1]);
const bytes = readFileSync(file);
const name = file.split('/').pop();
const latencies = [], starts = [], timings = [], errors = [], statuses = {};
const started = performance.now();
const deadline = started + seconds * 1000;
const MAX_REQUESTS = 100000;
let sent = 0;
async function worker() {
  while (performance.now() < deadline && sent < MAX_REQUESTS) {
    sent++;
    const form = new FormData();
    form.append('file', new Blob([bytes], { type: 'application/pdf' }), name);
    const t0 = performance.now();
    try {
      const res = await fetch(url + '/api/reviews', { method: 'POST', body: form, signal: AbortSignal.timeout(120000) });
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      starts.push(t0 - started);
      timings.push(res.headers.get('server-timing') ?? '');
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    } catch (error) {
      if (errors.length < 20) errors.push(String(error && error.message || error));
      else errors.push('');
    }
  }
}
await Promise.all(Array.from({ length: concurrency }, worker));
process.stdout.write(JSON.stringify({ latencies, starts, timings, statuses, errors, elapsedMs: performance.now() - started }));
`;

function runClient(url: string, file: string, concurrency: number, seconds: number): Promise<ClientResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', CLIENT, JSON.stringify([url, file, concurrency, seconds])], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    // Hard stop: duration plus the longest allowed request plus slack.
    const killer = setTimeout(() => child.kill('SIGKILL'), (seconds + 150) * 1000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      if (code !== 0) return reject(new Error(`load client exited with ${code}`));
      try {
        resolve(JSON.parse(out) as ClientResult);
      } catch (error) {
        reject(error);
      }
    });
  });
}

/** Per-stage p50/p95/max from Server-Timing headers ("read;dur=1.2, queue;dur=30.5, ..."). */
function stageSummary(headers: string[]): string {
  const byStage = new Map<string, number[]>();
  for (const header of headers) {
    for (const part of header.split(',')) {
      const match = /^\s*([\w-]+);dur=([\d.]+)/.exec(part);
      if (match) byStage.set(match[1]!, [...(byStage.get(match[1]!) ?? []), Number(match[2])]);
    }
  }
  return [...byStage]
    .map(([stage, values]) => {
      const sorted = values.sort((a, b) => a - b);
      return `${stage} ${percentile(sorted, 50).toFixed(0)} / ${percentile(sorted, 95).toFixed(0)} / ${sorted.at(-1)!.toFixed(0)}`;
    })
    .join(', ');
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const mb = (bytes: number) => bytes / (1024 * 1024);

/** Run the load benchmark and print the figures. Returns false when a target is missed. */
export async function benchServerLoad(): Promise<boolean> {
  const seconds = setting('load-seconds', 'REDLINER_BENCH_LOAD_SECONDS', 30);
  const warmupSeconds = setting('load-warmup-seconds', 'REDLINER_BENCH_LOAD_WARMUP_SECONDS', 5, true);
  const concurrency = Math.round(setting('load-concurrency', 'REDLINER_BENCH_LOAD_CONCURRENCY', 20));
  const file = uploadFile();
  const dataDir = mkdtempSync(join(tmpdir(), 'redliner-bench-load-'));
  let server: RunningServer | undefined;
  const samples: Array<{ t: number; rss: number }> = [];
  let sampler: NodeJS.Timeout | undefined;
  try {
    server = await startServer({ host: '127.0.0.1', port: 0, dataDir, logger: false });
    console.log(`\nServer load: ${concurrency} concurrent uploads of ${basename(file)} to POST /api/reviews for ${seconds} s (after ${warmupSeconds} s warm-up)`);
    const rssBefore = process.memoryUsage().rss;
    let warmupFailures = 0;
    if (warmupSeconds > 0) {
      const warm = await runClient(server.url, file, concurrency, warmupSeconds);
      const warm2xx = Object.entries(warm.statuses).filter(([s]) => s.startsWith('2')).reduce((n, [, c]) => n + c, 0);
      warmupFailures = warm.errors.length + (warm.latencies.length - warm2xx);
      console.log(`warm-up: ${warm.latencies.length} uploads in ${(warm.elapsedMs / 1000).toFixed(1)} s, statuses ${JSON.stringify(warm.statuses)}, errors ${warm.errors.length}; RSS ${mb(process.memoryUsage().rss).toFixed(0)} MB`);
    }
    const t0 = performance.now();
    sampler = setInterval(() => samples.push({ t: performance.now() - t0, rss: process.memoryUsage().rss }), RSS_SAMPLE_MS);
    const result = await runClient(server.url, file, concurrency, seconds);
    clearInterval(sampler);
    sampler = undefined;

    const sorted = [...result.latencies].sort((a, b) => a - b);
    const ok2xx = Object.entries(result.statuses).filter(([s]) => s.startsWith('2')).reduce((n, [, c]) => n + c, 0);
    const non2xx = result.latencies.length - ok2xx;
    const errors = result.errors.length;
    const throughput = ok2xx / (result.elapsedMs / 1000);

    const third = Math.floor(samples.length / 3);
    const first = samples.slice(0, third).map((s) => s.rss);
    const last = samples.slice(samples.length - third).map((s) => s.rss);
    const growth = third > 0 ? mean(last) / mean(first) : NaN;
    const peak = Math.max(...samples.map((s) => s.rss));

    console.log('uploads | wall s | uploads/s | p50 ms | p95 ms | p99 ms | max ms | non-2xx | errors');
    console.log(
      `${result.latencies.length} | ${(result.elapsedMs / 1000).toFixed(1)} | ${throughput.toFixed(2)} | ${percentile(sorted, 50).toFixed(0)} | ${percentile(sorted, 95).toFixed(0)} | ${percentile(sorted, 99).toFixed(0)} | ${(sorted.at(-1) ?? NaN).toFixed(0)} | ${non2xx} | ${errors}`,
    );
    console.log(`statuses: ${JSON.stringify(result.statuses)}`);
    const stages = stageSummary(result.timings);
    if (stages) console.log(`server-side stages, p50 / p95 / max ms: ${stages}`);
    const slowest = result.latencies.map((ms, i) => ({ ms, at: result.starts[i]! })).sort((a, b) => b.ms - a.ms).slice(0, 3);
    console.log(`slowest: ${slowest.map((r) => `${(r.ms / 1000).toFixed(1)} s (sent at +${(r.at / 1000).toFixed(1)} s)`).join(', ')}`);
    if (errors) console.log(`client errors (first few): ${[...new Set(result.errors.filter(Boolean))].slice(0, 5).join(' | ')}`);
    console.log(
      `RSS MB: before ${mb(rssBefore).toFixed(0)}, first third mean ${third ? mb(mean(first)).toFixed(0) : '-'}, last third mean ${third ? mb(mean(last)).toFixed(0) : '-'}, peak ${mb(peak).toFixed(0)} (${samples.length} samples every ${RSS_SAMPLE_MS} ms)`,
    );

    const timeline = Array.from({ length: 6 }, (_, i) => samples[Math.min(samples.length - 1, Math.floor(((i + 1) * samples.length) / 6) - 1)]).filter(Boolean);
    console.log(`RSS timeline: ${timeline.map((s) => `${(s!.t / 1000).toFixed(0)}s ${mb(s!.rss).toFixed(0)} MB`).join(', ')}`);
    // First come, first served: no upload should wait far longer than the slow tail of the rest.
    const fair = sorted.length === 0 || (sorted.at(-1) ?? 0) <= MAX_OVER_P95 * percentile(sorted, 95);
    const noErrors = errors === 0 && non2xx === 0 && warmupFailures === 0 && result.latencies.length > 0;
    // Too few samples to judge a trend is reported, not failed.
    const bounded = third === 0 || growth < MAX_RSS_GROWTH;
    console.log(`${noErrors ? 'met' : 'MISSED'}: no errors and no non-2xx responses (${result.latencies.length} completed${warmupFailures ? `; ${warmupFailures} failed during warm-up` : ''})`);
    console.log(`${bounded ? 'met' : 'MISSED'}: RSS last third / first third ${Number.isFinite(growth) ? growth.toFixed(2) + 'x' : 'n/a (run too short)'} < ${MAX_RSS_GROWTH}x`);
    console.log(`${fair ? 'met' : 'MISSED'}: slowest upload ${((sorted.at(-1) ?? NaN) / 1000).toFixed(1)} s <= ${MAX_OVER_P95}x p95 (${(percentile(sorted, 95) / 1000).toFixed(1)} s), i.e. no upload starved in the queue`);
    return noErrors && bounded && fair;
  } catch (error) {
    console.log(`Server load: MISSED, the bench failed: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  } finally {
    if (sampler) clearInterval(sampler);
    await server?.close();
    await closeParserPool();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// Standalone: `npx tsx bench/server-load.ts [--load-seconds=N] [--load-concurrency=N]`.
if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  process.exitCode = (await benchServerLoad()) ? 0 : 1;
}
