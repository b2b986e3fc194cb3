import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FIXTURES, upload, useApps } from './helpers.ts';

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
});
