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
import { combinedScan, combinedScanV8, compileCombined, compileCombinedV8 } from './combined-scan.ts';
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
 * The reference is the faster of two single passes with every pattern combined: RE2 (the
 * engine's library) and V8. Combined into one RE2 automaton, the bounded repeats of the
 * payer-core patterns (`[^.;]{0,80}` after a party name) overflow RE2's DFA cache on some
 * contracts and the pass slows down ten-fold or more; measuring against that would flatter
 * the engine, so the cheaper pass is the yardstick.
 */
export function compareOnDocuments(documents: readonly ContractDocument[], ruleset: Ruleset, run: AnalyzeFn = analyze): number {
  console.log(`\nRules: analyze (${ruleset.name}, ${ruleset.rules.length} rules, ${ruleset.leaves.length} patterns) vs one pass of the same patterns combined (median of up to ${TIMED_RUNS} warm runs, interleaved; parse excluded)`);
  console.log('file | chars | analyze ms | combined RE2 ms | combined V8 ms | ratio (vs the faster)');
  let totalAnalyze = 0;
  let totalReference = 0;
  for (const document of documents) {
    const re2 = compileCombined(ruleset, document.parties);
    const v8 = compileCombinedV8(ruleset, document.parties);
    if (!re2 && !v8) throw new Error(`${document.name}: the combined reference pattern compiles neither in RE2 nor in V8`);
    const jobs = [() => run({ ...document }, ruleset), () => (re2 ? combinedScan(re2, document.text) : [])];
    if (v8) jobs.push(() => combinedScanV8(v8, document.text));
    const [analyzeMs = NaN, re2Measured = NaN, v8Ms = Infinity] = timeMedians(jobs);
    const re2Ms = re2 ? re2Measured : Infinity;
    const referenceMs = Math.min(re2Ms, v8Ms);
    totalAnalyze += analyzeMs;
    totalReference += referenceMs;
    console.log(`${document.name.slice(0, 48)} | ${document.text.length} | ${analyzeMs.toFixed(2)} | ${re2 ? re2Ms.toFixed(2) : '-'} | ${v8 ? v8Ms.toFixed(2) : '-'} | ${(analyzeMs / referenceMs).toFixed(2)}x`);
  }
  const overall = totalAnalyze / totalReference;
  console.log(`overall ratio (sum of times): ${overall.toFixed(2)}x one combined pass (target <= ${TARGET}x)`);
  return overall;
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
  return compareOnDocuments(documents, ruleset) <= TARGET;
}
