/**
 * The portfolio with 200 reviews in the store: the payer-dev contracts (DOCX and PDF) are
 * uploaded to a real server, copied in the store to REDLINER_BENCH_REVIEWS reviews (200 by
 * default), and the server is started again on that store, as a user reopening the app would.
 * The first matrix reads each copy's key terms once and stores them (an upload stores the
 * reading the analysis worker made); then the server is started again and GET /api/portfolio (the matrix the web
 * app opens) is timed: the first request after start and the median of the next five. The reference in the same run is GET /api/reviews, the
 * plain list of the same reviews. Target (issue 12): the matrix opens in under a second.
 * Standalone: `npx tsx bench/portfolio-bench.ts`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { closeParserPool } from '@redliner/parser';
import { openSqliteStore, startServer } from '@redliner/server';
import { corpusFiles, SHARED_DIR, SKIP_MESSAGE } from '../test/support/shared-corpus.ts';
import { median } from './stats.ts';

const REVIEWS = Number(process.env.REDLINER_BENCH_REVIEWS ?? 200);
const TARGET_MS = 1000;

async function timed(url: string): Promise<{ ms: number; body: unknown }> {
  const start = performance.now();
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  const body = await res.json();
  return { ms: performance.now() - start, body };
}

/** Upload the seed contracts; returns their review ids. */
async function seed(dataDir: string): Promise<string[]> {
  const server = await startServer({ port: 0, dataDir, logger: false, ocr: false });
  try {
    await server.warmedUp;
    const ids: string[] = [];
    for (const file of corpusFiles('payer-dev/docs', ['.docx', '.pdf'])) {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(readFileSync(file))]), basename(file));
      const res = await fetch(`${server.url}/api/reviews`, { method: 'POST', body: form });
      if (res.status !== 201) throw new Error(`upload of ${basename(file)} failed: ${res.status} ${await res.text()}`);
      ids.push(((await res.json()) as { id: string }).id);
    }
    return ids;
  } finally {
    await server.close();
  }
}

/** Copy the seed reviews in the store until it holds `count` reviews. */
async function fill(dataDir: string, seeds: string[], count: number): Promise<void> {
  const store = openSqliteStore(join(dataDir, 'redliner.db'));
  try {
    const records = await Promise.all(seeds.map(async (id) => ({ record: (await store.get(id))!, original: (await store.original(id))! })));
    for (let i = seeds.length; i < count; i++) {
      const { record, original } = records[i % records.length]!;
      await store.create({ name: `copy ${i} of ${record.summary.name}`, original: original.bytes, document: record.document, report: record.report, ruleset: record.summary.ruleset });
    }
  } finally {
    await store.close();
  }
}

/** Run the benchmark; true when the target is met. */
export async function benchPortfolio(): Promise<boolean> {
  console.log(`\n## Portfolio with ${REVIEWS} reviews (GET /api/portfolio vs GET /api/reviews)`);
  if (!SHARED_DIR) {
    console.log(SKIP_MESSAGE);
    return true;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'redliner-bench-portfolio-'));
  try {
    await fill(dataDir, await seed(dataDir), REVIEWS);
    // The copies were made in the store, not uploaded, so none has its key terms read yet: the
    // first matrix reads every contract once and stores the readings, as uploads do one by one
    // (and as every review needs again after the key-term definitions change).
    const filling = await startServer({ port: 0, dataDir, logger: false, ocr: false });
    let unread: number;
    try {
      await filling.warmedUp;
      unread = (await timed(`${filling.url}/api/portfolio`)).ms;
    } finally {
      await filling.close();
    }
    // What a user sees: the app started again on a store whose reviews were all uploaded.
    const server = await startServer({ port: 0, dataDir, logger: false, ocr: false });
    try {
      await server.warmedUp;
      const list = await timed(`${server.url}/api/reviews`);
      const first = await timed(`${server.url}/api/portfolio`);
      const rows = (first.body as { rows: unknown[] }).rows.length;
      const warm: number[] = [];
      const lists: number[] = [list.ms];
      for (let i = 0; i < 5; i++) {
        warm.push((await timed(`${server.url}/api/portfolio`)).ms);
        lists.push((await timed(`${server.url}/api/reviews`)).ms);
      }
      const met = first.ms <= TARGET_MS && median(warm) <= TARGET_MS;
      console.log(`first matrix with no key terms read yet (every contract read once): ${(unread / 1000).toFixed(1)} s`);
      console.log(`GET /api/reviews: median ${median(lists).toFixed(0)} ms; GET /api/portfolio (${rows} rows): first ${first.ms.toFixed(0)} ms, then median ${median(warm).toFixed(0)} ms (${(median(warm) / Math.max(1, median(lists))).toFixed(1)}× the list); target ≤ ${TARGET_MS} ms: ${met ? 'met' : 'NOT met'}`);
      return met;
    } finally {
      await server.close();
    }
  } finally {
    await closeParserPool();
    if (process.env.REDLINER_BENCH_KEEP) console.log(`kept ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchPortfolio();
