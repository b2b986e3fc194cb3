/** Time limits of OCR, apart from the engine so the parse pool reads them without loading tesseract.js. */

/** Default time limit for one scanned page: a dense 300 dpi page takes a few seconds. */
export const DEFAULT_OCR_PAGE_TIMEOUT_MS = 30_000;
