/**
 * Opens a PDF with pdf.js and turns its failures into ParseErrors a user can act on.
 */
import { ParseError } from '../errors.ts';
import { documentParams, loadPdfJs } from './pdfjs-runtime.ts';
import type { PDFDocumentLoadingTask, PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** An open document plus the task that owns its resources (destroy it when done). */
export interface OpenPdf {
  doc: PDFDocumentProxy;
  task: PDFDocumentLoadingTask;
}

const PASSWORD_REQUIRED =
  'This PDF is password-protected. Supply the password to open it (for example with the --password option), or upload an unprotected copy.';
const PASSWORD_INCORRECT = 'The password for this PDF is incorrect. Check it and try again.';
const CORRUPT = 'The file is damaged or not a complete PDF. Re-export it from the original program or re-download it, then try again.';

/** Message for damaged files; shared with page-level failures. */
export const CORRUPT_MESSAGE = CORRUPT;

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null ? String((error as { name?: unknown }).name ?? '') : '';
}

/** Map any pdf.js failure to a ParseError; password errors keep their meaning, everything else means a damaged file. */
export function toParseError(error: unknown, name: string, password: string | undefined): ParseError {
  if (error instanceof ParseError) return error;
  if (errorName(error) === 'PasswordException') {
    const code = (error as { code?: unknown }).code;
    // pdf.js: 1 = NEED_PASSWORD, 2 = INCORRECT_PASSWORD. An empty/absent password is "required", not "wrong".
    if (code === 2 && password) return new ParseError('PDF_PASSWORD_INCORRECT', PASSWORD_INCORRECT, { file: name, cause: error });
    return new ParseError('PDF_PASSWORD_REQUIRED', PASSWORD_REQUIRED, { file: name, cause: error });
  }
  return new ParseError('PDF_CORRUPT', CORRUPT, { file: name, cause: error });
}

/** Open the document; the caller must `task.destroy()` in a finally block. */
export async function openPdf(bytes: Uint8Array, name: string, password: string | undefined): Promise<OpenPdf> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument(documentParams(bytes, password));
  try {
    const doc = await task.promise;
    if (doc.numPages < 1) throw new Error('no pages');
    return { doc, task };
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw toParseError(error, name, password);
  }
}
