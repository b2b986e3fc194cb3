/** Worker-thread entry for `parseDocumentOffThread`: errors cross the thread boundary as plain data. */
import { isParseError } from './errors.ts';
import type { ParseErrorCode } from './errors.ts';
import { parseDocument } from './parse-document.ts';
import { minimalPdf, warmPdfThreads } from './pdf/warm-up.ts';
import type { ContractDocument, ParseOptions } from './types.ts';

/** What a worker sends back. */
export type WorkerResult =
  | { ok: true; document: ContractDocument }
  | { ok: false; error: { code: ParseErrorCode; message: string } };

/** Piscina task: parse and report. */
export default async function parseTask(task: { bytes: Uint8Array; options: ParseOptions }): Promise<WorkerResult> {
  try {
    return { ok: true, document: await parseDocument(task.bytes, task.options) };
  } catch (error) {
    if (isParseError(error)) return { ok: false, error: { code: error.code, message: error.message } };
    throw error;
  }
}

/** Piscina task: load and run the whole PDF path once, then leave `threads` pdf.js threads idle and warm. */
export async function warmUpTask(task: { threads: number }): Promise<{ ok: true }> {
  await parseDocument(minimalPdf(), { name: 'warm-up.pdf' });
  await warmPdfThreads(task.threads);
  return { ok: true };
}
