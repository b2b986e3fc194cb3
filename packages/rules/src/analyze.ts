/**
 * `analyze(document, ruleset)`: every rule over one contract, then overlapping findings
 * collapsed and the per-concept checklist built. Pure: same inputs, same output.
 */
import type { ContractDocument } from '@redliner/parser';
import { buildChecklist } from './checklist.ts';
import { collapseFindings } from './collapse-findings.ts';
import type { Ruleset } from './compiled-types.ts';
import { documentFacts } from './document-facts.ts';
import { absenceFinding, presenceFindings } from './findings.ts';
import { findLeafHits } from './leaf-hits.ts';
import type { MatchContext } from './match-rule.ts';
import { nearMiss } from './near-miss.ts';
import { runRule } from './run-rule.ts';
import type { AnalysisResult, Finding } from './types.ts';

/** Analyse `document` with `ruleset` (from `loadRuleset`): findings in text order and the checklist. */
export function analyze(document: ContractDocument, ruleset: Ruleset): AnalysisResult {
  const facts = documentFacts(document);
  const ctx: MatchContext = { facts, leafHits: findLeafHits(ruleset, facts) };
  const outcomes = ruleset.rules.map((rule) => runRule(rule, ctx));
  const raw: Finding[] = [];
  for (const outcome of outcomes) {
    if (outcome.rule.kind === 'presence') raw.push(...presenceFindings(outcome, facts));
    else if (!outcome.evidence && outcome.applies) raw.push(absenceFinding(outcome, facts, nearMiss(outcome.rule, ctx)));
  }
  const findings = collapseFindings(raw, facts);
  return { findings, checklist: buildChecklist(ruleset, outcomes, findings, ctx) };
}
