/**
 * Key-term definitions per ruleset folder and the stamp a reading is stored under. Shared by
 * the analysis worker (which reads a new contract's key terms next to its rules, so the main
 * thread never runs that matching on upload) and the main thread (which reads older reviews
 * whose stored reading was made by other definitions). Both must stamp a reading alike, or the
 * portfolio would read again every contract the worker already read.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { ContractDocument } from '@redliner/parser';
import { loadKeyTerms, readKeyTerms, rulesetChain, TERMS_FOLDER, type KeyTermsLoadResult, type KeyTermsReport } from '@redliner/rules';
import { folderStamp, rulesetStamp } from '../ruleset-stamp.ts';

/** A key-term reading and the stamp of the definitions that made it. */
export interface StampedReading {
  stamp: string;
  report: KeyTermsReport;
}

const cache = new Map<string, { files: string; loaded: KeyTermsLoadResult; stamp: string }>();
// A thread sees the bundled ruleset and a few user ones; the rest recompile when used again.
const CACHE_LIMIT = 8;

/** The fingerprint of every file that can change a ruleset's key terms: rules, vocabulary, manifests, terms/. */
function filesStamp(dir: string): string {
  return `${rulesetStamp(dir)}##${rulesetChain(dir).dirs.map((d) => folderStamp(join(d, TERMS_FOLDER))).join('||')}`;
}

/**
 * The compiled key-term definitions of the ruleset in `dir` (with load errors) and the stamp of
 * readings they make; compiled once per thread and again after any of its files changes.
 */
export function definitionsOf(dir: string, options: { requireManifest?: boolean } = {}): KeyTermsLoadResult & { stamp: string } {
  const files = filesStamp(dir);
  const key = `${options.requireManifest ? 'user' : 'any'}:${dir}`;
  const hit = cache.get(key);
  cache.delete(key);
  if (hit?.files === files) {
    cache.set(key, hit);
    return { ...hit.loaded, stamp: hit.stamp };
  }
  const loaded = loadKeyTerms(dir, options);
  // Hashed to keep the stamp stored with each reading short.
  const stamp = createHash('sha256').update(`${dir}\n${files}`).digest('hex').slice(0, 32);
  cache.set(key, { files, loaded, stamp });
  while (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return { ...loaded, stamp };
}

/** Read `document`'s key terms with the ruleset in `dir`; undefined when the ruleset defines no field that loads. */
export function readStamped(document: ContractDocument, dir: string, options: { requireManifest?: boolean } = {}): StampedReading | undefined {
  const { definitions, stamp } = definitionsOf(dir, options);
  if (definitions.fields.length === 0) return undefined;
  return { stamp, report: readKeyTerms(document, definitions) };
}
