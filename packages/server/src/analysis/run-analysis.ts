/** Analyse a parsed document with a named ruleset, turning an unusable ruleset into a clear problem. */
import type { ContractDocument } from '@redliner/parser';
import { formatRuleError, type AnalysisReport } from '@redliner/rules';
import type { AppContext } from '../context.ts';
import { ProblemError } from '../problem.ts';
import { loadOptionsOf, publicRuleErrors, resolveRuleset } from '../rulesets.ts';
import type { ReviewRuleset } from '../store/review-store.ts';
import type { StampedReading } from './key-term-reading.ts';

/**
 * Run the analysis, and the key-term reading, off the main thread; throws 400 UNKNOWN_RULESET or
 * 422 RULESET_UNUSABLE. `keyTerms` is absent when the ruleset's key terms could not be read.
 */
export async function analyzeWith(ctx: AppContext, document: ContractDocument, rulesetId: string | undefined): Promise<{ report: AnalysisReport; ruleset: ReviewRuleset; keyTerms?: StampedReading }> {
  const entry = resolveRuleset(rulesetId, ctx.options.rulesetDir, ctx.options.dataDir);
  const outcome = await ctx.analysis.analyze(document, entry.dir, loadOptionsOf(entry));
  if (!outcome.ok) {
    const errors = publicRuleErrors(outcome.errors);
    const first = errors.slice(0, 3).map(formatRuleError).join('; ');
    const slow = errors.find((e) => e.code === 'RULE_TOO_SLOW');
    if (slow) {
      throw new ProblemError('RULE_TOO_SLOW', `Ruleset "${entry.id}": ${slow.message} (${slow.file}:${slow.line})`, { extra: { errors } });
    }
    throw new ProblemError('RULESET_UNUSABLE', `Ruleset "${entry.id}" has no rule that can run${first ? ` (${first})` : ''}. Fix the files named (see POST /api/rules/validate) and try again.`, { extra: { errors } });
  }
  return { report: outcome.report, ruleset: { id: entry.id, ...outcome.ruleset }, ...(outcome.keyTerms ? { keyTerms: outcome.keyTerms } : {}) };
}
