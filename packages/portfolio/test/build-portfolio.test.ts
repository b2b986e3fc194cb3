import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildPortfolio, portfolioCsv, portfolioXlsx, type PortfolioInput } from '../src/index.ts';
import { termReport } from './term-report.ts';

function input(id: string, values: Record<string, string>, findings: PortfolioInput['findings'] = []): PortfolioInput {
  return { id, name: `${id}.docx`, terms: termReport(values, `${id}.docx`), findings, decided: 1, total: findings.length };
}

const INPUTS = [
  input('a', { parties: 'Acme Health', 'timely-filing-initial': '90 days', 'audit-lookback': '12 months', 'rate-basis': '110% of Medicare' }, [{ concept: 'audit-lookback', severity: 'high' }]),
  input('b', { parties: 'Acme Health', 'timely-filing-initial': '180 days', 'audit-lookback': 'no limit', 'rate-basis': '95% of Medicare' }),
  input('c', { parties: '=HYPERLINK("x")', 'timely-filing-initial': '180 days', 'rate-basis': '150% of Medicaid' }, [{ concept: 'prompt-pay', severity: 'medium' }, { concept: 'prompt-pay', severity: 'low' }]),
];

describe('buildPortfolio', () => {
  it('marks each compared term worse than the portfolio best, in the direction its data gives', () => {
    const p = buildPortfolio(INPUTS);
    const cell = (row: number, id: string) => p.rows[row]!.cells[id]!;
    // Filing window: longer is better.
    expect([cell(0, 'timely-filing-initial').worse, cell(1, 'timely-filing-initial').worse, cell(2, 'timely-filing-initial').best]).toEqual([true, false, true]);
    // Lookback: shorter is better, and "no limit" is the worst.
    expect([cell(0, 'audit-lookback').best, cell(1, 'audit-lookback').worse]).toEqual([true, true]);
    // Not stated is neither best nor worse: nothing to compare.
    expect(cell(2, 'audit-lookback')).toMatchObject({ display: 'not stated', worse: false, best: false });
    // Rates compare only on the same schedule: 150% of Medicaid does not outrank 110% of Medicare.
    expect([cell(0, 'rate-basis').best, cell(1, 'rate-basis').worse, cell(2, 'rate-basis').best]).toEqual([true, true, true]);
    // Dates are shown, never marked.
    expect(p.columns.find((c) => c.id === 'effective-date')?.better).toBeUndefined();
  });

  it('counts findings by concept and severity and scores by the documented formula', () => {
    const p = buildPortfolio(INPUTS);
    expect(p.rows[2]!.concepts['prompt-pay']).toEqual({ high: 0, medium: 1, low: 1 });
    expect(p.concepts).toEqual(['audit-lookback', 'prompt-pay']);
    // a: one concept at high (10) + one worse term (3) = 13 points: 100 × e^−0.13 = 88
    expect(p.rows[0]!.score).toBe(88);
    // b: two worse terms (lookback, rate) = 6 points: 94
    expect(p.rows[1]!.score).toBe(94);
    // c: prompt-pay counted once, at its worst (medium, 5): 95
    expect(p.rows[2]!.score).toBe(95);
    expect(p.scorecard.find((s) => s.payer === 'Acme Health')).toMatchObject({ contracts: 2, score: 91, high: 1, worseTerms: 3 });
    expect(p.formula).toMatch(/100 × e\^\(−points ÷ 100\).*10 per concept with a high finding, 5 .* 2 .* \+ 3 per term worse/);
  });

  it('ranks real drafts apart however many findings they have, and counts a concept once', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ concept: `concept-${i}`, severity: 'high' as const }));
    const p = buildPortfolio([input('x', { parties: 'X' }, many(14)), input('y', { parties: 'Y' }, many(18)), input('z', { parties: 'Z' }, Array.from({ length: 30 }, () => ({ concept: 'one', severity: 'high' as const })))]);
    const [x, y, z] = p.rows.map((r) => r.score);
    expect(x).toBeGreaterThan(y!);
    expect(y).toBeGreaterThan(0);
    expect(z).toBe(90);
  });

  it('exports CSV and XLSX with the same rows, contract words never as formulas', async () => {
    const p = buildPortfolio(INPUTS);
    const csv = portfolioCsv(p).split('\r\n');
    expect(csv[0]).toMatch(/^\uFEFFContract,Payer,Product,/);
    expect(csv[3]).toMatch(/^c\.docx,"'=HYPERLINK\(""x""\)",/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await portfolioXlsx(p)).buffer as ArrayBuffer);
    const sheet = book.getWorksheet('Contracts')!;
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(4).getCell(2).value).toBe("'=HYPERLINK(\"x\")");
    const filing = (sheet.getRow(1).values as unknown[]).indexOf('timely-filing-initial');
    const fill = sheet.getRow(2).getCell(filing).fill as { fgColor?: { argb?: string } } | undefined;
    expect(fill?.fgColor?.argb).toBe('FFFBE3E4');
    expect(book.getWorksheet('Payer scorecard')!.getRow(2).getCell(1).value).toBe('Acme Health');
  });
});
