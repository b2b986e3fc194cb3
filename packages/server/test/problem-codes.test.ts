/**
 * The problem-code registry: each code is sent with its registered status and title, and each
 * is exercised by at least one test somewhere in the repository (a code nobody provokes is a
 * promise nobody checks).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { problem, ProblemError, toProblem } from '../src/problem.ts';
import { PROBLEM_CODES, type ProblemCode } from '../src/problem-codes.ts';
import { WARNING_CODES } from '../src/warning-codes.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const THIS_FILE = fileURLToPath(import.meta.url);
const LIMITS = { fileLimit: 1024, bodyLimit: 1024 };

/** Every test file of the repository except this one. */
function testFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) testFiles(path, out);
    else if (/\.test\.ts$/.test(entry.name) && path !== THIS_FILE) out.push(path);
  }
  return out;
}

describe('problem codes', () => {
  const codes = Object.keys(PROBLEM_CODES) as ProblemCode[];

  it('sends each code with its registered status and title, and a URN type', () => {
    for (const code of codes) {
      const body = toProblem(new ProblemError(code, 'What happened, and what to do.'), LIMITS);
      expect({ code: body.code, status: body.status, title: body.title }).toEqual({ code, status: PROBLEM_CODES[code].status, title: PROBLEM_CODES[code].title });
      expect(body.type).toBe(`urn:redliner:problem:${code.toLowerCase().replaceAll('_', '-')}`);
    }
  });

  it('keeps a call site title and extra members', () => {
    const body = toProblem(new ProblemError('RULE_INVALID', 'Fix line 3.', { title: 'The rule does not compile', extra: { errors: [1] } }), LIMITS);
    expect(body).toMatchObject({ status: 422, code: 'RULE_INVALID', title: 'The rule does not compile', errors: [1] });
  });

  it('lets only BAD_REQUEST carry the status the HTTP layer chose', () => {
    expect(problem('BAD_REQUEST', 'URI too long', { status: 414 }).status).toBe(414);
    const fastify414 = Object.assign(new Error('URI too long'), { statusCode: 414, code: 'FST_ERR_URI_TOO_LONG' });
    expect(toProblem(fastify414, LIMITS)).toMatchObject({ status: 414, code: 'BAD_REQUEST' });
  });

  it('documents every code with when it happens and what to do', () => {
    for (const code of codes) {
      const spec = PROBLEM_CODES[code];
      expect(spec.when.length, code).toBeGreaterThan(20);
      expect(spec.fix.length, code).toBeGreaterThan(10);
      expect(spec.status, code).toBeGreaterThanOrEqual(400);
    }
  });

  it('has a test that provokes each code, problem and warning alike', () => {
    const sources = testFiles(ROOT).map((file) => ({ file: relative(ROOT, file), text: readFileSync(file, 'utf8') }));
    const untested = [...codes, ...Object.keys(WARNING_CODES)].filter((code) => !sources.some(({ text }) => new RegExp(`['"\`]${code}['"\`]`).test(text)));
    expect(untested, 'codes no test mentions (write a test that provokes each)').toEqual([]);
  });

  it('documents every warning code with when it is given and what to do', () => {
    for (const [code, spec] of Object.entries(WARNING_CODES)) {
      expect(code, code).toMatch(/^(PDF|DOCX)_[A-Z_]+$/);
      expect(code.startsWith(spec.format === 'PDF' ? 'PDF_' : 'DOCX_'), code).toBe(true);
      expect(spec.when.length, code).toBeGreaterThan(20);
      expect(spec.fix.length, code).toBeGreaterThan(10);
    }
  });
});
