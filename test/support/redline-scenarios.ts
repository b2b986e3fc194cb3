/**
 * The two decision scenarios the corpus redline checks run on every contract, and one run of
 * them: redline, read the Accept-All and Reject-All texts, look for composition problems
 * (packages/redline/test/accepted-text-checks.ts) and validate the written file with the
 * team's OOXML validator. Shared by the payer-dev, HiLabs and awkward-file tests so they hold
 * every contract to the same bar.
 */
import { expect } from 'vitest';
import type { ContractDocument } from '@redliner/parser';
import { redline } from '@redliner/redline';
import type { Audience, Decision, RedlineResult } from '@redliner/redline';
import type { Finding } from '@redliner/rules';
import { acceptedTextProblems } from '../../packages/redline/test/accepted-text-checks.ts';
import { trackedParagraphs, view } from '../../packages/redline/test/tracked-views.ts';
import { newValidationErrors } from '../../packages/redline/test/ooxml-validate.ts';

/** Author and date of every change the scenarios write. */
export const SCENARIO_AUTHOR = 'Provider Counsel';
const OPTIONS = { author: SCENARIO_AUTHOR, date: '2025-03-01T09:00:00Z' };

/** Every suggestion accepted. */
export function acceptAll(findings: Finding[]): Record<string, Decision> {
  return Object.fromEntries(findings.map((f) => [f.id, { action: 'accept' }]));
}

/** A contracting lead's mix: rejections, fallback alternatives, edited wording, plain accepts. */
export function mixed(findings: Finding[]): Record<string, Decision> {
  return Object.fromEntries(findings.map((f, i): [string, Decision] => {
    const text = f.redline?.text.trim() ?? '';
    if (i % 4 === 0) return [f.id, { action: 'reject', reason: 'business accepts the payer position' }];
    if (i % 4 === 1 && f.redline?.alternatives.length) return [f.id, { action: 'accept', alternative: 0 }];
    // An edit keeps the first sentence of the suggestion: shorter wording the lead typed.
    if (i % 4 === 2 && text) return [f.id, { action: 'edit', text: /^.*?[.;](?=\s|$)/s.exec(text)?.[0] ?? text }];
    return [f.id, { action: 'accept' }];
  }));
}

/** The scenarios: every suggestion accepted for the payer, mixed decisions for the internal copy. */
export const SCENARIOS: ReadonlyArray<readonly [name: string, decide: (findings: Finding[]) => Record<string, Decision>, audience: Audience]> = [
  ['every suggestion accepted', acceptAll, 'payer'],
  ['mixed decisions', mixed, 'internal'],
];

/** What one scenario found wrong; every list is empty for a clean redline. */
export interface ScenarioOutcome {
  result: RedlineResult;
  /** Composition problems of the Accept-All text, "[check] words". */
  problems: string[];
  /** The paragraphs after Reject All, to compare with `originalTexts`. */
  rejected: string[];
  /** OOXML validation errors the original did not have (empty when the validator is unavailable). */
  validation: string[];
}

/** The original's paragraphs as a reader sees them: the Word file itself, or for a PDF the rebuilt file with nothing changed. */
export async function originalTexts(document: ContractDocument, findings: Finding[], original: Uint8Array): Promise<string[]> {
  const bytes = document.format === 'docx'
    ? original
    : (await redline({ document, findings, original, decisions: Object.fromEntries(findings.map((f) => [f.id, { action: 'reject' }])), options: { ...OPTIONS, comments: false } })).bytes;
  return view(await trackedParagraphs(bytes, { author: SCENARIO_AUTHOR, labels: document.format === 'pdf' }), 'reject').map((p) => p.text);
}

/** Redline `document` under one scenario and check the file it writes. */
export async function runScenario(input: {
  document: ContractDocument;
  findings: Finding[];
  original: Uint8Array;
  decisions: Record<string, Decision>;
  audience: Audience;
}): Promise<ScenarioOutcome> {
  const { document, findings, original, decisions, audience } = input;
  const result = await redline({ document, findings, original, decisions, options: { ...OPTIONS, audience } });
  // Other authors' revisions already in the file count as accepted in both views.
  // A DOCX rebuilt from a PDF numbers its clauses as Word lists: the views read the numbers, as the PDF's text had them.
  const paragraphs = await trackedParagraphs(result.bytes, { author: SCENARIO_AUTHOR, labels: document.format === 'pdf' });
  const problems = acceptedTextProblems(paragraphs).map((p) => `[${p.check}] ${p.text}`);
  const rejected = view(paragraphs, 'reject').map((p) => p.text);
  return { result, problems, rejected, validation: newValidationErrors(result.bytes, document.format === 'docx' ? original : undefined) };
}

/** Where two paragraph lists differ, at most three: "#i: got | want". */
export function paragraphDiffs(got: string[], want: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.max(got.length, want.length) && out.length < 3; i++) {
    if (got[i] !== want[i]) out.push(`#${i}: ${got[i]?.slice(0, 160)} | ${want[i]?.slice(0, 160)}`);
  }
  return out;
}

/**
 * Both scenarios on one contract; each failure names the scenario. Findings made from the
 * structure (`synthetic`) may be left as a comment when their spot cannot take a tracked change
 * (the product reports why); a rule's finding never may.
 */
export async function checkScenarios(document: ContractDocument, findings: Finding[], original: Uint8Array, synthetic: ReadonlySet<string> = new Set()): Promise<void> {
  let pristine: string[] | undefined;
  for (const [scenario, decide, audience] of SCENARIOS) {
    const outcome = await runScenario({ document, findings, original, decisions: decide(findings), audience });
    pristine ??= await originalTexts(document, findings, original);
    const skipped = outcome.result.skipped.filter((s) => !synthetic.has(s.findingId) || !s.reason);
    expect(skipped.map((s) => s.findingId), `${scenario}: changes left as comments`).toEqual([]);
    // Every suggestion accepted changes the text whenever there is a suggestion to accept.
    if (decide === acceptAll && findings.length > synthetic.size) expect(outcome.result.applied.some((a) => a.change), `${scenario}: some change is made`).toBe(true);
    expect(outcome.problems, `${scenario}: the Accept-All text`).toEqual([]);
    expect(paragraphDiffs(outcome.rejected, pristine), `${scenario}: Reject All gives the original`).toEqual([]);
    expect(outcome.validation, `${scenario}: new OOXML validation errors`).toEqual([]);
  }
}
