/**
 * `pnpm eval`: scores `analyze` with the bundled ruleset (payer-core) on
 * - `dev`:  the payer-dev gold labels, every DOCX and PDF rendering (scripts/eval/payer-dev.ts);
 * - `bank`: the clause bank, seen items and the held-back aside slice in aggregate
 *           (scripts/eval/clause-bank.ts);
 * - `self`: the team's own labels of real HiLabs agreements in gold/hilabs_2025
 *           (scripts/eval/self-labeled.ts);
 * - `held-out`: labels of further HiLabs agreements by readers who never saw the rules
 *           (gold/hilabs_2025_unseen), overall numbers only.
 * Flags: `--only dev|bank|self`, `--concept <id>` (clause-bank rows and verbose notes for one
 * concept), `--verbose` (misses and false alarms; never aside items), `--evidence` (what satisfied
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

/** Run the selected parts; returns true when every target of those parts is met. */
export async function evaluate(options: EvalOptions): Promise<boolean> {
  if (!SHARED_DIR) {
    console.log(`rules evaluation: ${SKIP_MESSAGE}`);
    return true;
  }
  // Loaded once: compiling the ruleset dominates a one-clause analysis.
  const { ruleset, errors } = loadRuleset(join(REPO_ROOT, 'rulesets', 'payer-core'));
  if (errors.length > 0) console.log(`warning: ${errors.length} rule errors while loading payer-core`);
  const results: Array<[string, boolean]> = [];
  if (options.parts.includes('dev')) results.push(['payer-dev', await evaluatePayerDev(ruleset, options)]);
  if (options.parts.includes('bank')) results.push(['clause bank', evaluateClauseBank(ruleset, options)]);
  if (options.parts.includes('self')) results.push(['self-labeled', await evaluateSelfLabeled(ruleset, options, SEEN_SET)]);
  if (options.parts.includes('held-out')) results.push(['held-out labeled', await evaluateSelfLabeled(ruleset, options, HELD_OUT_SET)]);
  const missed = results.filter(([, ok]) => !ok).map(([name]) => name);
  console.log(`\ntargets: ${missed.length === 0 ? 'all met' : `NOT met for ${missed.join(', ')}`}`);
  return missed.length === 0;
}

let options: EvalOptions;
try {
  options = parseEvalOptions(process.argv.slice(2));
} catch (error) {
  console.error(`${(error as Error).message}\nusage: pnpm eval [--only dev|bank|self|held-out] [--concept <id>] [--verbose] [--evidence] [--strict] [--no-ocr]`);
  process.exit(2);
}
const met = await evaluate(options);
if (options.strict && !met) process.exitCode = 1;
