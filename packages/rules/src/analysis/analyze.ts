/**
 * `analyze(document, ruleset)`: every rule over one contract, then overlapping findings
 * collapsed and the per-concept checklist built. Pure: same inputs, same output.
 */
import type { ContractDocument } from '@redliner/parser';
import { buildChecklist } from './checklist.ts';
import { collapseFindings } from './collapse-findings.ts';
import type { Ruleset } from '../compiled-types.ts';
import { documentFacts } from '../match/document-facts.ts';
import { absenceFinding, presenceFindings } from './findings.ts';
import { findLeafHits } from '../match/leaf-hits.ts';
import type { MatchContext } from '../match/match-rule.ts';
import { nearMiss } from './near-miss.ts';
import { RuleClock, type AnalyzeOptions } from './rule-budget.ts';
import { runRule } from './run-rule.ts';
import { appendAll } from '../match/spans.ts';
import type { AnalysisResult, Finding } from '../types.ts';

/**
 * Analyse `document` with `ruleset` (from `loadRuleset`): findings in text order and the
 * checklist. Throws `RuleTooSlowError` when one rule runs past its time budget.
 */
export function analyze(document: ContractDocument, ruleset: Ruleset, options: AnalyzeOptions = {}): AnalysisResult {
  const facts = documentFacts(document);
  const clock = new RuleClock(ruleset, facts.text.length, options);
  const ctx: MatchContext = { facts, leafHits: findLeafHits(ruleset, facts, clock), clock };
  const raw: Finding[] = [];
  const outcomes = ruleset.rules.map((rule) => {
    clock.startRule(rule);
    const outcome = runRule(rule, ctx);
    if (outcome.rule.kind === 'presence') appendAll(raw, presenceFindings(outcome, facts));
    else if (!outcome.evidence && outcome.applies) raw.push(absenceFinding(outcome, facts, nearMiss(outcome.rule, ctx)));
    clock.check();
    return outcome;
  });
  const findings = collapseFindings(raw, facts);
  return { findings, checklist: buildChecklist(ruleset, outcomes, findings, { facts, leafHits: ctx.leafHits }) };
}
