/**
 * The scanned pages of a PDF, recognized: each image-only page's picture is taken from pdf.js,
 * read by Tesseract, and its words become the page's text lines, as if the PDF had a text layer.
 * Pages go one at a time (a scanned contract can be long; pictures are large), each under its
 * own time limit.
 */
import { withOcr } from '../ocr/ocr-engine.ts';
import { ocrConfidence, ocrItems } from '../ocr/ocr-items.ts';
import { toPgm } from '../ocr/page-picture.ts';
import { eraseRules, findPictureRules, rulingsOnPage } from '../ocr/picture-rulings.ts';
import type { ParseProgress, ParseWarning } from '../types.ts';
import { openPdf } from './load-pdf.ts';
import type { PageImage } from './pdfjs-protocol.ts';
import type { ReadPage } from './read-pages.ts';
import { extractRuledTables } from './tables.ts';
import { buildLines } from './text-lines.ts';

/** How scanned pages are recognized. */
export interface OcrSettings {
  /** Give up on one page after this many milliseconds (the engine's start counts toward the first). */
  pageTimeoutMs: number;
  onProgress?: (progress: ParseProgress) => void;
}

/** What OCR did to the pages. */
export interface OcrResult {
  pages: ReadPage[];
  /** Pages read by OCR, and those it gave up on. */
  recognized: number[];
  timedOut: number[];
  warnings: ParseWarning[];
}

// pdf.js time per page besides recognition (getting and decoding the picture), for the reader's own limit.
const PICTURE_MS = 15_000;

/** Pixels per inch of a picture as drawn on the page (tesseract reads small text better knowing it). */
function pictureDpi(picture: PageImage): number {
  const [a = 0, b = 0] = picture.transform;
  const inches = Math.hypot(a, b) / 72;
  return inches > 0 ? Math.min(1200, Math.max(70, picture.width / inches)) : 300;
}

/** Recognize every image-only page of `pages` (others are returned as they are). */
export async function ocrPages(bytes: Uint8Array, name: string, password: string | undefined, pages: readonly ReadPage[], settings: OcrSettings): Promise<OcrResult> {
  const todo = pages.filter((p) => p.imageOnly).map((p) => p.page);
  const out = [...pages];
  const result: OcrResult = { pages: out, recognized: [], timedOut: [], warnings: [] };
  if (todo.length === 0) return result;
  const { client } = await openPdf(bytes, name, password, todo.length * (settings.pageTimeoutMs + PICTURE_MS));
  try {
    await withOcr(async (recognize) => {
      for (const [index, number] of todo.entries()) {
        settings.onProgress?.({ stage: 'ocr', page: number, done: index, total: todo.length });
        const picture = await client.pageImage(number);
        if (picture.width === 0) continue;
        const dpi = pictureDpi(picture);
        const rules = findPictureRules(picture, dpi);
        const outcome = await recognize(toPgm(eraseRules(picture, rules)), { timeoutMs: settings.pageTimeoutMs, dpi });
        if (!outcome.ok) {
          if (outcome.reason === 'timeout') result.timedOut.push(number);
          else result.warnings.push({ code: 'PDF_OCR_FAILED', message: `Page ${number} is a scanned image and text recognition (OCR) failed on it (${outcome.detail}), so its text was not reviewed. Check this page yourself.`, pages: [number] });
          continue;
        }
        const items = ocrItems(outcome.page, picture, number);
        // A blank or purely graphic picture stays an unread image page, with the warning that says so.
        if (items.length === 0) continue;
        // Ruled tables read cell by cell, as on a page with a text layer.
        const { tables, lines } = extractRuledTables(buildLines(items), rulingsOnPage(picture, rules));
        const page = out[number - 1]!;
        out[number - 1] = { ...page, lines, tables, chars: items.reduce((sum, item) => sum + item.str.length, 0), imageOnly: false, ocr: true };
        result.recognized.push(number);
        const confidence = Math.round(ocrConfidence(outcome.page));
        result.warnings.push({
          code: 'PDF_OCR_PAGE',
          message: `Page ${number} is a scanned image: its text was recognized by OCR (average confidence ${confidence}%) and may contain recognition errors. Check quotes from this page against the page itself.`,
          pages: [number],
        });
      }
      settings.onProgress?.({ stage: 'ocr', page: todo[todo.length - 1]!, done: todo.length, total: todo.length });
    });
  } finally {
    await client.dispose();
  }
  if (result.timedOut.length > 0) {
    const list = result.timedOut;
    const one = list.length === 1;
    result.warnings.push({
      code: 'PDF_OCR_TIMEOUT',
      message: `${one ? 'Page' : 'Pages'} ${list.join(', ')} ${one ? 'is a scanned image' : 'are scanned images'} and text recognition (OCR) did not finish within ${Math.round(settings.pageTimeoutMs / 1000)} seconds a page, so ${one ? 'its' : 'their'} text was not reviewed. Check ${one ? 'it' : 'them'} yourself, or run OCR on the PDF with other software and upload the result.`,
      pages: list,
    });
  }
  return result;
}
