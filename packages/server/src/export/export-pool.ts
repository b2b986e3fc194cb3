/**
 * The redlined DOCX export on its own worker thread (see export-worker.ts), with a time limit:
 * past it the export is stopped and answered with 503 EXPORT_TIMEOUT.
 */
import type { RedlineInput } from '@redliner/redline';
import { createTaskPool, TaskTimeoutError } from '../analysis/task-pool.ts';
import { ProblemError } from '../problem.ts';
import type { ExportOutcome } from './export-worker.ts';

/** Builds redlined DOCX files off the main thread. */
export interface ExportPool {
  /** Throws 503 EXPORT_TIMEOUT past the time limit. */
  redline(input: RedlineInput): Promise<ExportOutcome>;
  close(): Promise<void>;
}

/** Start the pool (one thread, started on the first export). Default limit 3 minutes. */
export function createExportPool(options: { timeoutMs?: number } = {}): ExportPool {
  const timeoutMs = options.timeoutMs ?? 180_000;
  const pool = createTaskPool(new URL('./export-worker.ts', import.meta.url), 1);
  return {
    async redline(input) {
      try {
        return await pool.run<ExportOutcome>(input, { timeoutMs });
      } catch (error) {
        if (!(error instanceof TaskTimeoutError)) throw error;
        throw new ProblemError('EXPORT_TIMEOUT', `Building the redlined Word file took longer than ${Math.round(timeoutMs / 1000)} s and was stopped. The contract is very large: try again when no other export is running, or export without comments (uncheck "comments").`);
      }
    },
    close: () => pool.close(),
  };
}
