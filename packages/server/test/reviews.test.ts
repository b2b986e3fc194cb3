import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RULESET_DIR } from '@redliner/rules';
import { closeParserPool } from '@redliner/parser';
import type { FastifyInstance } from 'fastify';
import { cleanupDirs, FIXTURES, makeApp, tempDataDir, upload } from './helpers.ts';

const apps: FastifyInstance[] = [];
async function app(options: Parameters<typeof makeApp>[0] = {}): Promise<FastifyInstance> {
  const made = await makeApp(options);
  apps.push(made);
  return made;
}
afterEach(async () => {
  for (const made of apps.splice(0)) await made.close();
});
afterAll(async () => {
  await closeParserPool();
  cleanupDirs();
});

const put = (a: FastifyInstance, id: string, findingId: string, body: unknown) =>
  a.inject({ method: 'PUT', url: `/api/reviews/${id}/decisions/${encodeURIComponent(findingId)}`, payload: body as object });

describe('reviews', () => {
  it('uploads a DOCX and returns its findings, then lists it', async () => {
    const a = await app();
    const res = await upload(a, FIXTURES.docx);
    expect(res.statusCode).toBe(201);
    const review = res.json();
    expect(res.headers.location).toBe(`/api/reviews/${review.id}`);
    expect(review.name).toBe('payer-draft.docx');
    expect(review.format).toBe('docx');
    expect(review.findings.length).toBeGreaterThan(0);
    expect(review.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('evergreen-renewal');
    expect(review.document.text.length).toBeGreaterThan(100);
    expect(review.checklist.length).toBeGreaterThan(0);
    expect(review.decisions).toEqual({});
    // Rules by title and concept, without server file paths.
    expect(review.rules['evergreen-renewal']).toEqual({ title: expect.any(String), concept: 'evergreen-renewal' });
    expect(JSON.stringify(review.rules)).not.toContain(DEFAULT_RULESET_DIR);

    const list = (await a.inject('/api/reviews')).json();
    expect(list.reviews).toHaveLength(1);
    const row = list.reviews[0];
    expect(row).toMatchObject({ id: review.id, name: 'payer-draft.docx', decided: 0, total: review.findings.length });
    expect(row.counts.high + row.counts.medium + row.counts.low).toBe(review.findings.length);
    expect(typeof row.created).toBe('string');
  });

  it('parses a PDF upload too', async () => {
    const a = await app();
    const res = await upload(a, FIXTURES.flowPdf);
    expect(res.statusCode).toBe(201);
    expect(res.json().format).toBe('pdf');
  });

  it('persists accept/edit/reject decisions and keeps them across a restart', async () => {
    const dataDir = tempDataDir();
    const first = await makeApp({ dataDir });
    const review = (await upload(first, FIXTURES.docx)).json();
    const [f0, f1, f2] = review.findings as Array<{ id: string; redline?: { alternatives: string[] } }>;
    expect((await put(first, review.id, f0!.id, { action: 'accept' })).statusCode).toBe(200);
    expect((await put(first, review.id, f1!.id, { action: 'edit', text: 'Either party may terminate on 180 days notice.', reason: 'house style' })).statusCode).toBe(200);
    const rejected = await put(first, review.id, f2!.id, { action: 'reject' });
    expect(rejected.json()).toMatchObject({ action: 'reject', findingId: f2!.id });
    // Re-deciding replaces, not duplicates.
    await put(first, review.id, f0!.id, { action: 'reject', reason: 'payer will not move' });
    await first.close();

    const second = await app({ dataDir });
    const again = (await second.inject(`/api/reviews/${review.id}`)).json();
    expect(again.decisions[f0!.id]).toMatchObject({ action: 'reject', reason: 'payer will not move' });
    expect(again.decisions[f1!.id]).toMatchObject({ action: 'edit', text: 'Either party may terminate on 180 days notice.', reason: 'house style' });
    expect(again.decisions[f2!.id]).toMatchObject({ action: 'reject' });
    expect((await second.inject('/api/reviews')).json().reviews[0].decided).toBe(3);
  });

  it('keeps every decision when many are PUT concurrently on one review', async () => {
    const a = await app();
    const review = (await upload(a, FIXTURES.docx)).json();
    const ids = (review.findings as Array<{ id: string }>).map((f) => f.id);
    const responses = await Promise.all(ids.map((id, i) => put(a, review.id, id, i % 2 ? { action: 'reject', reason: `r${i}` } : { action: 'edit', text: `text ${i}` })));
    expect(responses.map((r) => r.statusCode)).toEqual(ids.map(() => 200));
    const decisions = (await a.inject(`/api/reviews/${review.id}`)).json().decisions;
    expect(Object.keys(decisions).sort()).toEqual([...ids].sort());
  });

  it('accepts a fallback alternative when the finding offers one', async () => {
    const a = await app();
    const review = (await upload(a, FIXTURES.docx)).json();
    const withAlt = (review.findings as Array<{ id: string; redline?: { alternatives: string[] } }>).find((f) => (f.redline?.alternatives.length ?? 0) > 0);
    if (!withAlt) return; // the ruleset may not offer fallbacks for this contract
    const res = await put(a, review.id, withAlt.id, { action: 'accept', alternative: 0 });
    expect(res.json()).toMatchObject({ action: 'accept', alternative: 0 });
  });

  it('re-analyses, keeping decisions whose findings still exist', async () => {
    const a = await app();
    const review = (await upload(a, FIXTURES.docx)).json();
    const id0 = review.findings[0].id;
    await put(a, review.id, id0, { action: 'reject' });
    const res = await a.inject({ method: 'POST', url: `/api/reviews/${review.id}/reanalyze` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kept: [id0], dropped: [], added: [], removed: [] });
    expect((await a.inject(`/api/reviews/${review.id}`)).json().decisions[id0].action).toBe('reject');
  });

  it('re-analyses with another ruleset and says which findings came and went', async () => {
    const dataDir = tempDataDir();
    // A user ruleset of one rule that flags the fixture's evergreen clause under its own id.
    const dir = join(dataDir, 'rulesets', 'one-rule');
    mkdirSync(dir, { recursive: true });
    // A user ruleset always has a manifest (one without is refused); this one extends nothing, so it runs only its own rule.
    writeFileSync(join(dir, 'ruleset.yaml'), 'name: one-rule\n');
    writeFileSync(join(dir, 'own-evergreen.yaml'), readFileSync(join(DEFAULT_RULESET_DIR, 'evergreen-renewal.yaml'), 'utf8').replace(/^id: .*$/m, 'id: own-evergreen'));
    // The rule speaks in the bundled vocabulary's terms ({renew-act}, …), so the ruleset brings that vocabulary along.
    for (const f of readdirSync(DEFAULT_RULESET_DIR).filter((n) => /^vocabulary(-[a-z-]+)?\.yaml$/.test(n))) copyFileSync(join(DEFAULT_RULESET_DIR, f), join(dir, f));
    const a = await app({ dataDir });
    const review = (await upload(a, FIXTURES.docx)).json();
    const before = (review.findings as Array<{ id: string }>).map((f) => f.id);
    await put(a, review.id, before[0]!, { action: 'reject' });
    const res = await a.inject({ method: 'POST', url: `/api/reviews/${review.id}/reanalyze`, payload: { ruleset: 'user:one-rule' } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.added).toHaveLength(1);
    expect(body.added[0]).toMatch(/^own-evergreen@/);
    expect([...body.removed].sort()).toEqual([...before].sort());
    expect(body.dropped.map((d: { findingId: string }) => d.findingId)).toEqual([before[0]]);
  });

  it('deletes a review', async () => {
    const a = await app();
    const review = (await upload(a, FIXTURES.docx)).json();
    expect((await a.inject({ method: 'DELETE', url: `/api/reviews/${review.id}` })).statusCode).toBe(204);
    expect((await a.inject(`/api/reviews/${review.id}`)).statusCode).toBe(404);
    expect((await a.inject('/api/reviews')).json().reviews).toEqual([]);
  });

  it('serves reports as JSON, markdown and SARIF', async () => {
    const a = await app();
    const review = (await upload(a, FIXTURES.docx)).json();
    await put(a, review.id, review.findings[0].id, { action: 'reject', reason: 'accepted risk' });

    const json = await a.inject(`/api/reviews/${review.id}/report.json`);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(json.headers['content-disposition']).toContain('payer-draft.redliner.json');
    const report = json.json();
    expect(report).toMatchObject({ version: 1, ruleset: { name: 'payer-core' } });
    expect(report.findings).toHaveLength(review.findings.length);
    expect(report.decisions[review.findings[0].id].action).toBe('reject');

    const md = await a.inject(`/api/reviews/${review.id}/report.md`);
    expect(md.headers['content-type']).toMatch(/^text\/markdown/);
    expect(md.body.length).toBeGreaterThan(100);
    // The memo reflects the decisions: the rejection and its reason, and how many are open.
    expect(md.body).toContain(`**Decisions:** 0 accepted, 0 accepted with our wording, 1 rejected, ${review.findings.length - 1} not decided.`);
    expect(md.body).toContain('Rejected (payer language accepted) — accepted risk');
    expect(md.body).not.toMatch(/&#x|[a-z]\.\. /);

    const sarif = await a.inject(`/api/reviews/${review.id}/report.sarif`);
    expect(sarif.headers['content-type']).toMatch(/^application\/sarif\+json/);
    const log = sarif.json();
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results).toHaveLength(review.findings.length);
    expect(log.runs[0].results.filter((r: { suppressions?: unknown[] }) => r.suppressions)).toHaveLength(1);
  });
});
