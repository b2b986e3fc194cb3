/**
 * `redliner issues`: the payer's issues list by default (only the requested changes), the
 * internal one on request, the three formats, and usage errors that say what to pass. The DOCX
 * list goes through the team's OOXML validator, skipped with a message without ../shared.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnalysisReport } from '@redliner/rules';
import { newErrors, validateDocx, VALIDATOR_SKIP } from '../../redline/test/ooxml-validate.ts';
import { run } from './run.ts';

const dir = mkdtempSync(join(tmpdir(), 'redliner-cli-issues-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const contract = join(dir, 'payer-draft.docx');
copyFileSync(fileURLToPath(new URL('../../../test/fixtures/contracts/payer-draft.docx', import.meta.url)), contract);

describe('redliner issues', async () => {
  const report = JSON.parse((await run('analyze', contract, '--format', 'json')).out) as AnalysisReport;
  const [accepted, rejected] = report.findings.filter((f) => f.redline?.text);
  const decisions = join(dir, 'decisions.json');
  writeFileSync(decisions, JSON.stringify({ [accepted!.id]: { action: 'accept' }, [rejected!.id]: { action: 'reject', reason: 'Our board accepts this one.' } }));

  it('refuses a payer list with nothing decided, saying what to pass', async () => {
    const result = await run('issues', contract);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/nothing is decided.*--decisions.*--accept-all.*--audience internal/s);
  });

  it('writes the payer list as XLSX by default, with one row per requested change', async () => {
    const result = await run('issues', contract, '--decisions', decisions);
    expect(result.code).toBe(0);
    const file = join(dir, 'payer-draft - issues list.xlsx');
    expect(result.err).toContain(`wrote ${file} (for the payer): 1 item(s)`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Issues')!.rowCount).toBe(2);
    expect(JSON.stringify(workbook.getWorksheet('Issues')!.getSheetValues())).not.toContain('Our board accepts this one.');
  });

  it('writes the internal list as CSV and DOCX, and refuses an unknown format', async () => {
    const csv = join(dir, 'internal.csv');
    expect((await run('issues', contract, '--decisions', decisions, '--audience', 'internal', '--format', 'csv', '-o', csv)).code).toBe(0);
    const text = readFileSync(csv, 'utf8');
    expect(text).toContain('Our board accepts this one.');
    expect(text.trim().split('\r\n')).toHaveLength(report.findings.length + 1);
    expect((await run('issues', contract, '--accept-all', '--format', 'docx')).code).toBe(0);
    const docx = join(dir, 'payer-draft - issues list.docx');
    expect(existsSync(docx)).toBe(true);
    if (VALIDATOR_SKIP) console.warn(`redliner issues tests: ${VALIDATOR_SKIP}`);
    else expect(newErrors(validateDocx(readFileSync(docx))!)).toEqual([]);
    const bad = await run('issues', contract, '--accept-all', '--format', 'pdf');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--format must be one of xlsx, docx, csv');
  });
});
