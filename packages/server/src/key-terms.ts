/**
 * Key terms of a saved review: read from its stored document with the key-term definitions of
 * its ruleset, with the user's corrections laid over them. Definitions are compiled once per
 * ruleset and rebuilt when a rule, vocabulary or key-terms file changes; a review's reading is
 * kept for the few reviews open most recently, since the document never changes.
 */
import { join } from 'node:path';
import { applyCorrections, formatRuleError, loadKeyTerms, readKeyTerms, rulesetChain, TERMS_FOLDER, type KeyTermDefinitions, type KeyTermsReport } from '@redliner/rules';
import type { AppContext } from './context.ts';
import { ProblemError, reviewNotFound } from './problem.ts';
import { folderStamp, rulesetStamp } from './ruleset-stamp.ts';
import { loadOptionsOf, resolveRuleset, type RulesetEntry } from './rulesets.ts';
import type { ReviewRecord } from './store/review-store.ts';

const definitionsCache = new Map<string, { stamp: string; definitions: KeyTermDefinitions }>();
const readingCache = new Map<string, KeyTermsReport>();
const READINGS_KEPT = 16;

function stampOf(dir: string): string {
  return `${rulesetStamp(dir)}##${rulesetChain(dir).dirs.map((d) => folderStamp(join(d, TERMS_FOLDER))).join('||')}`;
}

/** The compiled key-term definitions of a ruleset; 422 KEY_TERMS_UNUSABLE when none load. */
export function keyTermDefinitions(entry: RulesetEntry): KeyTermDefinitions {
  const stamp = stampOf(entry.dir);
  const cached = definitionsCache.get(entry.dir);
  if (cached?.stamp === stamp) return cached.definitions;
  const { definitions, errors } = loadKeyTerms(entry.dir, loadOptionsOf(entry));
  if (definitions.fields.length === 0) {
    const first = errors.slice(0, 3).map(formatRuleError).join('; ');
    throw new ProblemError('KEY_TERMS_UNUSABLE', `Ruleset "${entry.id}" has no key-term field that loads${first ? ` (${first})` : ''}. Key terms are defined in the ruleset's terms/ folder; fix the files named, or re-analyse with the bundled ruleset.`);
  }
  definitionsCache.set(entry.dir, { stamp, definitions });
  return definitions;
}

/** The review's key terms as the contract states them (before corrections). */
function reading(ctx: AppContext, record: ReviewRecord): { report: KeyTermsReport; definitions: KeyTermDefinitions } {
  const entry = resolveRuleset(record.summary.ruleset.id, ctx.options.rulesetDir, ctx.options.dataDir);
  const definitions = keyTermDefinitions(entry);
  const key = `${record.summary.id}|${record.document.sha256}|${entry.dir}|${definitionsCache.get(entry.dir)?.stamp}`;
  let report = readingCache.get(key);
  if (!report) {
    report = readKeyTerms(record.document, definitions);
    if (readingCache.size >= READINGS_KEPT) readingCache.delete(readingCache.keys().next().value!);
    readingCache.set(key, report);
  }
  return { report, definitions };
}

/** The key terms of review `id`, corrections applied; 404 when there is no such review. */
export async function reviewKeyTerms(ctx: AppContext, id: string): Promise<{ report: KeyTermsReport; record: ReviewRecord; fieldIds: Set<string> }> {
  const record = await ctx.store.get(id);
  if (!record) throw reviewNotFound(id);
  const { report, definitions } = reading(ctx, record);
  const corrections = (await ctx.store.termCorrections(id)) ?? {};
  return { report: applyCorrections(report, corrections), record, fieldIds: new Set(definitions.fields.map((f) => f.id)) };
}
