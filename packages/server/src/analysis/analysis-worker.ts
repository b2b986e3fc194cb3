/**
 * Worker-thread entry for analysis. Loading a ruleset (≈200 ms) and analysing a long contract
 * (≈1.2 s for 650 kB of text) would stall every other request on the main thread, so both run
 * here. Compiled rulesets are cached per folder and reloaded when any of its YAML files (rules,
 * manifest, vocabulary) or those of the rulesets it extends change. The contract's key terms are
 * read here too, with the same ruleset's definitions (and an older review's when no stored
 * reading fits), so the main thread never compiles key-term definitions nor runs their matching.
 */
import type { ContractDocument } from '@redliner/parser';
import { analyze, buildReport, buildRuleset, loadRuleset, RuleTooSlowError, textDocument, type AnalysisReport, type AnalysisResult, type ExampleParties, type LoadResult, type RuleError, type RuleSource } from '@redliner/rules';
import { rulesetStamps } from '../ruleset-stamp.ts';
import { definitionsOf, readStamped, type ReadingOutcome, type StampedReading } from './key-term-reading.ts';

/** A ruleset as the API lists it. */
export interface RulesetInfo {
  name: string;
  version?: string;
  rules: number;
  /** Concept ids the ruleset covers (the rule editor checks new rules against them). */
  concepts: string[];
  errors: RuleError[];
}

/**
 * What an analysis task returns: the report and the contract's key terms (absent when the
 * ruleset defines none that load, or reading them failed: the review is still worth saving, and
 * the key-terms view then says why), or why the ruleset cannot be used.
 */
export type AnalysisOutcome = { ok: true; report: AnalysisReport; ruleset: { name: string; version?: string }; keyTerms?: StampedReading } | { ok: false; errors: RuleError[] };

/**
 * Compiled rulesets kept per thread, most recently used last. Each holds native RE2 memory the
 * JS heap does not see, and every user ruleset ever opened would otherwise stay: a few suffice
 * (the bundled one and the user's own), the rest reload when used again.
 */
const CACHE_LIMIT = 4;
const cache = new Map<string, { stamp: string; loaded: LoadResult }>();

/**
 * The ruleset in `dir`, compiled once and reused until one of its files changes. `stamp`: its
 * `rulesetStamps(dir).rules`, when the caller has it already.
 */
export function load(dir: string, requireManifest = false, stamp = rulesetStamps(dir).rules): LoadResult {
  // A user ruleset extends a bundled one: a change in either (a rule, the manifest, a vocabulary file) must reload it.
  const key = `${requireManifest ? 'user' : 'any'}:${dir}`;
  const hit = cache.get(key);
  cache.delete(key);
  if (hit && hit.stamp === stamp) {
    cache.set(key, hit);
    return hit.loaded;
  }
  const loaded = loadRuleset(dir, { requireManifest });
  cache.set(key, { stamp, loaded });
  while (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return loaded;
}

/** How many compiled rulesets this thread holds (for tests of the bound). */
export function cachedRulesets(): number {
  return cache.size;
}

/** Which ruleset a task runs: a user ruleset must have its manifest (it is refused without one). */
interface RulesetTask {
  rulesetDir: string;
  requireManifest?: boolean;
}

/** Piscina task: analyse `document` with the ruleset in `rulesetDir` and build the JSON report. */
export default function analyzeTask(task: RulesetTask & { document: ContractDocument }): AnalysisOutcome {
  // One walk of the ruleset's files for both caches: the compiled rules and the key-term definitions.
  const stamps = rulesetStamps(task.rulesetDir);
  const { ruleset, rules, errors } = load(task.rulesetDir, task.requireManifest, stamps.rules);
  // Analysing with a broken-but-partial ruleset is what the CLI does too; with no rule at all it is pointless.
  if (rules.length === 0) return { ok: false, errors };
  try {
    const report = buildReport(task.document, ruleset, analyze(task.document, ruleset));
    const keyTerms = keyTermsOf(task, stamps.keyTerms);
    return { ok: true, report, ruleset: { name: ruleset.name, ...(ruleset.version !== undefined ? { version: ruleset.version } : {}) }, ...(keyTerms ? { keyTerms } : {}) };
  } catch (error) {
    if (error instanceof RuleTooSlowError) return { ok: false, errors: [error.ruleError] };
    throw error;
  }
}

function keyTermsOf(task: RulesetTask & { document: ContractDocument }, files: string): StampedReading | undefined {
  try {
    const outcome = readStamped(task.document, task.rulesetDir, { requireManifest: task.requireManifest ?? false }, files);
    return outcome.ok ? outcome.reading : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Piscina task: read the key terms of a saved review's contract (one whose stored reading was
 * made by other definitions, or none), for the key-terms view, the deadlines and the portfolio.
 */
export function readKeyTermsTask(task: RulesetTask & { document: ContractDocument }): ReadingOutcome {
  return readStamped(task.document, task.rulesetDir, { requireManifest: task.requireManifest ?? false });
}

/**
 * Piscina task: describe a ruleset folder for GET /api/rulesets. It also compiles the ruleset's
 * key-term definitions: the server's warm-up describes the bundled ruleset on each thread, so
 * this is where they are warmed, never on the main thread.
 */
export function describeTask(task: RulesetTask): RulesetInfo {
  const stamps = rulesetStamps(task.rulesetDir);
  const { ruleset, rules, errors } = load(task.rulesetDir, task.requireManifest, stamps.rules);
  definitionsOf(task.rulesetDir, { requireManifest: task.requireManifest ?? false }, stamps.keyTerms);
  return { name: ruleset.name, ...(ruleset.version !== undefined ? { version: ruleset.version } : {}), rules: rules.length, concepts: ruleset.concepts.map((c) => c.id), errors };
}

/** What trying a rule returns: findings on the pasted text, or the errors that stop the rule from compiling. */
export type TryOutcome = { ok: true; result: AnalysisResult; errors: RuleError[] } | { ok: false; errors: RuleError[] };

/** Piscina task: compile rule text from the editor and run it on pasted contract text. */
export function tryTask(task: { file: string; yaml: string; text: string; parties?: ExampleParties; vocabulary?: RuleSource[] }): TryOutcome {
  const { ruleset, rules, errors } = buildRuleset([...(task.vocabulary ?? []), { file: task.file, text: task.yaml }]);
  if (rules.length === 0) return { ok: false, errors };
  try {
    return { ok: true, result: analyze(textDocument(task.text, task.parties ?? {}), ruleset), errors };
  } catch (error) {
    if (error instanceof RuleTooSlowError) return { ok: false, errors: [error.ruleError] };
    throw error;
  }
}
