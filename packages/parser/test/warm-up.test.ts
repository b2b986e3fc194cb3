import { afterAll, describe, expect, it } from 'vitest';
import { closeParserPool, parseDocument, parseDocumentOffThread, parserQueue, warmUpParser } from '../src/index.ts';
import { minimalPdf } from '../src/pdf/warm-up.ts';

afterAll(() => closeParserPool());

describe('warm-up', () => {
  it('builds a valid PDF whose text pdf.js reads back with its clause numbers', async () => {
    const doc = await parseDocument(minimalPdf(), { name: 'warm-up.pdf' });
    expect(doc.format).toBe('pdf');
    expect(doc.text).toContain('This Agreement renews automatically for successive one-year terms.');
    expect(doc.blocks.map((b) => b.label)).toEqual(['1.', '2.']);
  });

  it('warms the parser pool, after which parsing works and nothing is left queued', async () => {
    await warmUpParser();
    expect(parserQueue()).toMatchObject({ running: 0, waiting: 0 });
    const doc = await parseDocumentOffThread(minimalPdf(), { name: 'again.pdf' });
    expect(doc.text).toContain('Plan shall pay clean claims within thirty (30) days.');
  });
});
