/**
 * Key-term definitions per ruleset folder, compiled in the analysis worker only, and the stamp
 * a reading is stored under. The worker reads a new contract's key terms next to its rules, and
 * reads an older review's when no stored reading fits; the main thread only computes the stamp
 * (file sizes and times, no compiling) to find stored readings. Both must stamp a reading
 * alike, or the portfolio would ask again for every contract the worker already read.
 */
import { createHash } from 'node:crypto';
import type { ContractDocument } from '@redliner/parser';
import { loadKeyTerms, readKeyTerms, type KeyTermsLoadResult, type KeyTermsReport, type RuleError } from '@redliner/rules';
import { rulesetStamps } from '../ruleset-stamp.ts';

/** A key-term reading and the stamp of the definitions that made it. */
export interface StampedReading {
  stamp: string;
  report: KeyTermsReport;
}

/** A reading of a contract's key terms, or why the ruleset has none that load. */
export type ReadingOutcome = { ok: true; reading: StampedReading } | { ok: false; errors: RuleError[] };

const cache = new Map<string, { files: string; loaded: KeyTermsLoadResult; stamp: string }>();
// A thread sees the bundled ruleset and a few user ones; the rest recompile when used again.
const CACHE_LIMIT = 8;

/**
 * The stamp of readings made with the ruleset in `dir`, from the fingerprint of every file
 * that can change its key terms (rules, vocabulary, manifests, terms/). Cheap: no compiling.
 * `files`: that fingerprint when the caller has it already (`rulesetStamps(dir).keyTerms`).
 */
export function readingStamp(dir: string, files = rulesetStamps(dir).keyTerms): string {
  // Hashed to keep the stamp stored with each reading short.
  return createHash('sha256').update(`${dir}\n${files}`).digest('hex').slice(0, 32);
}

/**
 * The compiled key-term definitions of the ruleset in `dir` (with load errors) and the stamp of
 * readings they make; compiled once per thread and again after any of its files changes.
 * `files`: the key-terms fingerprint when the caller computed it already.
 */
export function definitionsOf(dir: string, options: { requireManifest?: boolean } = {}, files = rulesetStamps(dir).keyTerms): KeyTermsLoadResult & { stamp: string } {
  const key = `${options.requireManifest ? 'user' : 'any'}:${dir}`;
  const hit = cache.get(key);
  cache.delete(key);
  if (hit?.files === files) {
    cache.set(key, hit);
    return { ...hit.loaded, stamp: hit.stamp };
  }
  const loaded = loadKeyTerms(dir, options);
  const stamp = readingStamp(dir, files);
  cache.set(key, { files, loaded, stamp });
  while (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return { ...loaded, stamp };
}

/** Read `document`'s key terms with the ruleset in `dir`, or the load errors when it defines no field that loads. */
export function readStamped(document: ContractDocument, dir: string, options: { requireManifest?: boolean } = {}, files?: string): ReadingOutcome {
  const { definitions, errors, stamp } = definitionsOf(dir, options, files);
  if (definitions.fields.length === 0) return { ok: false, errors };
  return { ok: true, reading: { stamp, report: readKeyTerms(document, definitions) } };
}
