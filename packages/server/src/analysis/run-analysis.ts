/** Analyse a parsed document with a named ruleset, turning an unusable ruleset into a clear problem. */
import type { ContractDocument } from '@redliner/parser';
import { formatRuleError, type AnalysisReport } from '@redliner/rules';
import type { AppContext } from '../context.ts';
import { ProblemError } from '../problem.ts';
import { resolveRuleset } from '../rulesets.ts';
import type { ReviewRuleset } from '../store/review-store.ts';

/** Run the analysis off the main thread; throws 400 UNKNOWN_RULESET or 422 RULESET_UNUSABLE. */
export async function analyzeWith(ctx: AppContext, document: ContractDocument, rulesetId: string | undefined): Promise<{ report: AnalysisReport; ruleset: ReviewRuleset }> {
  const entry = resolveRuleset(rulesetId, ctx.options.rulesetDir, ctx.options.dataDir);
  const outcome = await ctx.analysis.analyze(document, entry.dir);
  if (!outcome.ok) {
    const first = outcome.errors.slice(0, 3).map(formatRuleError).join('; ');
    throw new ProblemError(422, 'RULESET_UNUSABLE', 'The ruleset has no usable rules', `Ruleset "${entry.id}" has no rule that loads${first ? ` (${first})` : ''}. Fix the rule files (see POST /api/rules/validate) and try again.`, {
      errors: outcome.errors,
    });
  }
  return { report: outcome.report, ruleset: { id: entry.id, ...outcome.ruleset } };
}
