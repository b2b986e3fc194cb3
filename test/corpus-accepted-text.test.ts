/**
 * On every payer-dev contract (DOCX and PDF), with every suggestion accepted and with mixed
 * decisions (rejected, fallback alternatives, edited wording): the text after Accept All is
 * clean contract text (accepted-text-checks.ts), Reject All gives the original back exactly,
 * and the file passes the OOXML validator with no problem the original did not have.
 * Skips with a message without ../shared.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '@redliner/parser';
import { redline } from '@redliner/redline';
import type { Decision } from '@redliner/redline';
import { analyze, loadRuleset } from '@redliner/rules';
import type { Finding } from '@redliner/rules';
import { acceptedTextProblems } from '../packages/redline/test/accepted-text-checks.ts';
import { trackedParagraphs, view } from '../packages/redline/test/tracked-views.ts';
import { newErrors, validateDocx, VALIDATOR_SKIP } from '../packages/redline/test/ooxml-validate.ts';
import { payerDevContracts, REPO_ROOT, SHARED_DIR, SKIP_MESSAGE } from './support/shared-corpus.ts';

if (!SHARED_DIR) console.warn(SKIP_MESSAGE);
else if (VALIDATOR_SKIP) console.warn(VALIDATOR_SKIP);

const OPTIONS = { author: 'Provider Counsel', date: '2025-03-01T09:00:00Z' };

/** Every suggestion accepted. */
function acceptAll(findings: Finding[]): Record<string, Decision> {
  return Object.fromEntries(findings.map((f) => [f.id, { action: 'accept' }]));
}

/** A contracting lead's mix: rejections, fallback alternatives, edited wording, plain accepts. */
function mixed(findings: Finding[]): Record<string, Decision> {
  return Object.fromEntries(findings.map((f, i): [string, Decision] => {
    const text = f.redline?.text.trim() ?? '';
    if (i % 4 === 0) return [f.id, { action: 'reject', reason: 'business accepts the payer position' }];
    if (i % 4 === 1 && f.redline?.alternatives.length) return [f.id, { action: 'accept', alternative: 0 }];
    // An edit keeps the first sentence of the suggestion: shorter wording the lead typed.
    if (i % 4 === 2 && text) return [f.id, { action: 'edit', text: /^.*?[.;](?=\s|$)/s.exec(text)?.[0] ?? text }];
    return [f.id, { action: 'accept' }];
  }));
}

const views = async (bytes: Uint8Array, mode: 'accept' | 'reject') => view(await trackedParagraphs(bytes), mode).map((p) => p.text);

describe.skipIf(!SHARED_DIR)('payer-dev: the accepted text is clean and Reject All restores the original', () => {
  const { ruleset } = loadRuleset(join(REPO_ROOT, 'rulesets', 'payer-core'));
  const files = SHARED_DIR ? payerDevContracts().flatMap((c) => c.renderings) : [];
  for (const file of files) {
    for (const [scenario, decide, audience] of [['every suggestion accepted', acceptAll, 'payer'], ['mixed decisions', mixed, 'internal']] as const) {
      it(`${basename(file)}: ${scenario}`, async () => {
        const original = new Uint8Array(readFileSync(file));
        const document = await parseDocument(original, { name: basename(file) });
        const { findings } = analyze(document, ruleset);
        const result = await redline({ document, findings, original, decisions: decide(findings), options: { ...OPTIONS, audience } });
        expect(result.skipped, JSON.stringify(result.skipped.slice(0, 3))).toEqual([]);
        expect(result.applied.some((a) => a.change), 'some change is made').toBe(true);

        const problems = acceptedTextProblems(await trackedParagraphs(result.bytes));
        expect(problems.map((p) => `[${p.check}] ${p.text}`)).toEqual([]);

        // The original text: the Word file itself, or for a PDF the rebuilt file with nothing changed.
        const pristine = document.format === 'docx' ? original : (await redline({ document, findings, original, decisions: Object.fromEntries(findings.map((f) => [f.id, { action: 'reject' }])), options: { ...OPTIONS, comments: false } })).bytes;
        expect(await views(result.bytes, 'reject')).toEqual(await views(pristine, 'accept'));

        const report = validateDocx(result.bytes, document.format === 'docx' ? original : undefined);
        if (report) expect(newErrors(report)).toEqual([]);
      });
    }
  }
});
