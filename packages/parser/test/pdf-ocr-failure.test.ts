/**
 * When text recognition fails on a scanned page (tesseract throws: out of memory, a damaged
 * picture), the page is named in a PDF_OCR_FAILED warning and the rest of the document is read.
 * The failure is injected at the engine boundary (`withOcr`): a real engine has no reliable way
 * to fail on demand, and everything around it (picture, warning, document) is the real code.
 */
import { describe, expect, it, vi } from 'vitest';
import { parseDocument } from '../src/index.ts';
import { imageOnlyPdf } from './scanned-pdf.ts';

vi.mock('../src/ocr/ocr-engine.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/ocr/ocr-engine.ts')>();
  return {
    ...original,
    withOcr: async <T>(fn: (recognize: import('../src/ocr/ocr-engine.ts').RecognizeImage) => Promise<T>) => fn(async () => ({ ok: false, reason: 'failed', detail: 'the engine ran out of memory' })),
  };
});

describe('a scanned page whose OCR fails', () => {
  it('is named in a PDF_OCR_FAILED warning, and the pages with text are still read', async () => {
    const grey = new Uint8Array(64 * 64).fill(255).map((v, i) => (i % 7 === 0 ? 0 : v));
    const pdf = imageOnlyPdf([
      { width: 1, height: 1, grey: new Uint8Array([255]), pageWidth: 612, pageHeight: 792, text: 'This page has a real text layer and a clause about payment of claims.' },
      { width: 64, height: 64, grey, pageWidth: 612, pageHeight: 792 },
    ]);
    const document = await parseDocument(pdf, { name: 'mixed.pdf' });
    expect(document.text).toMatch(/^This page has a real text layer/);
    const failed = document.warnings.filter((w) => w.code === 'PDF_OCR_FAILED');
    expect(failed).toEqual([expect.objectContaining({ pages: [2] })]);
    expect(failed[0]!.message).toMatch(/^Page 2 is a scanned image and text recognition \(OCR\) failed on it \(the engine ran out of memory\), so its text was not reviewed\. Check this page yourself\.$/);
  }, 60_000);
});
