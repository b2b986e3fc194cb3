/**
 * Opens a PDF in its pdf.js worker and turns its failures into ParseErrors a user can act on.
 */
import { ParseError } from '../errors.ts';
import { PdfWorkerClient, PdfWorkerStopped } from './pdfjs-client.ts';

const PASSWORD_REQUIRED =
  'This PDF is password-protected. Supply the password to open it (for example with the --password option), or upload an unprotected copy.';
const PASSWORD_INCORRECT = 'The password for this PDF is incorrect. Check it and try again.';
const CORRUPT = 'The file is damaged or not a complete PDF. Re-export it from the original program or re-download it, then try again.';

/**
 * The most pages read. Long agreements with exhibits run to a few hundred pages; reading takes
 * about 12 ms a page, so 2,000 pages stay well inside the 60 s limit, while a page tree that
 * claims 100 million pages is refused at once instead of running into it.
 */
export const MAX_PDF_PAGES = 2000;

const STREAM_TOO_LARGE =
  'Part of this PDF unpacks to more than 64 MB (a page or an image far larger than any contract needs), so it looks like a decompression bomb or is too large to read safely. If this is a real contract, print it to a new PDF or export it again from the original program; otherwise do not open it.';

/** Message for damaged files; shared with page-level failures. */
export const CORRUPT_MESSAGE = CORRUPT;

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null ? String((error as { name?: unknown }).name ?? '') : '';
}

/** Map any pdf.js failure to a ParseError; password errors keep their meaning, everything else means a damaged file. */
export function toParseError(error: unknown, name: string, password: string | undefined, timeoutMs = 60_000): ParseError {
  if (error instanceof ParseError) return error;
  if (error instanceof PdfWorkerStopped && error.reason === 'timeout') {
    return new ParseError('PARSE_TIMEOUT', `reading this PDF took longer than ${Math.round(timeoutMs / 1000)} seconds and was stopped. The file may be damaged or unusually complex; try re-saving it, or split a very long document.`, { file: name, cause: error });
  }
  if (errorName(error) === 'PdfStreamTooLarge') return new ParseError('PDF_TOO_LARGE', STREAM_TOO_LARGE, { file: name, cause: error });
  if (errorName(error) === 'PasswordException') {
    const code = (error as { code?: unknown }).code;
    // pdf.js: 1 = NEED_PASSWORD, 2 = INCORRECT_PASSWORD. An empty/absent password is "required", not "wrong".
    if (code === 2 && password) return new ParseError('PDF_PASSWORD_INCORRECT', PASSWORD_INCORRECT, { file: name, cause: error });
    return new ParseError('PDF_PASSWORD_REQUIRED', PASSWORD_REQUIRED, { file: name, cause: error });
  }
  return new ParseError('PDF_CORRUPT', CORRUPT, { file: name, cause: error });
}

/** Open the document in a fresh worker; the caller must `dispose()` the client in a finally block. */
export async function openPdf(bytes: Uint8Array, name: string, password: string | undefined, timeoutMs: number): Promise<{ client: PdfWorkerClient; numPages: number }> {
  const client = new PdfWorkerClient(timeoutMs);
  try {
    const numPages = await client.open(bytes, password);
    if (numPages < 1) throw new Error('no pages');
    if (numPages > MAX_PDF_PAGES) {
      throw new ParseError('PDF_TOO_LARGE', `This PDF has ${numPages.toLocaleString('en-US')} pages; Redliner reads at most ${MAX_PDF_PAGES.toLocaleString('en-US')}. Split it (for example the agreement apart from its exhibits) and upload the parts you need reviewed.`, { file: name });
    }
    return { client, numPages };
  } catch (error) {
    await client.dispose();
    throw toParseError(error, name, password, timeoutMs);
  }
}
