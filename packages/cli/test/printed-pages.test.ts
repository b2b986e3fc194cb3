/**
 * Pages as printed: a PDF whose agreement numbers its pages after a cover letter is cited by its
 * printed page, with the PDF page beside it, in the terminal report, the memo and the issues list.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from './run.ts';

const CONTRACT = fileURLToPath(new URL('../../parser/test/fixtures/pdf/printed-pages.pdf', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'redliner-cli-pages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('printed page numbers in reports', () => {
  it('cites the printed page in the text report and the memo', async () => {
    const text = await run('analyze', CONTRACT);
    expect(text.out).toContain('[5.1 Termination, p. 2 (PDF p. 3)]');
    const memo = await run('analyze', CONTRACT, '--format', 'markdown');
    expect(memo.out).toContain('page 2 (PDF page 3)');
  });

  it('puts the printed page in the issues list’s Page column', async () => {
    const out = join(dir, 'issues.csv');
    const result = await run('issues', CONTRACT, '--accept-all', '--audience', 'internal', '--format', 'csv', '-o', out);
    expect(result.code).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv.split('\n')[0]).toContain('Page');
    expect(csv).toContain('2 (PDF p. 3)');
  });
});
