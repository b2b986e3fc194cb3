/**
 * The exact command the team uses to check parsing: `pnpm --silent redliner parse FILE --format json`
 * must print only the ContractDocument JSON on stdout. Runs the real entry point in a child process.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { ContractDocument } from '@redliner/parser';
import { REPO_ROOT } from './support/shared-corpus.ts';

const exec = promisify(execFile);
const BIN = join(REPO_ROOT, 'packages/cli/bin/redliner.js');
const fixture = (path: string) => join(REPO_ROOT, 'packages/parser/test/fixtures', path);

async function redliner(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('redliner parse (child process)', () => {
  it.each(['docx/contract.docx', 'pdf/flow.pdf'])('%s --format json prints only a ContractDocument', async (file) => {
    const result = await redliner('parse', fixture(file), '--format', 'json');
    expect(result.code, result.stderr).toBe(0);
    const document = JSON.parse(result.stdout) as ContractDocument;
    expect(document.text.length).toBeGreaterThan(100);
    expect(document.blocks.length).toBeGreaterThan(3);
    expect(document.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(document.blocks.some((b) => b.label)).toBe(true);
  });

  it('prints Markdown with headings and escaped clause numbers', async () => {
    const result = await redliner('parse', fixture('docx/contract.docx'), '--format', 'markdown');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^# contract\.docx/);
    expect(result.stdout).toMatch(/^#{2,} /m);
  });

  it('fails with a code and a non-zero exit for a file it cannot read', async () => {
    const result = await redliner('parse', fixture('formats/contract.rtf'), '--format', 'json');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('[UNSUPPORTED_FORMAT]');
  });

  it('reads a scanned PDF with OCR: only JSON on stdout, the OCR warning and progress on stderr, and the process ends', async () => {
    const result = await redliner('parse', fixture('pdf/scanned-text.pdf'), '--format', 'json');
    expect(result.code, result.stderr).toBe(0);
    const document = JSON.parse(result.stdout) as ContractDocument;
    expect(document.text).toContain('6.2 Recoupment. Plan may recover any overpayment');
    expect(result.stderr).toContain('reading scanned page 1 with OCR (1 of 1)');
    expect(result.stderr).toMatch(/warning \[PDF_OCR_PAGE\] scanned-text\.pdf: Page 1 is a scanned image: its text was recognized by OCR/);
  }, 60_000);

  it('--no-ocr refuses a fully scanned PDF as before', async () => {
    const result = await redliner('parse', fixture('pdf/scanned-text.pdf'), '--no-ocr');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('[PDF_SCANNED]');
  });
});
