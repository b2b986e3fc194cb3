/**
 * Reads one page's text layer into positioned items in viewport space (top-left origin,
 * rotation applied), so later steps never deal with PDF's bottom-up coordinates.
 */
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PdfItem } from './pdf-types.ts';

type Matrix = [number, number, number, number, number, number];

function multiply(m: Matrix, n: readonly number[]): Matrix {
  const [a, b, c, d, e, f] = n as Matrix;
  return [
    m[0] * a + m[2] * b,
    m[1] * a + m[3] * b,
    m[0] * c + m[2] * d,
    m[1] * c + m[3] * d,
    m[0] * e + m[2] * f + m[4],
    m[1] * e + m[3] * f + m[5],
  ];
}

/** The page's size in viewport points and its text items; whitespace-only items are dropped (gaps carry the spacing). */
export async function readPageItems(page: PDFPageProxy, pageNumber: number): Promise<{ width: number; height: number; items: PdfItem[]; chars: number }> {
  const viewport = page.getViewport({ scale: 1 });
  const vt = viewport.transform as Matrix;
  const content = await page.getTextContent();
  const items: PdfItem[] = [];
  let chars = 0;
  for (const raw of content.items) {
    if (!('str' in raw)) continue;
    const str = raw.str;
    if (!str || !/\S/.test(str)) continue;
    const m = multiply(vt, raw.transform);
    const size = Math.hypot(m[2], m[3]) || Math.hypot(m[0], m[1]);
    if (!(size > 0.5) || !Number.isFinite(m[4]) || !Number.isFinite(m[5])) continue;
    // pdf.js reports width in page units already; rotated text is measured along x as if horizontal.
    const width = Number.isFinite(raw.width) ? Math.max(0, raw.width) : 0;
    items.push({ str, page: pageNumber, x: m[4], baseline: m[5], width, size });
    chars += str.replace(/\s+/g, '').length;
  }
  return { width: viewport.width, height: viewport.height, items, chars };
}
