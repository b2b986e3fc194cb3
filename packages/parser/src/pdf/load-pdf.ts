/**
 * Opens a PDF in its pdf.js worker and turns its failures into ParseErrors a user can act on.
 */
import { ParseError } from '../errors.ts';
import { PdfWorkerClient, PdfWorkerStopped } from './pdfjs-client.ts';

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
export function toParseError(error: unknown, name: string, password: string | undefined, timeoutMs = 60_000): ParseError {
  if (error instanceof ParseError) return error;
  if (error instanceof PdfWorkerStopped && error.reason === 'timeout') {
    return new ParseError('PARSE_TIMEOUT', `reading this PDF took longer than ${Math.round(timeoutMs / 1000)} seconds and was stopped. The file may be damaged or unusually complex; try re-saving it, or split a very long document.`, { file: name, cause: error });
  }
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
    return { client, numPages };
  } catch (error) {
    await client.dispose();
    throw toParseError(error, name, password, timeoutMs);
  }
}
