/**
 * Run the team's OOXML validator (`../shared/tools/ooxml-validate`: ISO/IEC 29500 schemas and
 * the Word rules the schemas miss) on a DOCX the tests wrote. Needs ../shared and a Python with
 * lxml (Debian: python3-lxml, which .ci/run installs); without them the check is skipped with
 * a message, like the other corpus checks.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// ../shared beside the repository (or REDLINER_SHARED), as test/support/shared-corpus.ts finds it.
const SHARED_DIR = process.env.REDLINER_SHARED ?? resolve(fileURLToPath(new URL('../../../', import.meta.url)), '../shared');

/** One problem the validator reports. */
export interface ValidationProblem {
  kind: string;
  part: string;
  message: string;
  xml: string;
  inOriginal: boolean | null;
}

/** The validator's verdict: `newErrors` counts errors the original did not already have. */
export interface ValidationReport {
  newErrors: number;
  problems: ValidationProblem[];
}

const SCRIPT = join(SHARED_DIR, 'tools', 'ooxml-validate', 'ooxml-validate.py');
const ERROR_KINDS = new Set(['schema', 'word', 'mce', 'xml', 'package']);

function pythonWithLxml(): string | null {
  for (const python of ['/usr/bin/python3', 'python3']) {
    try {
      execFileSync(python, ['-c', 'import lxml.etree'], { stdio: 'ignore', timeout: 30_000 });
      return python;
    } catch {
      // try the next one
    }
  }
  return null;
}

const python = existsSync(SCRIPT) ? pythonWithLxml() : null;

/** Why validation is skipped here, or null when it runs. */
export const VALIDATOR_SKIP: string | null = !existsSync(SCRIPT)
  ? '../shared/tools/ooxml-validate not found: OOXML validation skipped.'
  : !python
    ? 'python3 with lxml not found (apt-get install -y python3-lxml): OOXML validation skipped.'
    : null;

/** Validate `docx`, comparing with `original` when given; null when validation is skipped. */
export function validateDocx(docx: Uint8Array, original?: Uint8Array): ValidationReport | null {
  if (VALIDATOR_SKIP) return null;
  const dir = mkdtempSync(join(tmpdir(), 'redliner-ooxml-'));
  try {
    const out = join(dir, 'out.docx');
    writeFileSync(out, docx);
    const args = [SCRIPT, out, '--json', join(dir, 'report.json')];
    if (original) {
      writeFileSync(join(dir, 'original.docx'), original);
      args.push('--original', join(dir, 'original.docx'));
    }
    try {
      execFileSync(python!, args, { stdio: 'ignore', timeout: 120_000 });
    } catch (error) {
      // Exit status 1 means "the file adds a problem": the report says which.
      if ((error as { status?: number }).status !== 1) throw error;
    }
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { summary: { newErrors: number }; problems: ValidationProblem[] };
    return { newErrors: report.summary.newErrors, problems: report.problems };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The errors `docx` adds that `original` lacked, shortened for an assertion; none when validation is skipped. */
export function newValidationErrors(docx: Uint8Array, original?: Uint8Array): string[] {
  const report = validateDocx(docx, original);
  return report ? newErrors(report) : [];
}

/** The new errors of a report, shortened for an assertion message. */
export function newErrors(report: ValidationReport): string[] {
  return report.problems.filter((p) => ERROR_KINDS.has(p.kind) && !p.inOriginal).map((p) => `[${p.kind}] ${p.part}: ${p.message} ${p.xml.slice(0, 200)}`);
}
