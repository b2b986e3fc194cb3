/**
 * `pnpm eval`: scores `analyze` with the bundled ruleset (payer-core) on
 * - `dev`:  the payer-dev gold labels, every DOCX and PDF rendering (scripts/eval/payer-dev.ts);
 * - `bank`: the clause bank, seen items and the held-back aside slice in aggregate
 *           (scripts/eval/clause-bank.ts);
 * - `self`: the team's own labels of real HiLabs agreements in gold/hilabs_2025
 *           (scripts/eval/self-labeled.ts);
 * - `held-out`: labels of further HiLabs agreements by readers who never saw the rules
 *           (gold/hilabs_2025_unseen), overall numbers only.
 * - `terms`: key terms (`redliner terms`) against gold/payer-dev-terms and gold/hilabs_2025_terms,
 *           per field; `terms-held-out`: gold/hilabs_2025_terms_unseen, aggregate only
 *           (scripts/eval/key-terms.ts).
 * Flags: `--only dev|bank|self`, `--concept <id>` (clause-bank rows and verbose notes for one
 * concept; the aside line and the bank targets are left out, so concept work never sees the slice), `--aside` (print the aside aggregate and check the bank targets; `--strict` implies it, other runs leave the slice unshown), `--verbose` (misses and false alarms; never aside items), `--evidence` (what satisfied
 * each absence rule, payer-dev and self-labeled only), `--strict` (exit 1 when a
 * target in scripts/eval/targets.ts is missed), `--no-ocr` (leave the HiLabs agreements' scanned
 * pages unread, and their labels out). Skips with a message when ../shared is absent.
 */
import { join } from 'node:path';
import { loadRuleset } from '@redliner/rules';
import { REPO_ROOT, SHARED_DIR, SKIP_MESSAGE } from '../test/support/shared-corpus.ts';
import { evaluateClauseBank } from './eval/clause-bank.ts';
import { parseEvalOptions } from './eval/options.ts';
import type { EvalOptions } from './eval/options.ts';
import { evaluatePayerDev } from './eval/payer-dev.ts';
import { evaluateSelfLabeled, HELD_OUT_SET, SEEN_SET } from './eval/self-labeled.ts';
import { evaluateKeyTerms, HELD_OUT_TERMS, PAYER_DEV_TERMS, SEEN_TERMS } from './eval/key-terms.ts';

/** Run the selected parts; returns true when every target of those parts is met. */
export async function evaluate(options: EvalOptions): Promise<boolean> {
  if (!SHARED_DIR) {
    console.log(`rules evaluation: ${SKIP_MESSAGE}`);
    return true;
  }
  // Loaded once: compiling the ruleset dominates a one-clause analysis (key terms load their own definitions).
  const needsRules = options.parts.some((p) => p !== 'terms' && p !== 'terms-held-out');
  const { ruleset, errors } = needsRules ? loadRuleset(join(REPO_ROOT, 'rulesets', 'payer-core')) : { ruleset: null, errors: [] };
  if (errors.length > 0) console.log(`warning: ${errors.length} rule errors while loading payer-core`);
  const results: Array<[string, boolean]> = [];
  if (ruleset && options.parts.includes('dev')) results.push(['payer-dev', await evaluatePayerDev(ruleset, options)]);
  if (ruleset && options.parts.includes('bank')) results.push(['clause bank', evaluateClauseBank(ruleset, options)]);
  if (ruleset && options.parts.includes('self')) results.push(['self-labeled', await evaluateSelfLabeled(ruleset, options, SEEN_SET)]);
  if (ruleset && options.parts.includes('held-out')) results.push(['held-out labeled', await evaluateSelfLabeled(ruleset, options, HELD_OUT_SET)]);
  if (options.parts.includes('terms')) results.push(['key terms', await evaluateKeyTerms(options, [PAYER_DEV_TERMS, SEEN_TERMS])]);
  if (options.parts.includes('terms-held-out')) results.push(['key terms held-out', await evaluateKeyTerms(options, [HELD_OUT_TERMS])]);
  const missed = results.filter(([, ok]) => !ok).map(([name]) => name);
  console.log(`\ntargets: ${missed.length === 0 ? 'all met' : `NOT met for ${missed.join(', ')}`}`);
  return missed.length === 0;
}

let options: EvalOptions;
try {
  options = parseEvalOptions(process.argv.slice(2));
} catch (error) {
  console.error(`${(error as Error).message}\nusage: pnpm eval [--only dev|bank|self|held-out|terms|terms-held-out] [--concept <id>] [--verbose] [--evidence] [--strict] [--no-ocr]`);
  process.exit(2);
}
const met = await evaluate(options);
if (options.strict && !met) process.exitCode = 1;
