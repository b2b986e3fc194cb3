/**
 * Parsing off the main thread. pdf.js has no real worker in Node (it parses on the calling
 * thread, with measured 124 ms event-loop stalls), so servers run `parseDocument` in a
 * piscina worker pool with a time limit and a heap cap per task.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { ParseError } from './errors.ts';
import type { ContractDocument, ParseOptions } from './types.ts';
import type { WorkerResult } from './parse-worker.ts';

/** Limits for one off-thread parse. */
export interface OffThreadOptions {
  /** Wall-clock limit; the worker is killed after it. Default 60 s. */
  timeoutMs?: number;
}

let pool: Piscina | undefined;

function workerFile(): { filename: string; execArgv: string[] } {
  const url = new URL('./parse-worker.ts', import.meta.url);
  // Workers do not inherit a TypeScript loader in every host (vitest, plain node), so register tsx explicitly.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { filename: url.href, execArgv: ['--import', tsx] };
}

function getPool(): Piscina {
  if (!pool) {
    const { filename, execArgv } = workerFile();
    pool = new Piscina({
      filename,
      execArgv,
      maxThreads: Math.max(1, Math.min(4, availableParallelism() - 1)),
      idleTimeout: 30_000,
      // A hostile PDF must not take the whole server's memory with it.
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
  }
  return pool;
}

/** Parse in a worker thread. Same result and errors as `parseDocument`, plus `PARSE_TIMEOUT`. */
export async function parseDocumentOffThread(bytes: Uint8Array, options: ParseOptions, limits: OffThreadOptions = {}): Promise<ContractDocument> {
  const timeoutMs = limits.timeoutMs ?? 60_000;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const copy = new Uint8Array(bytes);
  try {
    const result = (await getPool().run({ bytes: copy, options }, { signal: controller.signal, transferList: [copy.buffer] })) as WorkerResult;
    if (result.ok) return result.document;
    throw new ParseError(result.error.code, result.error.message.replace(`${options.name}: `, ''), { file: options.name });
  } catch (error) {
    if (controller.signal.aborted) {
      throw new ParseError('PARSE_TIMEOUT', `reading this file took longer than ${Math.round(timeoutMs / 1000)} seconds and was stopped. The file may be damaged or unusually complex; try re-saving it, or split a very long document.`, { file: options.name, cause: error });
    }
    if (error instanceof ParseError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new ParseError('PARSE_FAILED', `could not read this file (${detail}). Re-save or re-export it and try again.`, { file: options.name, cause: error });
  } finally {
    clearTimeout(timer);
  }
}

/** Stop the worker pool (tests, graceful shutdown). */
export async function closeParserPool(): Promise<void> {
  const current = pool;
  pool = undefined;
  await current?.destroy();
}
