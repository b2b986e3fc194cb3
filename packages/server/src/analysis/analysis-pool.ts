/**
 * The analysis worker pool (piscina, the same mechanism @redliner/parser uses for parsing), so
 * the event loop stays free while rules run over a long contract.
 *
 * Tasks wait for a turn in our own first-come-first-served queue and reach piscina only when a
 * thread is free: piscina 5 sends a task it cannot place right away to the back of its queue,
 * which let a few early uploads wait seconds behind later ones. The time limit counts from the
 * start of the task, not from when it was queued.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import pLimit from 'p-limit';
import { Piscina } from 'piscina';
import type { ContractDocument } from '@redliner/parser';
import type { ExampleParties, RuleSource } from '@redliner/rules';
import type { AnalysisOutcome, RulesetInfo, TryOutcome } from './analysis-worker.ts';

/** Runs analysis tasks off the main thread. */
export interface AnalysisPool {
  /** `requireManifest`: a user ruleset, refused when its `ruleset.yaml` is missing. */
  analyze(document: ContractDocument, rulesetDir: string, options?: { requireManifest?: boolean }): Promise<AnalysisOutcome>;
  describe(rulesetDir: string, options?: { requireManifest?: boolean }): Promise<RulesetInfo>;
  tryRule(task: { file: string; yaml: string; text: string; parties?: ExampleParties; vocabulary?: RuleSource[] }): Promise<TryOutcome>;
  close(): Promise<void>;
}

const MAX_THREADS = 2;

/** Start a pool; workers start lazily and exit when idle. */
export function createAnalysisPool(options: { timeoutMs?: number } = {}): AnalysisPool {
  let pool: Piscina | undefined;
  const timeoutMs = options.timeoutMs ?? 120_000;
  const turns = pLimit(MAX_THREADS);
  const get = (): Piscina => {
    if (!pool) {
      // Workers do not inherit the tsx loader in every host (vitest, plain node), so register it explicitly.
      const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
      pool = new Piscina({ filename: new URL('./analysis-worker.ts', import.meta.url).href, execArgv: ['--import', tsx], maxThreads: MAX_THREADS, idleTimeout: 60_000 });
    }
    return pool;
  };
  const run = <T>(data: unknown, name?: string): Promise<T> =>
    turns(async () => {
      const signal = AbortSignal.timeout(timeoutMs);
      return (await get().run(data, { signal, ...(name ? { name } : {}) })) as T;
    });
  return {
    analyze: (document, rulesetDir, options = {}) => run<AnalysisOutcome>({ document, rulesetDir, ...options }),
    describe: (rulesetDir, options = {}) => run<RulesetInfo>({ rulesetDir, ...options }, 'describeTask'),
    tryRule: (task) => run<TryOutcome>(task, 'tryTask'),
    async close() {
      const current = pool;
      pool = undefined;
      await current?.destroy();
    },
  };
}
