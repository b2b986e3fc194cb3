/** Worker-thread entry for `parseDocumentOffThread`: errors cross the thread boundary as plain data. */
import { isParseError } from './errors.ts';
import type { ParseErrorCode } from './errors.ts';
import type { MessagePort } from 'node:worker_threads';
import { parseDocument } from './parse-document.ts';
import { minimalPdf, warmPdfThreads } from './pdf/warm-up.ts';
import type { ContractDocument, ParseOptions } from './types.ts';

/** What a worker sends back. */
export type WorkerResult =
  | { ok: true; document: ContractDocument }
  | { ok: false; error: { code: ParseErrorCode; message: string } };

/** Piscina task: parse and report; progress (OCR page by page) goes out on `progress` as it happens. */
export default async function parseTask(task: { bytes: Uint8Array; options: ParseOptions; progress?: MessagePort }): Promise<WorkerResult> {
  const { progress } = task;
  try {
    const options: ParseOptions = progress ? { ...task.options, onProgress: (p) => progress.postMessage(p) } : task.options;
    return { ok: true, document: await parseDocument(task.bytes, options) };
  } catch (error) {
    if (isParseError(error)) return { ok: false, error: { code: error.code, message: error.message } };
    throw error;
  } finally {
    progress?.close();
  }
}

/** Piscina task: load and run the whole PDF path once, then leave `threads` pdf.js threads idle and warm. */
export async function warmUpTask(task: { threads: number }): Promise<{ ok: true }> {
  await parseDocument(minimalPdf(), { name: 'warm-up.pdf' });
  await warmPdfThreads(task.threads);
  return { ok: true };
}
