/**
 * Rule checks (validate as the user types, and the check before a save) on their own worker
 * thread: a 940 KB rule took 13–18 s to compile and froze every other request while it did, and
 * on the analysis threads it would hold up uploads. A check past its time limit is stopped and
 * answered with 422 RULE_CHECK_TIMEOUT.
 */
import { ProblemError } from '../problem.ts';
import type { RuleCheck, RuleCheckTask } from './rule-check.ts';
import { createTaskPool, TaskTimeoutError } from './task-pool.ts';

/** Checks rules off the main thread. */
export interface RuleCheckPool {
  /** Throws 422 RULE_CHECK_TIMEOUT when the check runs past the time limit. */
  check(task: RuleCheckTask): Promise<RuleCheck>;
  close(): Promise<void>;
}

/** Start the pool (one thread, started on the first check). Default limit 60 s (it counts from the task's start, which on a busy machine includes starting the thread). */
export function createRuleCheckPool(options: { timeoutMs?: number } = {}): RuleCheckPool {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const pool = createTaskPool(new URL('./rule-check-worker.ts', import.meta.url), 1);
  return {
    async check(task) {
      try {
        return await pool.run<RuleCheck>(task, { timeoutMs });
      } catch (error) {
        if (!(error instanceof TaskTimeoutError)) throw error;
        throw new ProblemError('RULE_CHECK_TIMEOUT', `Checking "${task.file}" took longer than ${Math.round(timeoutMs / 1000)} s and was stopped; nothing was saved. The rule is too large or its patterns too complex: split it into smaller rules or simplify its patterns and phrase lists, then try again.`);
      }
    },
    close: () => pool.close(),
  };
}
