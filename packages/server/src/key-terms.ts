/**
 * Key terms of a saved review: read from its stored document with the key-term definitions of
 * its ruleset, with the user's corrections laid over them. Definitions are compiled once per
 * ruleset and rebuilt when a rule, vocabulary or key-terms file changes. A review's reading is
 * stored with the review (the document never changes), stamped with the definitions that made
 * it (an upload's reading is made by the analysis worker, next to the rules), and kept in memory for the few reviews open most recently: the portfolio of hundreds of
 * reviews then reads no contract again.
 */
import { applyCorrections, formatRuleError, readKeyTerms, type KeyTermDefinitions, type KeyTermsReport } from '@redliner/rules';
import { definitionsOf, type StampedReading } from './analysis/key-term-reading.ts';
import type { AppContext } from './context.ts';
import { ProblemError, reviewNotFound } from './problem.ts';
import { loadOptionsOf, resolveRuleset, type RulesetEntry } from './rulesets.ts';
import type { ReviewRecord, ReviewSummary } from './store/review-store.ts';

const readingCache = new Map<string, KeyTermsReport>();
// Readings are small (about 15 kB); keeping a few hundred lets the portfolio skip even the store.
const READINGS_KEPT = 500;

/** The compiled key-term definitions of a ruleset and their reading stamp; 422 KEY_TERMS_UNUSABLE when none load. */
export function keyTermDefinitions(entry: RulesetEntry): { definitions: KeyTermDefinitions; stamp: string } {
  const { definitions, errors, stamp } = definitionsOf(entry.dir, loadOptionsOf(entry));
  if (definitions.fields.length === 0) {
    const first = errors.slice(0, 3).map(formatRuleError).join('; ');
    throw new ProblemError('KEY_TERMS_UNUSABLE', `Ruleset "${entry.id}" has no key-term field that loads${first ? ` (${first})` : ''}. Key terms are defined in the ruleset's terms/ folder; fix the files named, or re-analyse with the bundled ruleset.`);
  }
  return { definitions, stamp };
}

/** A ruleset's definitions and stamp, looked up once per ruleset in a view over many reviews. */
export type ReadingMemo = Map<string, { definitions: KeyTermDefinitions; stamp: string }>;

function prepare(ctx: AppContext, rulesetId: string, memo?: ReadingMemo): { definitions: KeyTermDefinitions; stamp: string } {
  const known = memo?.get(rulesetId);
  if (known) return known;
  const prepared = keyTermDefinitions(resolveRuleset(rulesetId, ctx.options.rulesetDir, ctx.options.dataDir));
  memo?.set(rulesetId, prepared);
  return prepared;
}

/** Compile the default ruleset's key-term definitions ahead of the first request that needs them (server warm-up). */
export function warmUpKeyTerms(ctx: AppContext): void {
  keyTermDefinitions(resolveRuleset(undefined, ctx.options.rulesetDir, ctx.options.dataDir));
}

/**
 * The review's key terms as the contract states them (before corrections): from memory, else
 * the reading stored with the review, else read from its document (loaded only then) and stored.
 */
async function reading(ctx: AppContext, summary: ReviewSummary, record?: ReviewRecord, memo?: ReadingMemo): Promise<{ report: KeyTermsReport; definitions: KeyTermDefinitions } | undefined> {
  const { definitions, stamp } = prepare(ctx, summary.ruleset.id, memo);
  const key = `${summary.id}|${stamp}`;
  let report = readingCache.get(key) ?? (await ctx.store.keyTermReading(summary.id, stamp));
  if (!report) {
    const source = record ?? (await ctx.store.get(summary.id));
    if (!source) return undefined;
    report = readKeyTerms(source.document, definitions);
    await ctx.store.saveKeyTermReading(summary.id, stamp, report);
  }
  remember(key, report);
  return { report, definitions };
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
  return { report: applyCorrections(read.report, corrections), record, fieldIds: new Set(read.definitions.fields.map((f) => f.id)) };
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
  return applyCorrections(read.report, corrections);
}
