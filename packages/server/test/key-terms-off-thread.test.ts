/**
 * Key-term definitions are compiled, and contracts read for their key terms, in the analysis
 * worker only: an upload's reading comes back with its rules, an older review's is read there
 * when no stored reading fits, and the server's warm-up compiles nothing on the main thread (it
 * did, and held every request, /api/storage included, for seconds after start). `loadKeyTerms`
 * and `readKeyTerms` are counted on this (main) thread only; the workers load their own copy.
 */
import { cpSync, readdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseDocument } from '@redliner/parser';
import analyzeTask, { readKeyTermsTask } from '../src/analysis/analysis-worker.ts';
import { readingStamp } from '../src/analysis/key-term-reading.ts';
import { DEFAULT_RULESET_DIR, openSqliteStore } from '../src/index.ts';
import { FIXTURES, fixture, tempDataDir, upload, useApps } from './helpers.ts';

const mainThread = vi.hoisted(() => ({ compiles: 0, reads: 0 }));
vi.mock('@redliner/rules', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@redliner/rules')>();
  return {
    ...actual,
    loadKeyTerms: (...args: Parameters<typeof actual.loadKeyTerms>) => {
      mainThread.compiles += 1;
      return actual.loadKeyTerms(...args);
    },
    readKeyTerms: (...args: Parameters<typeof actual.readKeyTerms>) => {
      mainThread.reads += 1;
      return actual.readKeyTerms(...args);
    },
  };
});

// Marks when the app's analysis tasks start and end, to place other requests between them.
const analysis = vi.hoisted(() => ({ events: [] as string[], started: undefined as (() => void) | undefined }));
vi.mock('../src/analysis/analysis-pool.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/analysis/analysis-pool.ts')>();
  return {
    ...actual,
    createAnalysisPool: (...args: Parameters<typeof actual.createAnalysisPool>) => {
      const pool = actual.createAnalysisPool(...args);
      return {
        ...pool,
        analyze: async (...task: Parameters<typeof pool.analyze>) => {
          analysis.events.push('analysis started');
          analysis.started?.();
          try {
            return await pool.analyze(...task);
          } finally {
            analysis.events.push('analysis done');
          }
        },
      };
    },
  };
});

const openApp = useApps();
const noCountsYet = () => Object.assign(mainThread, { compiles: 0, reads: 0 });

describe('key terms off the main thread', () => {
  it('come back from the analysis task with the rules, stamped like the main thread stamps them', async () => {
    const document = await parseDocument(fixture(FIXTURES.docx), { name: 'payer-draft.docx' });
    const outcome = analyzeTask({ document, rulesetDir: DEFAULT_RULESET_DIR });
    if (!outcome.ok) throw new Error('the bundled ruleset did not run');
    expect(outcome.keyTerms?.stamp).toBe(readingStamp(DEFAULT_RULESET_DIR));
    const alone = readKeyTermsTask({ document, rulesetDir: DEFAULT_RULESET_DIR });
    expect(alone).toEqual({ ok: true, reading: outcome.keyTerms });
    expect(outcome.keyTerms?.report.terms.find((t) => t.id === 'timely-filing-initial')?.display).toBe('90 days');
  });

  it('start-up compiles nothing on the main thread, and /api/storage answers while the first analysis runs', async () => {
    const app = await openApp();
    noCountsYet();
    analysis.events.length = 0;
    // As `startServer` does after listen: warm up while the first upload comes in.
    const warming = app.warmUp();
    const started = new Promise<void>((resolve) => (analysis.started = resolve));
    const uploading = upload(app, FIXTURES.docx).then((res) => {
      analysis.events.push('upload answered');
      return res;
    });
    await started;
    const health = await app.inject('/api/storage');
    analysis.events.push('storage answered');
    expect(health.statusCode).toBe(200);
    expect((await uploading).statusCode).toBe(201);
    await warming;
    expect(analysis.events).toEqual(['analysis started', 'storage answered', 'analysis done', 'upload answered']);
    expect(mainThread).toEqual({ compiles: 0, reads: 0 });
  });

  it('are stored by the upload itself, and the terms, deadlines and portfolio show them with nothing compiled or read on the main thread', async () => {
    const dataDir = tempDataDir();
    const app = await openApp({ dataDir });
    noCountsYet();
    const res = await upload(app, FIXTURES.docx);
    expect(res.statusCode).toBe(201);
    const { id } = res.json() as { id: string };

    // Stored before the response went out, under the stamp the portfolio looks for.
    const store = openSqliteStore(`${dataDir}/redliner.db`);
    try {
      const stored = await store.keyTermReading(id, readingStamp(DEFAULT_RULESET_DIR));
      expect(stored?.terms.find((t) => t.id === 'timely-filing-initial')?.display).toBe('90 days');
    } finally {
      await store.close();
    }

    const portfolio = (await app.inject('/api/portfolio')).json() as { rows: Array<{ id: string; cells: Record<string, { display: string }> }> };
    expect(portfolio.rows.map((r) => r.id)).toEqual([id]);
    expect(portfolio.rows[0]!.cells['timely-filing-initial']?.display).toBe('90 days');
    expect((await app.inject(`/api/reviews/${id}/terms`)).statusCode).toBe(200);
    expect((await app.inject('/api/deadlines?today=2027-01-01')).statusCode).toBe(200);
    expect(mainThread).toEqual({ compiles: 0, reads: 0 });
  });

  it("are read again by the worker when the ruleset's key-term files change, and stored under the new stamp", async () => {
    const rulesetDir = join(tempDataDir(), 'payer-core');
    cpSync(DEFAULT_RULESET_DIR, rulesetDir, { recursive: true });
    const dataDir = tempDataDir();
    const app = await openApp({ dataDir, rulesetDir });
    const { id } = (await upload(app, FIXTURES.docx)).json() as { id: string };
    const before = readingStamp(rulesetDir);
    // A key-term file edited by hand: the stored reading no longer fits.
    const termsDir = join(rulesetDir, 'terms');
    const file = join(termsDir, readdirSync(termsDir).find((name) => name.endsWith('.yaml'))!);
    utimesSync(file, new Date(), new Date(Date.now() + 60_000));
    const after = readingStamp(rulesetDir);
    expect(after).not.toBe(before);

    noCountsYet();
    const terms = await app.inject(`/api/reviews/${id}/terms`);
    expect(terms.statusCode).toBe(200);
    expect((terms.json() as { terms: Array<{ id: string; display: string }> }).terms.find((t) => t.id === 'timely-filing-initial')?.display).toBe('90 days');
    expect(mainThread).toEqual({ compiles: 0, reads: 0 });
    const store = openSqliteStore(`${dataDir}/redliner.db`);
    try {
      expect(await store.keyTermReading(id, after)).toBeDefined();
    } finally {
      await store.close();
    }
  });
});
