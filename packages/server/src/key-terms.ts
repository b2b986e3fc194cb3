/**
 * Key terms of a saved review: read from its stored document with the key-term definitions of
 * its ruleset, with the user's corrections laid over them. Definitions are compiled, and
 * contracts read, only in the analysis worker: the main thread computes the stamp of the
 * definitions (from the ruleset's file sizes and times) and looks for a reading under it. A
 * review's reading is stored with the review (the document never changes), stamped with the
 * definitions that made it (an upload's reading is made next to its rules), and kept in memory
 * for the few reviews open most recently: the portfolio of hundreds of reviews then reads no
 * contract again.
 */
import { applyCorrections, formatRuleError, type KeyTermsReport, type RuleError } from '@redliner/rules';
import { readingStamp, type StampedReading } from './analysis/key-term-reading.ts';
import type { AppContext } from './context.ts';
import { ProblemError, reviewNotFound } from './problem.ts';
import { loadOptionsOf, resolveRuleset, type RulesetEntry } from './rulesets.ts';
import type { ReviewRecord, ReviewSummary } from './store/review-store.ts';

const readingCache = new Map<string, KeyTermsReport>();
// Readings are small (about 15 kB); keeping a few hundred lets the portfolio skip even the store.
const READINGS_KEPT = 500;

/** 422 KEY_TERMS_UNUSABLE: the ruleset defines no key-term field that loads. */
function keyTermsUnusable(entry: RulesetEntry, errors: readonly RuleError[]): ProblemError {
  const first = errors.slice(0, 3).map(formatRuleError).join('; ');
  return new ProblemError('KEY_TERMS_UNUSABLE', `Ruleset "${entry.id}" has no key-term field that loads${first ? ` (${first})` : ''}. Key terms are defined in the ruleset's terms/ folder; fix the files named, or re-analyse with the bundled ruleset.`);
}

/** A ruleset and the stamp of its readings, looked up once per ruleset in a view over many reviews. */
export type ReadingMemo = Map<string, { entry: RulesetEntry; stamp: string }>;

/**
 * 409 REVIEW_RULES_GONE: the rules a review was analysed with were deleted. Said for the person
 * looking at the review (not "no ruleset <id>", which is for API callers choosing one), with the
 * way back: Re-analyse… offers the rules that exist.
 */
function rulesGone(ruleset: ReviewSummary['ruleset']): ProblemError {
  return new ProblemError('REVIEW_RULES_GONE', `It was analysed with the rules "${ruleset.name}" (${ruleset.id}), which have since been deleted, so its key terms and deadlines cannot be read. Choose Re-analyse… on the review to check it against rules that exist.`);
}

function prepare(ctx: AppContext, ruleset: ReviewSummary['ruleset'], memo?: ReadingMemo): { entry: RulesetEntry; stamp: string } {
  const known = memo?.get(ruleset.id);
  if (known) return known;
  let entry: RulesetEntry;
  try {
    entry = resolveRuleset(ruleset.id, ctx.options.rulesetDir, ctx.options.dataDir);
  } catch (error) {
    throw error instanceof ProblemError && error.code === 'UNKNOWN_RULESET' ? rulesGone(ruleset) : error;
  }
  const prepared = { entry, stamp: readingStamp(entry.dir) };
  memo?.set(ruleset.id, prepared);
  return prepared;
}

/**
 * The review's key terms as the contract states them (before corrections): from memory, else
 * the reading stored with the review, else read from its document (loaded only then) by the
 * analysis worker, and stored.
 */
async function reading(ctx: AppContext, summary: ReviewSummary, record?: ReviewRecord, memo?: ReadingMemo): Promise<KeyTermsReport | undefined> {
  const { entry, stamp } = prepare(ctx, summary.ruleset, memo);
  const key = `${summary.id}|${stamp}`;
  const known = readingCache.get(key) ?? (await ctx.store.keyTermReading(summary.id, stamp));
  if (known) {
    remember(key, known);
    return known;
  }
  const source = record ?? (await ctx.store.get(summary.id));
  if (!source) return undefined;
  const outcome = await ctx.analysis.readKeyTerms(source.document, entry.dir, loadOptionsOf(entry));
  if (!outcome.ok) throw keyTermsUnusable(entry, outcome.errors);
  // Stored under the worker's stamp: the same as `stamp` unless a ruleset file changed meanwhile.
  await keepReading(ctx, summary.id, outcome.reading);
  return outcome.reading.report;
}

function remember(key: string, report: KeyTermsReport): void {
  if (readingCache.has(key)) return;
  if (readingCache.size >= READINGS_KEPT) readingCache.delete(readingCache.keys().next().value!);
  readingCache.set(key, report);
}

/**
 * Keep the reading the analysis worker made of a review's contract (in the store, under the
 * stamp of the definitions that made it): the portfolio and the deadlines then find it without
 * reading the contract, and the main thread never runs the key-term matching for an upload.
 */
export async function keepReading(ctx: AppContext, reviewId: string, reading: StampedReading): Promise<void> {
  await ctx.store.saveKeyTermReading(reviewId, reading.stamp, reading.report);
  remember(`${reviewId}|${reading.stamp}`, reading.report);
}

/** The key terms of review `id`, corrections applied; 404 when there is no such review. */
export async function reviewKeyTerms(ctx: AppContext, id: string): Promise<{ report: KeyTermsReport; record: ReviewRecord; fieldIds: Set<string> }> {
  const record = await ctx.store.get(id);
  if (!record) throw reviewNotFound(id);
  const read = await reading(ctx, record.summary, record);
  if (!read) throw reviewNotFound(id);
  const corrections = (await ctx.store.termCorrections(id)) ?? {};
  // A reading lists every field its definitions have, stated in the contract or not.
  return { report: applyCorrections(read, corrections), record, fieldIds: new Set(read.terms.map((t) => t.id)) };
}

/**
 * The key terms of a listed review, corrections applied, for views over every review (the
 * portfolio, the deadlines): the contract itself is read only when no stored reading fits.
 * Undefined when the review was deleted meanwhile. Pass one `memo` for the whole view.
 */
export async function summaryKeyTerms(ctx: AppContext, summary: ReviewSummary, memo?: ReadingMemo): Promise<KeyTermsReport | undefined> {
  const read = await reading(ctx, summary, undefined, memo);
  if (!read) return undefined;
  const corrections = (await ctx.store.termCorrections(summary.id)) ?? {};
  return applyCorrections(read, corrections);
}
