/**
 * Key-term readings stored with their review: the store keeps one per review under the stamp of
 * the definitions that made it, and the portfolio of many reviews then reads no contract again.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from '@redliner/parser';
import { analyze, buildReport, loadRuleset, type KeyTermsReport } from '@redliner/rules';
import { DEFAULT_RULESET_DIR, openSqliteStore, type ReviewStore } from '../src/index.ts';
import { FIXTURES, fixture, tempDataDir, upload, useApps } from './helpers.ts';

const openApp = useApps();

async function reviewIn(store: ReviewStore) {
  const bytes = fixture(FIXTURES.docx);
  const document = await parseDocument(bytes, { name: 'payer-draft.docx' });
  const { ruleset } = loadRuleset(DEFAULT_RULESET_DIR);
  const report = buildReport(document, ruleset, analyze(document, ruleset));
  return { report, summary: await store.create({ name: 'payer-draft.docx', original: bytes, document, report, ruleset: { id: 'payer-core', name: 'payer-core' } }) };
}

describe('stored key-term readings', () => {
  it('are kept per review and stamp, go with a deleted review, and never fail the caller', async () => {
    const store = openSqliteStore(':memory:');
    try {
      const { summary, report } = await reviewIn(store);
      const reading = { version: 1, terms: [{ id: 'initial-term', title: 'Initial term', status: 'stated', display: '1 year' }] } as unknown as KeyTermsReport;
      expect(await store.keyTermReading(summary.id, 'stamp-a')).toBeUndefined();
      await store.saveKeyTermReading(summary.id, 'stamp-a', reading);
      expect(await store.keyTermReading(summary.id, 'stamp-a')).toEqual(reading);
      // Other definitions made no reading of this contract.
      expect(await store.keyTermReading(summary.id, 'stamp-b')).toBeUndefined();
      const tallies = await store.findingTallies();
      expect(tallies.get(summary.id)).toEqual(report.findings.map((f) => ({ concept: f.concept, severity: f.severity })));
      await store.delete(summary.id);
      await expect(store.saveKeyTermReading(summary.id, 'stamp-a', reading)).resolves.toBeUndefined();
      expect(await store.keyTermReading(summary.id, 'stamp-a')).toBeUndefined();
      expect((await store.findingTallies()).has(summary.id)).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('let the portfolio open without reading any contract once each review has been read', async () => {
    const dataDir = tempDataDir();
    const first = await openApp({ dataDir });
    const uploaded = (await upload(first, FIXTURES.docx)).json() as { id: string };
    const before = (await first.inject(`/api/reviews/${uploaded.id}/terms`)).json() as KeyTermsReport;
    await first.close();

    // A new app on the same data dir, with a store that counts whole-review reads.
    const inner = openSqliteStore(`${dataDir}/redliner.db`);
    let reads = 0;
    const counting: ReviewStore = { ...bind(inner), get: async (id) => ((reads += 1), inner.get(id)) };
    const app = await openApp({ dataDir, store: counting });
    const portfolio = (await app.inject('/api/portfolio')).json() as { rows: Array<{ id: string; cells: Record<string, { display: string }> }> };
    expect(portfolio.rows.map((r) => r.id)).toEqual([uploaded.id]);
    expect(before.terms.find((t) => t.id === 'timely-filing-initial')?.display).toBe('90 days');
    expect(portfolio.rows[0]!.cells['timely-filing-initial']?.display).toBe('90 days');
    expect(reads).toBe(0);
    await app.close();
    await inner.close();
  });
});

/** The store's methods bound to it, so they can be spread into a wrapper. */
function bind(store: ReviewStore): ReviewStore {
  const out = {} as Record<string, unknown>;
  for (const key of Object.getOwnPropertyNames(Object.getPrototypeOf(store)) as Array<keyof ReviewStore>) {
    const value = store[key];
    if (typeof value === 'function' && key !== ('constructor' as keyof ReviewStore)) out[key] = value.bind(store);
  }
  return out as unknown as ReviewStore;
}
