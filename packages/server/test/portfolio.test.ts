import { rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FIXTURES, OWN_RULE, problemOf, tempDataDir, upload, useApps } from './helpers.ts';

const openApp = useApps();

interface Row {
  id: string;
  name: string;
  payer: string;
  cells: Record<string, { display: string; worse: boolean; best: boolean; corrected: boolean }>;
  counts: Record<string, number>;
  total: number;
  score: number;
}

describe('the portfolio of reviews', () => {
  it('puts every review in the matrix with its corrections, marks the worse term, and exports CSV and XLSX', async () => {
    const app = await openApp();
    const a = (await upload(app, FIXTURES.docx)).json();
    const b = (await upload(app, FIXTURES.docx, {}, 'second.docx')).json();
    // Same contract twice; a correction makes the second one's filing window shorter: worse.
    await app.inject({ method: 'PUT', url: `/api/reviews/${b.id}/terms/timely-filing-initial`, payload: { text: '60 days' } });
    const p = (await app.inject('/api/portfolio')).json() as { rows: Row[]; scorecard: Array<{ payer: string; contracts: number }>; formula: string };
    const byId = new Map(p.rows.map((r) => [r.id, r]));
    expect(byId.get(b.id)!.cells['timely-filing-initial']).toMatchObject({ display: '60 days', worse: true, corrected: true });
    expect(byId.get(a.id)!.cells['timely-filing-initial']).toMatchObject({ display: '90 days', best: true, worse: false });
    expect(byId.get(a.id)!.payer).toBe('Bayview Health Plan, Inc.');
    expect(byId.get(a.id)!.total).toBeGreaterThan(0);
    // One more worse term (3 points) on the same findings: a lower score, as the formula says.
    expect(byId.get(b.id)!.score).toBeLessThan(byId.get(a.id)!.score);
    expect(p.scorecard).toEqual([expect.objectContaining({ payer: 'Bayview Health Plan, Inc.', contracts: 2 })]);
    expect(p.formula).toMatch(/^score = /);

    const csv = await app.inject('/api/portfolio.csv');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.trim().split('\r\n')).toHaveLength(3);
    const xlsx = await app.inject('/api/portfolio.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload.buffer.slice(xlsx.rawPayload.byteOffset, xlsx.rawPayload.byteOffset + xlsx.rawPayload.byteLength) as ArrayBuffer);
    expect(book.getWorksheet('Contracts')!.rowCount).toBe(3);
  });

  it('names a review whose key terms cannot be read, with why, and keeps the others in the matrix', async () => {
    const dataDir = tempDataDir();
    const app = await openApp({ dataDir });
    const kept = (await upload(app, FIXTURES.docx)).json();
    // A review made with the user's own ruleset, whose folder is then removed from disk: its key
    // terms can no longer be read, which must not hide it silently or break the portfolio.
    const own = 'user:my-rules';
    const saved = await app.inject({ method: 'PUT', url: `/api/rulesets/${encodeURIComponent(own)}/rules/own-gag-rule`, payload: { yaml: OWN_RULE } });
    expect(saved.statusCode, saved.body).toBeLessThan(300);
    const orphan = (await upload(app, FIXTURES.docx, { ruleset: own }, 'orphan.docx')).json();
    expect(orphan.id).toBeTruthy();
    rmSync(join(dataDir, 'rulesets', 'my-rules'), { recursive: true, force: true });

    const res = await app.inject('/api/portfolio');
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as { rows: Row[]; skipped: Array<{ id: string; name: string; reason: string }> };
    expect(p.rows.map((r) => r.id)).toEqual([kept.id]);
    expect(p.skipped).toEqual([{ id: orphan.id, name: 'orphan.docx', reason: expect.stringMatching(/^It was analysed with the rules ".+" \(user:my-rules\), which have since been deleted.* Choose Re-analyse… on the review/) }]);
    // The review's own Key terms and Deadlines say the same, as a conflict the user can resolve.
    for (const view of ['terms', 'deadlines']) {
      expect(problemOf(await app.inject(`/api/reviews/${orphan.id}/${view}`))).toMatchObject({ httpStatus: 409, code: 'REVIEW_RULES_GONE', title: "This review's rules no longer exist" });
    }
    // The exports carry the same rows: a left-out review is not a blank line in the spreadsheet.
    expect((await app.inject('/api/portfolio.csv')).body.trim().split('\r\n')).toHaveLength(2);
  });
});
