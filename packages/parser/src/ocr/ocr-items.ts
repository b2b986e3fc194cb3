/**
 * Tesseract's words as positioned text items, the same shape pdf.js gives a text layer, so a
 * recognized page goes through the same line, column, paragraph and clause-number assembly and
 * its words land in the source map at their place on the page.
 */
import type Tesseract from 'tesseract.js';
import type { PdfItem } from '../pdf/pdf-types.ts';
import type { PageImage } from '../pdf/pdfjs-protocol.ts';
import { pixelToPage } from './page-picture.ts';

// The parser draws a glyph box from 0.8 em above the baseline; capitals and ascenders reach
// about 0.72 em, so the line's ink above its baseline is read as 0.72 em.
const INK_ABOVE_BASELINE_EM = 0.72;
// Lines of one page whose sizes differ by less than this share the page's common size: OCR
// measures each line a little differently, and the layout reads size changes as headings.
const SAME_SIZE = 0.15;
// A word tesseract is this unsure of, with no letter or digit, is a speck, rule or stamp edge.
const NOISE_CONFIDENCE = 60;

type Picture = Pick<PageImage, 'width' | 'height' | 'transform'>;

interface RecognizedLine {
  words: Array<{ text: string; x: number; width: number }>;
  baseline: number;
  size: number;
}

function isNoise(word: Tesseract.Word): boolean {
  return word.confidence < NOISE_CONFIDENCE && !/[\p{L}\p{N}]/u.test(word.text);
}

/** One tesseract line in page points: its words' left edges and widths, its baseline and font size. */
function readLine(line: Tesseract.Line, picture: Picture): RecognizedLine | null {
  const words: RecognizedLine['words'] = [];
  let top = Infinity;
  const { x0: bx0, y0: by0, x1: bx1, y1: by1 } = line.baseline;
  const slope = bx1 !== bx0 ? (by1 - by0) / (bx1 - bx0) : 0;
  let baselineSum = 0;
  for (const word of line.words) {
    const text = word.text.trim();
    if (!text || isNoise(word)) continue;
    const { x0, y0, x1, y1 } = word.bbox;
    const corners = [pixelToPage(picture, x0, y0), pixelToPage(picture, x1, y0), pixelToPage(picture, x0, y1), pixelToPage(picture, x1, y1)];
    const left = Math.min(...corners.map((p) => p.x));
    const right = Math.max(...corners.map((p) => p.x));
    top = Math.min(top, ...corners.map((p) => p.y));
    const mid = (x0 + x1) / 2;
    baselineSum += pixelToPage(picture, mid, by0 + slope * (mid - bx0)).y;
    words.push({ text, x: left, width: Math.max(0, right - left) });
  }
  if (words.length === 0) return null;
  const baseline = baselineSum / words.length;
  const size = (baseline - top) / INK_ABOVE_BASELINE_EM;
  if (!Number.isFinite(baseline) || !(size > 0.5)) return null;
  return { words, baseline, size };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Every recognized line of the page, in tesseract's order. */
function recognizedLines(page: Tesseract.Page): Tesseract.Line[] {
  return (page.blocks ?? []).flatMap((block) => block.paragraphs.flatMap((paragraph) => paragraph.lines));
}

/**
 * The words of a recognized page as PdfItems on page `pageNumber`. All words of a recognized
 * line share its baseline (a slightly skewed scan must not break a line in two), and line sizes
 * near the page's common size are set to it.
 */
export function ocrItems(page: Tesseract.Page, picture: Picture, pageNumber: number): PdfItem[] {
  const lines = recognizedLines(page).map((line) => readLine(line, picture)).filter((line): line is RecognizedLine => line !== null);
  const common = median(lines.map((line) => line.size));
  const items: PdfItem[] = [];
  for (const line of lines) {
    const size = Math.abs(line.size - common) <= SAME_SIZE * common ? common : line.size;
    for (const word of line.words) items.push({ str: word.text, page: pageNumber, x: word.x, baseline: line.baseline, width: word.width, size: Math.round(size * 10) / 10 });
  }
  return items;
}

/** Mean word confidence of a recognized page, 0–100 (0 when it has no words). */
export function ocrConfidence(page: Tesseract.Page): number {
  const words = recognizedLines(page).flatMap((line) => line.words);
  if (words.length === 0) return 0;
  return words.reduce((sum, word) => sum + word.confidence, 0) / words.length;
}
