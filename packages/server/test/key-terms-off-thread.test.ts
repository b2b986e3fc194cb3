/**
 * An upload's key terms are read by the analysis worker, next to the rules: the main thread
 * only stores the reading the worker returns, and the portfolio shows it without reading the
 * contract. `readKeyTerms` is counted on this (main) thread only; the worker loads its own copy.
 */
import { describe, expect, it, vi } from 'vitest';
import { parseDocument } from '@redliner/parser';
import * as rules from '@redliner/rules';
import analyzeTask from '../src/analysis/analysis-worker.ts';
import { definitionsOf } from '../src/analysis/key-term-reading.ts';
import { DEFAULT_RULESET_DIR, openSqliteStore } from '../src/index.ts';
import { FIXTURES, fixture, tempDataDir, upload, useApps } from './helpers.ts';

const mainThreadReads = vi.hoisted(() => ({ count: 0 }));
vi.mock('@redliner/rules', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@redliner/rules')>();
  return {
    ...actual,
    readKeyTerms: (...args: Parameters<typeof actual.readKeyTerms>) => {
      mainThreadReads.count += 1;
      return actual.readKeyTerms(...args);
    },
  };
});

const openApp = useApps();

describe('key terms read off the main thread', () => {
  it('come back from the analysis task with the rules, stamped like the main thread stamps them', async () => {
    const document = await parseDocument(fixture(FIXTURES.docx), { name: 'payer-draft.docx' });
    const outcome = analyzeTask({ document, rulesetDir: DEFAULT_RULESET_DIR });
    if (!outcome.ok) throw new Error('the bundled ruleset did not run');
    const { definitions, stamp } = definitionsOf(DEFAULT_RULESET_DIR);
    expect(outcome.keyTerms?.stamp).toBe(stamp);
    expect(outcome.keyTerms?.report).toEqual(rules.readKeyTerms(document, definitions));
    expect(outcome.keyTerms?.report.terms.find((t) => t.id === 'timely-filing-initial')?.display).toBe('90 days');
  });

  it('are stored by the upload itself, and the portfolio shows them with no reading on the main thread', async () => {
    const dataDir = tempDataDir();
    const app = await openApp({ dataDir });
    mainThreadReads.count = 0;
    const res = await upload(app, FIXTURES.docx);
    expect(res.statusCode).toBe(201);
    const { id } = res.json() as { id: string };

    // Stored before the response went out, under the stamp the portfolio looks for.
    const store = openSqliteStore(`${dataDir}/redliner.db`);
    try {
      const stored = await store.keyTermReading(id, definitionsOf(DEFAULT_RULESET_DIR).stamp);
      expect(stored?.terms.find((t) => t.id === 'timely-filing-initial')?.display).toBe('90 days');
    } finally {
      await store.close();
    }

    const portfolio = (await app.inject('/api/portfolio')).json() as { rows: Array<{ id: string; cells: Record<string, { display: string }> }> };
    expect(portfolio.rows.map((r) => r.id)).toEqual([id]);
    expect(portfolio.rows[0]!.cells['timely-filing-initial']?.display).toBe('90 days');
    expect(mainThreadReads.count).toBe(0);
  });
});
