/**
 * `redliner redline`: the payer copy by default (only decided findings change the text, under
 * --author, nothing internal), the internal copy on request, --accept-all for a full draft, and
 * usage errors that say what to pass instead. Every DOCX it writes goes through the team's OOXML
 * validator (`../shared/tools/ooxml-validate`), which is skipped with a message without ../shared.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from '@redliner/parser';
import type { AnalysisReport } from '@redliner/rules';
import { newErrors, validateDocx, VALIDATOR_SKIP } from '../../redline/test/ooxml-validate.ts';
import { run } from './run.ts';

const dir = mkdtempSync(join(tmpdir(), 'redliner-cli-redline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const contract = join(dir, 'payer-draft.docx');
copyFileSync(fileURLToPath(new URL('../../../test/fixtures/contracts/payer-draft.docx', import.meta.url)), contract);

async function part(file: string, name: string): Promise<string | undefined> {
  return (await JSZip.loadAsync(readFileSync(file))).file(name)?.async('string');
}

// Inserted quotes follow the document's style (curly or straight): compare without it.
const squash = (s: string) => s.replace(/\s+/g, ' ').replace(/[“”]/g, '"').replace(/[‘’]/g, "'");

if (VALIDATOR_SKIP) console.warn(`redliner redline tests: ${VALIDATOR_SKIP}`);

/** The DOCX files the tests below had the command write, validated at the end. */
const written: string[] = [];

describe('redliner redline', async () => {
  const report = JSON.parse((await run('analyze', contract, '--format', 'json')).out) as AnalysisReport;
  const [accepted, rejected, ...undecided] = report.findings.filter((f) => f.redline?.text);
  const decisions = join(dir, 'decisions.json');
  writeFileSync(decisions, JSON.stringify({ [accepted!.id]: { action: 'accept' }, [rejected!.id]: { action: 'reject', reason: 'Our board accepts this one.' } }));
  const suggestion = (f: (typeof report.findings)[number]) => squash(f.redline!.text.trim()).slice(0, 50);

  it('has suggestions to decide on', () => {
    expect(undecided.length).toBeGreaterThan(0);
  });

  it('refuses a payer copy with nothing decided, saying what to pass', async () => {
    const result = await run('redline', contract);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/nothing is decided.*--decisions.*--accept-all.*--audience internal/s);
    expect(existsSync(join(dir, 'payer-draft - redline.docx'))).toBe(false);
  });

  it('explains the removed --undecided and refuses an unknown audience', async () => {
    const old = await run('redline', contract, '--decisions', decisions, '--undecided', 'comment');
    expect(old.code).toBe(2);
    expect(old.err).toContain('--accept-all');
    const bad = await run('redline', contract, '--decisions', decisions, '--audience', 'counsel');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--audience must be one of payer, internal');
  });

  it('writes "<name> - redline.docx" for the payer: only the decided change, under the author, nothing internal', async () => {
    const result = await run('redline', contract, '--decisions', decisions, '--author', 'Jane Counsel');
    expect(result.code, result.err).toBe(0);
    expect(result.err).toContain('(for the payer)');
    expect(result.err).toMatch(/\d+ finding\(s\) without a decision left the text unchanged and are not in the payer copy/);
    const out = join(dir, 'payer-draft - redline.docx');
    written.push(out);
    const body = (await part(out, 'word/document.xml'))!;
    expect(new Set([...body.matchAll(/<w:(?:ins|del) [^>]*w:author="([^"]*)"/g)].map((m) => m[1]))).toEqual(new Set(['Jane Counsel']));
    const text = squash((await parseDocument(readFileSync(out), { name: 'out.docx' })).text);
    expect(text).toContain(suggestion(accepted!));
    for (const f of [rejected!, ...undecided]) expect(text).not.toContain(suggestion(f));
    const comments = (await part(out, 'word/comments.xml')) ?? '';
    for (const word of ['Rule:', 'risk:', 'Decision:', 'Our board accepts', 'INTERNAL', accepted!.ruleId]) expect(comments).not.toContain(word);
  });

  it('writes "<name> - internal redline.docx" with the analysis of every finding, marked internal', async () => {
    const result = await run('redline', contract, '--decisions', decisions, '--audience', 'internal');
    expect(result.code, result.err).toBe(0);
    expect(result.err).toContain('internal copy, not for the payer');
    written.push(join(dir, 'payer-draft - internal redline.docx'));
    const comments = (await part(join(dir, 'payer-draft - internal redline.docx'), 'word/comments.xml'))!;
    expect(comments).toContain('INTERNAL — not for the payer');
    expect(comments).toContain('Our board accepts this one.');
    expect(comments.match(/<w:comment /g)).toHaveLength(report.findings.length);
  });

  it('proposes every suggestion with --accept-all, and writes no comments with --no-comments', async () => {
    const out = join(dir, 'draft.docx');
    const result = await run('redline', contract, '--accept-all', '--no-comments', '-o', out);
    expect(result.code, result.err).toBe(0);
    written.push(out);
    const text = squash((await parseDocument(readFileSync(out), { name: 'draft.docx' })).text);
    for (const f of [accepted!, ...undecided]) expect(text).toContain(suggestion(f));
    expect(await part(out, 'word/comments.xml')).toBeUndefined();
  });

  it.skipIf(VALIDATOR_SKIP !== null)('wrote only DOCX files that add no OOXML validation problem to the original', () => {
    // The payer copy, the internal copy and the --accept-all draft.
    expect(written).toHaveLength(3);
    const original = readFileSync(contract);
    for (const file of written) {
      const report = validateDocx(readFileSync(file), original)!;
      expect(newErrors(report), file).toEqual([]);
    }
  });
});
