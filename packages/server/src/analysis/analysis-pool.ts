/**
 * The analysis worker pool (a `TaskPool`: piscina, the same mechanism @redliner/parser uses for
 * parsing), so the event loop stays free while rules run over a long contract.
 */
import type { ContractDocument } from '@redliner/parser';
import type { ExampleParties, RuleSource } from '@redliner/rules';
import type { AnalysisOutcome, RulesetInfo, TryOutcome } from './analysis-worker.ts';
import type { ReadingOutcome } from './key-term-reading.ts';
import { createTaskPool } from './task-pool.ts';

/** Runs analysis tasks off the main thread. */
export interface AnalysisPool {
  /** `requireManifest`: a user ruleset, refused when its `ruleset.yaml` is missing. */
  analyze(document: ContractDocument, rulesetDir: string, options?: { requireManifest?: boolean }): Promise<AnalysisOutcome>;
  describe(rulesetDir: string, options?: { requireManifest?: boolean }): Promise<RulesetInfo>;
  /** Read a saved contract's key terms with the ruleset in `rulesetDir` (its definitions compile in the worker). */
  readKeyTerms(document: ContractDocument, rulesetDir: string, options?: { requireManifest?: boolean }): Promise<ReadingOutcome>;
  tryRule(task: { file: string; yaml: string; text: string; parties?: ExampleParties; vocabulary?: RuleSource[] }): Promise<TryOutcome>;
  close(): Promise<void>;
}

const MAX_THREADS = 2;

/** Start a pool; its first thread starts on first use and stays, a second exits after a minute idle. */
export function createAnalysisPool(options: { timeoutMs?: number } = {}): AnalysisPool {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const pool = createTaskPool(new URL('./analysis-worker.ts', import.meta.url), MAX_THREADS);
  const run = <T>(data: unknown, name?: string): Promise<T> => pool.run<T>(data, { timeoutMs, ...(name ? { name } : {}) });
  return {
    analyze: (document, rulesetDir, options = {}) => run<AnalysisOutcome>({ document, rulesetDir, ...options }),
    describe: (rulesetDir, options = {}) => run<RulesetInfo>({ rulesetDir, ...options }, 'describeTask'),
    readKeyTerms: (document, rulesetDir, options = {}) => run<ReadingOutcome>({ document, rulesetDir, ...options }, 'readKeyTermsTask'),
    tryRule: (task) => run<TryOutcome>(task, 'tryTask'),
    close: () => pool.close(),
  };
}
