/**
 * A small worker-thread pool (piscina) for work that would stall the event loop: analysis, rule
 * checks, the DOCX export. Tasks wait in our own first-come-first-served queue and reach piscina
 * only when a thread is free (piscina 5 sends a task it cannot place right away to the back of
 * its queue, which let early tasks wait behind later ones). Each task has a time limit counted
 * from its start; past it the thread is ended and the task fails with `TaskTimeoutError`.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import pLimit from 'p-limit';
import { Piscina } from 'piscina';

/** A task ended because it ran past its time limit (its thread was stopped). */
export class TaskTimeoutError extends Error {
  override readonly name = 'TaskTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`the task took longer than ${Math.round(timeoutMs / 1000)} s and was stopped`);
  }
}

/** Runs named tasks of one worker module. */
export interface TaskPool {
  run<T>(data: unknown, options: { name?: string; timeoutMs: number }): Promise<T>;
  close(): Promise<void>;
}

/**
 * A pool over the worker module `filename` (a file URL). The pool starts on first use with one
 * thread, which then stays: a thread that has loaded and compiled a ruleset answers the next
 * upload seconds sooner. Threads above that one exit after a minute idle. (Left unset, piscina's
 * minimum is half the machine's cores, so how many threads stayed depended on the machine.)
 */
export function createTaskPool(filename: URL, maxThreads: number): TaskPool {
  let pool: Piscina | undefined;
  const turns = pLimit(maxThreads);
  const get = (): Piscina => {
    if (!pool) {
      // Workers do not inherit the tsx loader in every host (vitest, plain node), so register it explicitly.
      const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
      pool = new Piscina({ filename: filename.href, execArgv: ['--import', tsx], minThreads: 1, maxThreads, idleTimeout: 60_000 });
    }
    return pool;
  };
  return {
    run: <T>(data: unknown, { name, timeoutMs }: { name?: string; timeoutMs: number }) =>
      turns(async () => {
        const signal = AbortSignal.timeout(timeoutMs);
        try {
          return (await get().run(data, { signal, ...(name ? { name } : {}) })) as T;
        } catch (error) {
          if (signal.aborted) throw new TaskTimeoutError(timeoutMs);
          throw error;
        }
      }),
    async close() {
      const current = pool;
      pool = undefined;
      await current?.destroy();
    },
  };
}
