/**
 * Parsing off the main thread. pdf.js already runs in threads of its own, but the layout work
 * around it (lines, tables, paragraphs, sections: 100–250 ms of CPU for a 90-page PDF, most of
 * it after the last page) would still stall the event loop, so servers run `parseDocument` in a
 * piscina worker pool with a time limit and a heap cap per task. The hop costs nothing
 * measurable: 1.09 s off-thread against 1.11 s in-thread for the 90-page corpus PDF.
 *
 * Parses wait in our own first-come-first-served queue, never in piscina's: when a thread frees
 * up, piscina 5 hands it the head of its queue and sends the next task, which it cannot place,
 * to the back, so under steady load a few early uploads kept losing their turn (measured: 3 of
 * the first 20 waited 18–33 s while later ones took 1.7 s). Piscina only ever gets as many tasks
 * as it has room for.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import pLimit from 'p-limit';
import { Piscina } from 'piscina';
import { ParseError } from './errors.ts';
import { DEFAULT_OCR_PAGE_TIMEOUT_MS } from './ocr/ocr-limits.ts';
import type { ContractDocument, ParseOptions, ParseProgress } from './types.ts';
import type { WorkerResult } from './parse-worker.ts';

/** Limits for one off-thread parse. */
export interface OffThreadOptions {
  /**
   * Wall-clock limit for the parse itself, counted from when a worker starts it (time spent
   * waiting for a turn does not count); the worker is killed after it. Default 60 s.
   */
  timeoutMs?: number;
  /** Refuse with `ParserBusyError` rather than queue behind this many waiting parses. Default 32. */
  maxQueued?: number;
  /** Called when the parse leaves the queue and starts (for timing). */
  onStart?: () => void;
}

// Time a scanned page may add to the parse's limit: its own OCR limit, plus getting its picture.
const OCR_PAGE_EXTRA_MS = 15_000;

/** Thrown by `parseDocumentOffThread` when too many parses are already waiting: try again later. */
export class ParserBusyError extends Error {
  override readonly name = 'ParserBusyError';
  constructor(readonly waiting: number) {
    super(`${waiting} documents are already waiting to be read`);
  }
}

const MAX_THREADS = Math.max(1, Math.min(4, availableParallelism() - 1));
// Parses at once. A parse mostly waits for its pdf.js thread, so one parse worker can drive two:
// on 2 cores that took the load bench from 7.2 to 10.5 uploads/s at the same memory (a second
// parse worker thread gave 11.8 for 130 MB more).
const SLOTS = Math.max(2, Math.min(4, availableParallelism()));
/** pdf.js threads a parse may use when nothing else waits (a long PDF is split across them). */
const IDLE_PDF_THREADS = Math.min(2, availableParallelism());

let pool: Piscina | undefined;
const turns = pLimit(SLOTS);

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
      maxThreads: MAX_THREADS,
      concurrentTasksPerWorker: Math.ceil(SLOTS / MAX_THREADS),
      idleTimeout: 30_000,
      // A hostile PDF must not take the whole server's memory with it.
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
  }
  return pool;
}

/** Parses running and waiting, and how many may run at once. */
export function parserQueue(): { running: number; waiting: number; slots: number } {
  return { running: turns.activeCount, waiting: turns.pendingCount, slots: SLOTS };
}

/**
 * Parse in a worker thread. Same result and errors as `parseDocument`, plus `PARSE_TIMEOUT`;
 * throws `ParserBusyError` at once when `maxQueued` parses are already waiting.
 */
export async function parseDocumentOffThread(bytes: Uint8Array, options: ParseOptions, limits: OffThreadOptions = {}): Promise<ContractDocument> {
  const maxQueued = limits.maxQueued ?? 32;
  // p-limit counts a task as pending until a microtask starts it, so judge by the total.
  const waiting = turns.activeCount + turns.pendingCount - SLOTS;
  if (waiting >= maxQueued) throw new ParserBusyError(Math.max(0, waiting));
  const copy = new Uint8Array(bytes);
  return turns(() => {
    limits.onStart?.();
    return runParse(copy, options, limits.timeoutMs ?? 60_000);
  });
}

async function runParse(bytes: Uint8Array<ArrayBuffer>, options: ParseOptions, baseTimeoutMs: number): Promise<ContractDocument> {
  const controller = new AbortController();
  let timeoutMs = baseTimeoutMs;
  let timer = setTimeout(() => controller.abort(), timeoutMs);
  const started = Date.now();
  // A long PDF alone on the machine gets a second pdf.js thread; under load every core is busy anyway.
  const pdfThreads = turns.pendingCount === 0 && turns.activeCount <= 1 ? IDLE_PDF_THREADS : 1;
  const { onProgress, ...plain } = options;
  // Progress crosses from the worker on its own channel. Scanned pages are slow by nature: when
  // OCR starts, the limit grows by each page's own OCR limit, which the worker enforces.
  const channel = new MessageChannel();
  let extended = false;
  channel.port1.on('message', (progress: ParseProgress) => {
    if (!extended && progress.stage === 'ocr') {
      extended = true;
      timeoutMs = baseTimeoutMs + progress.total * ((options.ocrPageTimeoutMs ?? DEFAULT_OCR_PAGE_TIMEOUT_MS) + OCR_PAGE_EXTRA_MS);
      clearTimeout(timer);
      timer = setTimeout(() => controller.abort(), Math.max(0, started + timeoutMs - Date.now()));
    }
    onProgress?.(progress);
  });
  try {
    const task = { bytes, options: { pdfThreads, ...plain }, progress: channel.port2 };
    const result = (await getPool().run(task, { signal: controller.signal, transferList: [bytes.buffer, channel.port2] })) as WorkerResult;
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
    channel.port1.close();
  }
}

/**
 * Start the parse worker and its pdf.js threads and run the PDF path once on a tiny built-in
 * PDF, so the first real upload does not pay for it (a server calls this when it starts). It
 * takes its turn like any parse, so an upload arriving meanwhile just waits behind it.
 */
export async function warmUpParser(): Promise<void> {
  await turns(() => getPool().run({ threads: IDLE_PDF_THREADS }, { name: 'warmUpTask' }));
}

/** Stop the worker pool (tests, graceful shutdown). */
export async function closeParserPool(): Promise<void> {
  const current = pool;
  pool = undefined;
  await current?.destroy();
}
