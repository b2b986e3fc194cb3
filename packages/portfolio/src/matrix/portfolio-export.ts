/**
 * The portfolio as a spreadsheet: CSV (RFC 4180, UTF-8 with BOM, CRLF) and XLSX (ExcelJS,
 * already used for the issues list): a "Contracts" sheet with worse-than-best cells tinted and
 * a "Payer scorecard" sheet with its formula. Contract words are always text, never formulas.
 */
import ExcelJS from 'exceljs';
import type { Portfolio, PortfolioRow } from './portfolio-types.ts';

const FORMULA_START = /^[=+\-@\t\r]/;
const safe = (v: string) => (FORMULA_START.test(v) ? `'${v}` : v);
const csvCell = (v: string) => {
  const s = safe(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

function header(p: Portfolio): string[] {
  return ['Contract', 'Payer', 'Product', ...p.columns.map((c) => c.title), 'High', 'Medium', 'Low', 'Decided', 'Findings', 'Terms worse than best', 'Score'];
}

function worseTitles(p: Portfolio, row: PortfolioRow): string {
  return p.columns.filter((c) => row.cells[c.id]?.worse).map((c) => c.title).join('; ');
}

function values(p: Portfolio, row: PortfolioRow): Array<string | number> {
  return [row.name, row.payer, row.product, ...p.columns.map((c) => row.cells[c.id]?.display ?? ''), row.counts.high, row.counts.medium, row.counts.low, row.decided, row.total, worseTitles(p, row), row.score];
}

/** The matrix as CSV text. */
export function portfolioCsv(p: Portfolio): string {
  const lines = [header(p), ...p.rows.map((r) => values(p, r))].map((cells) => cells.map((c) => (typeof c === 'number' ? String(c) : csvCell(c))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The matrix and the payer scorecard as .xlsx bytes. */
export async function portfolioXlsx(p: Portfolio): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Redliner';
  workbook.title = 'Contract portfolio';
  const sheet = workbook.addWorksheet('Contracts', { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  const head = header(p);
  sheet.columns = head.map((h, i) => ({ header: h, width: i === 0 ? 36 : Math.min(30, Math.max(12, h.length + 2)), style: { alignment: { wrapText: true, vertical: 'top' } } }));
  for (const row of p.rows) {
    const added = sheet.addRow(values(p, row).map((v) => (typeof v === 'number' ? v : safe(v))));
    p.columns.forEach((c, i) => {
      if (!row.cells[c.id]?.worse) return;
      const cell = added.getCell(4 + i);
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFBE3E4' } };
      cell.note = `Worse than the portfolio's best: ${c.why ?? ''}`;
    });
  }
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: head.length } };
  const scores = workbook.addWorksheet('Payer scorecard');
  scores.columns = [
    { header: 'Payer', width: 40 },
    { header: 'Contracts', width: 10 },
    { header: 'Score', width: 10 },
    { header: 'High', width: 8 },
    { header: 'Medium', width: 8 },
    { header: 'Low', width: 8 },
    { header: 'Terms worse than best', width: 22 },
  ];
  for (const s of p.scorecard) scores.addRow([safe(s.payer), s.contracts, s.score, s.high, s.medium, s.low, s.worseTerms]);
  scores.getRow(1).font = { bold: true };
  scores.addRow([]);
  scores.addRow([p.formula]);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
