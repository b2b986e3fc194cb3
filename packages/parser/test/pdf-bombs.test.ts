import { describe, expect, it } from 'vitest';
import type { ParseError } from '../src/errors.ts';
import { extractPdf } from '../src/pdf/extract-pdf.ts';
import { MAX_PDF_PAGES } from '../src/pdf/load-pdf.ts';
import { flateBombPdf, manyPagesPdf } from './hostile-builders.ts';
import { parseErrorOf } from './parse-error-of.ts';

const failure = (bytes: Uint8Array): Promise<ParseError> => parseErrorOf(extractPdf(bytes, { name: 'hostile.pdf' }));

describe('extractPdf: bounded work', () => {
  it('stops a flate stream at the decoded-size cap and says so, instead of inflating it all', async () => {
    const error = await failure(flateBombPdf(200));
    expect(error.code).toBe('PDF_TOO_LARGE');
    expect(error.message).toMatch(/unpacks to more than 64 MB/);
  });

  it('refuses a PDF with more pages than it reads, naming the count', async () => {
    const error = await failure(manyPagesPdf(MAX_PDF_PAGES + 1));
    expect(error.code).toBe('PDF_TOO_LARGE');
    expect(error.message).toContain('2,001 pages');
    expect(error.message).toMatch(/Split it/);
  });
});
