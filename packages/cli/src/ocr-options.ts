/** The parse options behind `--no-ocr`, and OCR progress on stderr (a scanned page takes seconds). */
import type { ParseOptions } from '@redliner/parser';

/** `ocr: false` for `--no-ocr`; otherwise a progress line on `warn` as each scanned page starts. */
export function ocrOptions(ocr: boolean | undefined, warn: (line: string) => void): Pick<ParseOptions, 'ocr' | 'onProgress'> {
  if (ocr === false) return { ocr: false };
  return {
    onProgress: (progress) => {
      if (progress.done < progress.total) warn(`reading scanned page ${progress.page} with OCR (${progress.done + 1} of ${progress.total})…`);
    },
  };
}
