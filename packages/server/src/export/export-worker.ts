/**
 * Worker-thread entry for the redlined DOCX export. A 50,000-paragraph contract took 46 s to
 * redline, and on the main thread every other request waited that long.
 */
import { isRedlineError, redline, type RedlineErrorCode, type RedlineInput } from '@redliner/redline';

/** What the export returns: the file and its counts, or a redline error the user can fix (errors lose their code crossing threads). */
export type ExportOutcome = { ok: true; bytes: Uint8Array; changes: number; skipped: number } | { ok: false; code: RedlineErrorCode; message: string };

/** Piscina task: build the redlined DOCX. */
export default async function exportTask(task: RedlineInput): Promise<ExportOutcome> {
  try {
    const result = await redline(task);
    // The file is copied back to the main thread (a few MB: milliseconds).
    return { ok: true, bytes: result.bytes, changes: result.applied.filter((a) => a.change).length, skipped: result.skipped.length };
  } catch (error) {
    if (isRedlineError(error)) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}
