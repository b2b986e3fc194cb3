import { describe, expect, it } from 'vitest';
import { extractPdf } from '../src/pdf/extract-pdf.ts';
import type { RemovedFurniture } from '../src/pdf/page-furniture.ts';
import type { TextLine } from '../src/pdf/pdf-types.ts';
import { printedPageNumbers } from '../src/pdf/printed-page-numbers.ts';
import { parseDocument } from '../src/parse-document.ts';
import { locate } from '../src/locate.ts';
import { fixture } from './pdf-helpers.ts';

const line = (text: string): TextLine => ({ page: 1, baseline: 0, size: 9, x0: 0, x1: 100, fragments: [], text });
const page = (n: number, bottom: string[], top: string[] = []): RemovedFurniture => ({ page: n, top: top.map(line), bottom: bottom.map(line) });

describe('printedPageNumbers', () => {
  it('reads "Page N of M", "- N -" and "N/M", and leaves a page that prints none empty', () => {
    const pages = [page(1, ['Cover letter']), page(2, ['Agreement', 'Page 1 of 3']), page(3, ['Agreement', '- 2 -']), page(4, ['Agreement', 'FORM-9 | 3/3'])];
    expect(printedPageNumbers(pages, 4)).toEqual(['', '1', '2', '3']);
  });

  it('reads exhibit page numbers and roman front matter as printed', () => {
    expect(printedPageNumbers([page(1, ['Exhibit B Page B-1']), page(2, ['Exhibit B Page B-2'])], 2)).toEqual(['B-1', 'B-2']);
    const front = [page(1, ['i']), page(2, ['ii']), page(3, ['iii']), page(4, ['iv'])];
    expect(printedPageNumbers(front, 4)).toEqual(['i', 'ii', 'iii', 'iv']);
  });

  it('takes a number among other words only where it counts up with the pages', () => {
    const counting = [5, 6, 7, 8].map((n, k) => page(k + 1, [`Provider Agreement PP Exhibit ${n} [####]`, '© 2024 July Washington, Inc.']));
    expect(printedPageNumbers(counting, 4)).toEqual(['5', '6', '7', '8']);
    const steady = [1, 2, 3, 4].map((n) => page(n, ['Form 112 rev. 3 © 2024']));
    expect(printedPageNumbers(steady, 4)).toBeUndefined();
  });

  it('does not read a lone number that does not count up (a figure’s "1") as a page number', () => {
    const pages = [page(1, []), page(2, ['1']), page(3, []), page(4, ['Draft'])];
    expect(printedPageNumbers(pages, 4)).toBeUndefined();
  });
});

describe('printed page numbers in a parsed PDF', () => {
  it('keeps each page’s printed number, and a location cites it where it differs from the PDF page', async () => {
    const raw = await extractPdf(fixture('printed-pages.pdf'), { name: 'printed-pages.pdf' });
    expect(raw.printedPages).toEqual(['', '1', '2', '3']);
    const doc = await parseDocument(fixture('printed-pages.pdf'), { name: 'printed-pages.pdf' });
    const at = doc.text.indexOf('Plan may terminate');
    expect(locate(doc, at)).toMatchObject({ page: 3, printedPage: '2' });
    // The cover letter prints no number: nothing to cite but the PDF page.
    expect(locate(doc, doc.text.indexOf('Dear Doctor')).printedPage).toBeUndefined();
  });
});
