import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { runArgv } from './run.ts';

const DOCX = fileURLToPath(new URL('../../../test/fixtures/contracts/payer-draft.docx', import.meta.url));
const FOLDER = fileURLToPath(new URL('../../../test/fixtures/contracts/', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'redliner-portfolio-cli-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('redliner portfolio', () => {
  it('prints the matrix as CSV and JSON with the scorecard formula', async () => {
    const csv = await runArgv(['portfolio', FOLDER]);
    expect(csv.code).toBe(0);
    expect(csv.out.startsWith('\uFEFF')).toBe(true);
    const lines = csv.out.slice(1).trim().split('\r\n');
    expect(lines[0]).toMatch(/^Contract,Payer,Product,.*Timely filing \(initial claims\).*,Score$/);
    expect(lines[1]).toMatch(/^payer-draft\.docx,"Bayview Health Plan, Inc\.",/);
    const json = JSON.parse((await runArgv(['portfolio', DOCX, '--format', 'json'])).out) as { rows: Array<{ cells: Record<string, { display: string }> }>; formula: string };
    expect(json.rows[0]!.cells['timely-filing-initial']!.display).toBe('90 days');
    expect(json.formula).toMatch(/^score = 100 × e\^\(−points/);
  }, 60_000);

  it('writes XLSX to -o and refuses an unknown format', async () => {
    const path = join(out, 'p.xlsx');
    const done = await runArgv(['portfolio', DOCX, '--format', 'xlsx', '-o', path]);
    expect(done.err).toMatch(/wrote .*p\.xlsx: 1 contract/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(path).buffer as ArrayBuffer);
    expect(book.getWorksheet('Contracts')!.getRow(2).getCell(1).value).toBe('payer-draft.docx');
    expect((await runArgv(['portfolio', DOCX, '--format', 'pdf'])).code).toBe(2);
  }, 60_000);
});
