/**
 * Rules engine speed: `analyze` with the bundled payer-core ruleset against one RE2 pass of all
 * its patterns combined (bench/combined-scan.ts), on the largest corpus contracts, same run.
 * Target: analyze at most 2× the combined pass overall (sum of times).
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseDocument, type ContractDocument } from '@redliner/parser';
import { analyze, loadRuleset, type Ruleset } from '@redliner/rules';
import { corpusFiles, REPO_ROOT, SHARED_DIR, SKIP_MESSAGE } from '../test/support/shared-corpus.ts';
import { combinedScan, compileCombined } from './combined-scan.ts';
import { median } from './stats.ts';

const TARGET = 2;
const HILABS_COUNT = 4;
const WARMUP_RUNS = 3;
const TIMED_RUNS = 15;
const MIN_RUNS = 3;
/** Time per document the timed rounds aim to stay within. */
const ROUND_BUDGET_MS = 3000;


/** The biggest HiLabs agreements plus every payer-dev rendering, largest first. */
function benchFiles(): string[] {
  const hilabs = corpusFiles('payer/hilabs_2025', ['.pdf'])
    .map((file) => ({ file, size: statSync(file).size }))
    .sort((a, b) => b.size - a.size)
    .slice(0, HILABS_COUNT)
    .map((f) => f.file);
  return [...hilabs, ...corpusFiles('payer-dev/docs', ['.pdf', '.docx'])];
}

/**
 * Median time of each job, runs interleaved (a, b, c, a, b, c, …) so that load from other
 * processes on the machine falls on every job alike instead of on whichever ran then. Fewer
 * runs when a round is slow (a large ruleset can take seconds), so the benchmark stays short.
 */
function timeMedians(jobs: ReadonlyArray<() => unknown>): number[] {
  const started = performance.now();
  for (const job of jobs) job();
  const roundMs = performance.now() - started;
  const runs = Math.max(MIN_RUNS, Math.min(TIMED_RUNS, Math.floor(ROUND_BUDGET_MS / roundMs)));
  for (let i = 1; i < WARMUP_RUNS && roundMs * runs < ROUND_BUDGET_MS; i++) for (const job of jobs) job();
  const times = jobs.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    jobs.forEach((job, j) => {
      const start = performance.now();
      job();
      times[j]!.push(performance.now() - start);
    });
  }
  return times.map(median);
}

/** The engine entry point being timed (a parameter so an older engine can be compared in the same run). */
export type AnalyzeFn = (document: ContractDocument, ruleset: Ruleset) => unknown;

/**
 * Time `analyze` against the combined scan on already-parsed documents; prints a table and
 * returns the overall ratio. `analyze` caches document facts (sentences, numbers, word
 * positions) per document object; that is work on the text, which the reference redoes every
 * run, so each run gets a fresh object. Compiled patterns stay warm on both sides (the
 * ruleset's party cache; the reference regexes, compiled once per document).
 *
 * The reference is RE2 (the engine's library) running every pattern combined: one alternation,
 * split into the fewest automata RE2 will build (bench/combined-scan.ts). V8's backtracking
 * RegExp is no reference: the engine may not use it, and it refuses a pattern this size.
 */
export function compareOnDocuments(documents: readonly ContractDocument[], ruleset: Ruleset, run: AnalyzeFn = analyze): number {
  console.log(`\nRules: analyze (${ruleset.name}, ${ruleset.rules.length} rules, ${ruleset.leaves.length} patterns) vs one RE2 pass of the same patterns combined (median of up to ${TIMED_RUNS} warm runs, interleaved; parse excluded)`);
  console.log('file | chars | analyze ms | combined pass ms (automata) | ratio');
  let totalAnalyze = 0;
  let totalReference = 0;
  for (const document of documents) {
    const combined = compileCombined(ruleset, document.parties);
    const [analyzeMs = NaN, referenceMs = NaN] = timeMedians([() => run({ ...document }, ruleset), () => combinedScan(combined, document.text)]);
    totalAnalyze += analyzeMs;
    totalReference += referenceMs;
    console.log(`${document.name.slice(0, 48)} | ${document.text.length} | ${analyzeMs.toFixed(2)} | ${referenceMs.toFixed(2)} (${combined.length}) | ${(analyzeMs / referenceMs).toFixed(2)}x`);
  }
  const overall = totalAnalyze / totalReference;
  console.log(`overall ratio (sum of times): ${overall.toFixed(2)}x one combined pass (target <= ${TARGET}x)`);
  return overall;
}

/**
 * What an upload pays, which the warm table below hides: each contract's first analysis, in
 * turn, on one loaded ruleset. The first row also compiles the shared patterns; a later row whose
 * party terms are new compiles the patterns that name them (`{payer}`, and gaps that must read a
 * long name as one word). Printed for the record; the target is on the warm table.
 */
function firstAnalyses(documents: readonly ContractDocument[], ruleset: Ruleset): void {
  console.log('\nRules: first analysis of each contract in turn on one loaded ruleset (an upload; the first row also compiles shared patterns)');
  console.log('file | payer terms | provider terms | first analyze ms');
  for (const document of documents) {
    const started = performance.now();
    analyze({ ...document }, ruleset);
    const ms = performance.now() - started;
    console.log(`${document.name.slice(0, 48)} | ${document.parties.payer.terms.join(', ') || '-'} | ${document.parties.provider.terms.join(', ') || '-'} | ${ms.toFixed(0)}`);
  }
}

/** Run the rules benchmark on the shared corpus and print a table. Returns false when the target is missed. */
export async function benchRules(): Promise<boolean> {
  if (!SHARED_DIR) {
    console.log(`rules benchmark: ${SKIP_MESSAGE}`);
    return true;
  }
  const { ruleset, errors } = loadRuleset(join(REPO_ROOT, 'rulesets', 'payer-core'));
  if (errors.length) console.log(`payer-core has ${errors.length} rule error(s); benchmarking the ${ruleset.rules.length} rules that load.`);
  const documents: ContractDocument[] = [];
  for (const file of benchFiles()) documents.push(await parseDocument(readFileSync(file), { name: basename(file) }));
  firstAnalyses(documents, ruleset);
  return compareOnDocuments(documents, ruleset) <= TARGET;
}
