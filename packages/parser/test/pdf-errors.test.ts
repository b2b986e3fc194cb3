import { describe, expect, it } from 'vitest';
import type { ParseError } from '../src/errors.ts';
import { extractPdf } from '../src/pdf/extract-pdf.ts';
import { buildPdf } from './fixtures/pdf/pdf-writer.ts';
import { parseErrorOf } from './parse-error-of.ts';
import { fixture } from './pdf-helpers.ts';

const failure = (bytes: Uint8Array, password?: string, ocr = true): Promise<ParseError> => parseErrorOf(extractPdf(bytes, { name: 'test.pdf', ocr, ...(password !== undefined ? { password } : {}) }));

describe('extractPdf: errors', () => {
  it('asks for the password of an encrypted PDF', async () => {
    const error = await failure(fixture('encrypted.pdf'));
    expect(error.code).toBe('PDF_PASSWORD_REQUIRED');
    expect(error.message).toMatch(/password-protected/);
    expect(error.message).toMatch(/--password/);
  });

  it('rejects a wrong password', async () => {
    expect((await failure(fixture('encrypted.pdf'), 'wrong')).code).toBe('PDF_PASSWORD_INCORRECT');
  });

  it('opens an encrypted PDF with the right password', async () => {
    const raw = await extractPdf(fixture('encrypted.pdf'), { name: 'encrypted.pdf', password: 'secret' });
    expect(raw.blocks.map((b) => b.label)).toContain('4.2');
  });

  it('reports truncated and garbage files as corrupt', async () => {
    const whole = fixture('flow.pdf');
    expect((await failure(whole.slice(0, 400))).code).toBe('PDF_CORRUPT');
    const garbage = new TextEncoder().encode('this is not a PDF at all, just some text\n'.repeat(20));
    const error = await failure(garbage);
    expect(error.code).toBe('PDF_CORRUPT');
    expect(error.message).toMatch(/damaged or not a complete PDF/);
  });

  it('with OCR off, reports an image-only PDF as scanned', async () => {
    const error = await failure(fixture('scanned.pdf'), undefined, false);
    expect(error.code).toBe('PDF_SCANNED');
    expect(error.message).toMatch(/scanned/);
    expect(error.message).toMatch(/Run OCR first/);
  });

  it('reports an image-only PDF whose pictures hold no text as scanned and unreadable', async () => {
    const error = await failure(fixture('scanned.pdf'));
    expect(error.code).toBe('PDF_SCANNED');
    expect(error.message).toMatch(/text recognition \(OCR\) found no readable text/);
  }, 30_000);

  it('with OCR on, still refuses a PDF with no text and no picture to read', async () => {
    const error = await failure(buildPdf([{ texts: [] }]));
    expect(error.code).toBe('PDF_SCANNED');
  });

  it('warns about image-only pages in an otherwise readable PDF', async () => {
    const raw = await extractPdf(fixture('partly-scanned.pdf'), { name: 'partly-scanned.pdf', ocr: false });
    expect(raw.warnings).toEqual([expect.objectContaining({ code: 'PDF_IMAGE_ONLY_PAGES', pages: [2] })]);
    expect(raw.warnings[0]!.message).toMatch(/Run OCR on the PDF/);
    expect(raw.blocks[0]!.text).toMatch(/^This page has a real text layer/);
  });

  it('says when OCR found no text on an image page', async () => {
    const raw = await extractPdf(fixture('partly-scanned.pdf'), { name: 'partly-scanned.pdf' });
    expect(raw.warnings).toEqual([expect.objectContaining({ code: 'PDF_IMAGE_ONLY_PAGES', pages: [2] })]);
    expect(raw.warnings[0]!.message).toMatch(/text recognition \(OCR\) found no text/);
  }, 30_000);
});
