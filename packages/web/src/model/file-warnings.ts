/**
 * What the review says about the file itself ("About this file"). A scanned PDF gives one OCR
 * warning per page; a reader needs one plain statement of which pages were read by machine and
 * what that means for the quotes, not forty near-identical lines.
 */
import type { ParseWarning } from '@redliner/parser';

/** A parse warning as the API sends it (the parser's own type). */
export type FileWarning = ParseWarning;

/** One line of the notice; `ocr` marks the statement about pages read by OCR. */
export interface FileNoticeLine {
  text: string;
  ocr: boolean;
}

/** "1–3, 7, 9–10": sorted page numbers with runs joined. */
export function pageRanges(pages: readonly number[]): string {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i]!;
    while (i + 1 < sorted.length && sorted[i + 1] === sorted[i]! + 1) i++;
    parts.push(start === sorted[i] ? String(start) : `${start}–${sorted[i]}`);
  }
  return parts.join(', ');
}

const confidenceOf = (message: string): number | undefined => {
  const match = /confidence (\d+)%/.exec(message);
  return match ? Number(match[1]) : undefined;
};

/** The OCR pages of a document's warnings (empty for a file with a text layer throughout). */
export function ocrPages(warnings: readonly FileWarning[]): number[] {
  return [...new Set(warnings.filter((w) => w.code === 'PDF_OCR_PAGE').flatMap((w) => w.pages ?? []))].sort((a, b) => a - b);
}

/** The notice's lines: the OCR statement first (when there is one), then every other warning as written. */
export function fileNoticeLines(warnings: readonly FileWarning[]): FileNoticeLine[] {
  const ocr = warnings.filter((w) => w.code === 'PDF_OCR_PAGE');
  const lines: FileNoticeLine[] = [];
  const pages = ocrPages(warnings);
  if (pages.length > 0) {
    const one = pages.length === 1;
    const lowest = ocr
      .map((w) => ({ page: w.pages?.[0], confidence: confidenceOf(w.message) }))
      .filter((w): w is { page: number; confidence: number } => w.page !== undefined && w.confidence !== undefined)
      .sort((a, b) => a.confidence - b.confidence)[0];
    const doubt = lowest && lowest.confidence < 90 ? ` The least certain is page ${lowest.page} (${lowest.confidence}% confidence).` : '';
    lines.push({
      ocr: true,
      text: `${one ? 'Page' : 'Pages'} ${pageRanges(pages)} ${one ? 'was a scanned image' : 'were scanned images'}: the text was read by optical character recognition (OCR) and may contain recognition errors, such as a wrong digit in a number or a missed word.${doubt} Check every quote and finding from ${one ? 'this page' : 'these pages'} against the original page before relying on it.`,
    });
  }
  for (const warning of warnings) if (warning.code !== 'PDF_OCR_PAGE') lines.push({ text: warning.message, ocr: false });
  return lines;
}
