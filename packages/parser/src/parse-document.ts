/** The in-thread parser: sniff the format, extract, assemble. */
import { createHash } from 'node:crypto';
import { assembleDocument } from './assemble-document.ts';
import { extractDocx } from './docx/extract-docx.ts';
import { ParseError, isParseError } from './errors.ts';
import { extractPdf } from './pdf/extract-pdf.ts';
import type { RawDocument } from './raw-document.ts';
import { sniffFormat } from './sniff-format.ts';
import type { ContractDocument, ParseOptions } from './types.ts';

/**
 * Parse a contract. The format is decided from the bytes, not from `options.name`.
 * Throws `ParseError` (with a stable `code`) for anything the user must fix.
 */
export async function parseDocument(bytes: Uint8Array, options: ParseOptions): Promise<ContractDocument> {
  const format = sniffFormat(bytes, options.name);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let raw: RawDocument;
  try {
    raw = format === 'pdf'
      ? await extractPdf(bytes, {
          name: options.name,
          threads: options.pdfThreads ?? 1,
          ...(options.password !== undefined ? { password: options.password } : {}),
          ...(options.ocr !== undefined ? { ocr: options.ocr } : {}),
          ...(options.ocrPageTimeoutMs !== undefined ? { ocrPageTimeoutMs: options.ocrPageTimeoutMs } : {}),
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        })
      : await extractDocx(bytes, { name: options.name });
  } catch (error) {
    if (isParseError(error)) throw error;
    if (format === 'docx' && error instanceof RangeError && /call stack/i.test(error.message)) {
      // Thousands of tables or content controls inside one another: no real contract, and the
      // reader's recursion gives out before memory does.
      throw new ParseError('DOCX_TOO_LARGE', 'its content is nested too deeply to read safely (thousands of tables, content controls or links inside one another), so it looks like a crafted file. If this is a real contract, open it in Word and save it again, or print it to PDF and upload that.', { file: options.name, cause: error });
    }
    // An unexpected failure inside a third-party reader is still the user's file that cannot be read.
    const detail = error instanceof Error ? error.message : String(error);
    throw new ParseError('PARSE_FAILED', `could not read this ${format.toUpperCase()} file (${detail}). If it opens in Word or a PDF viewer, re-save or re-export it and try again; otherwise it may be damaged.`, { file: options.name, cause: error });
  }
  return assembleDocument(raw, { name: options.name, sha256 });
}
