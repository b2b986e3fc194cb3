/**
 * Scanned pages read by OCR: the committed `scanned-text.pdf` is a picture of the page in
 * fixtures/pdf/scanned-pages.ts, so what OCR reads, and where, is checked against that page's
 * own text layer. Each recognition takes a few seconds, hence the longer limits.
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageBoxes, parseDocument, type ContractDocument } from '../src/index.ts';
import { ocrWorkerOptions } from '../src/ocr/ocr-engine.ts';
import { openPdf } from '../src/pdf/load-pdf.ts';
import { buildPdf } from './fixtures/pdf/pdf-writer.ts';
import { scannedPages } from './fixtures/pdf/scanned-pages.ts';
import { parseErrorOf } from './parse-error-of.ts';
import { fixture } from './pdf-helpers.ts';
import { imageOnlyPdf } from './scanned-pdf.ts';

const OCR_MS = 60_000;

function boxOf(document: ContractDocument, words: string) {
  const start = document.text.indexOf(words);
  expect(start, `"${words}" in the text`).toBeGreaterThanOrEqual(0);
  const boxes = pageBoxes(document.sourceMap, { start, end: start + words.length });
  expect(boxes).toHaveLength(1);
  return boxes[0]!;
}

describe('OCR of scanned pages', () => {
  const scanned = parseDocument(fixture('scanned-text.pdf'), { name: 'scanned-text.pdf' });
  const layer = parseDocument(buildPdf(scannedPages), { name: 'text.pdf' });

  it('reads the page as its text layer reads: same text, clause labels, heading and table cells', async () => {
    const [ocr, text] = await Promise.all([scanned, layer]);
    expect(ocr.text).toBe(text.text);
    expect(ocr.blocks.map((b) => [b.kind, b.label ?? null])).toEqual(text.blocks.map((b) => [b.kind, b.label ?? null]));
    expect(ocr.blocks.filter((b) => b.kind === 'table-cell')).toHaveLength(9);
  }, OCR_MS);

  it('puts each recognized word where the page prints it, in PDF points from the top-left', async () => {
    const [ocr, text] = await Promise.all([scanned, layer]);
    // [words, whole text run of the page]: the text path spreads a run's characters evenly over
    // its width, so only a whole run's right edge is exact there.
    const cases: Array<[string, boolean]> = [['6.2 Recoupment.', false], ['(a) Provider may appeal', false], ['Lesser of billed charges or $7.25', true], ['ARTICLE 6 PAYMENT', true]];
    for (const [words, whole] of cases) {
      const a = boxOf(ocr, words);
      const b = boxOf(text, words);
      expect(a.page).toBe(1);
      expect(Math.abs(a.x - b.x), words).toBeLessThan(3);
      if (whole) expect(Math.abs(a.x + a.width - (b.x + b.width)), words).toBeLessThan(3);
      // The text path boxes from 0.8 em above the baseline; OCR estimates the em from the ink.
      expect(Math.abs(a.y - b.y), words).toBeLessThan(3);
    }
  }, OCR_MS);

  it('says the page was recognized by OCR and may hold recognition errors', async () => {
    const { warnings } = await scanned;
    expect(warnings).toEqual([expect.objectContaining({ code: 'PDF_OCR_PAGE', pages: [1] })]);
    expect(warnings[0]!.message).toMatch(/recognized by OCR .*may contain recognition errors/);
  }, OCR_MS);

  it('with OCR off, refuses a fully scanned PDF as before', async () => {
    const error = await parseErrorOf(parseDocument(fixture('scanned-text.pdf'), { name: 'scanned-text.pdf', ocr: false }));
    expect(error.code).toBe('PDF_SCANNED');
    expect(error.message).toMatch(/Run OCR first/);
  });

  it('reports progress page by page', async () => {
    const seen: string[] = [];
    await parseDocument(fixture('scanned-text.pdf'), { name: 'scanned-text.pdf', onProgress: (p) => seen.push(`${p.stage} ${p.done}/${p.total} p${p.page}`) });
    expect(seen).toEqual(['ocr 0/1 p1', 'ocr 1/1 p1']);
  }, OCR_MS);
});

describe('the OCR time limit per page', () => {
  it('gives up on a page that takes too long, names it, and keeps the rest of the document', async () => {
    // Page 1 has a text layer; page 2 is the scanned picture, whose engine cannot even start in 1 ms.
    const { client } = await openPdf(fixture('scanned-text.pdf'), 'scanned-text.pdf', undefined, 30_000);
    const picture = await client.pageImage(1).finally(() => client.dispose());
    const pdf = imageOnlyPdf([
      { width: 1, height: 1, grey: new Uint8Array([255]), pageWidth: 612, pageHeight: 792, text: 'This page has a real text layer and a clause about payment of claims.' },
      { width: picture.width, height: picture.height, grey: picture.grey, pageWidth: 612, pageHeight: 792 },
    ]);
    const document = await parseDocument(pdf, { name: 'mixed.pdf', ocrPageTimeoutMs: 1 });
    expect(document.text).toMatch(/^This page has a real text layer/);
    expect(document.warnings).toEqual([expect.objectContaining({ code: 'PDF_OCR_TIMEOUT', pages: [2] })]);
    expect(document.warnings[0]!.message).toMatch(/Page 2 is a scanned image and text recognition \(OCR\) did not finish within 0 seconds/);
    // The engine that was stopped is replaced: the next document is read normally.
    const again = await parseDocument(pdf, { name: 'mixed.pdf' });
    expect(again.text).toContain('6.2 Recoupment. Plan may recover any overpayment');
  }, OCR_MS);

  it('refuses a fully scanned PDF none of whose pages could be read in time', async () => {
    const error = await parseErrorOf(parseDocument(fixture('scanned-text.pdf'), { name: 'scanned-text.pdf', ocrPageTimeoutMs: 1 }));
    expect(error.code).toBe('PDF_SCANNED');
    expect(error.message).toMatch(/did not finish within the time limit on page 1/);
  }, OCR_MS);
});

describe('OCR never uses the network', () => {
  it('reads the English model from the installed package, with no cache and no URL', () => {
    const options = ocrWorkerOptions();
    expect(isAbsolute(options.langPath!)).toBe(true);
    expect(options.langPath).not.toMatch(/^[a-z]+:/i);
    expect(existsSync(join(options.langPath!, 'eng.traineddata.gz'))).toBe(true);
    expect(options.cacheMethod).toBe('none');
    expect(options.workerPath).toMatch(/ocr-thread\.cjs$/);
  });

  it('runs tesseract in a thread where fetch always fails', async () => {
    const entry = ocrWorkerOptions().workerPath!;
    const code = `
      const { parentPort } = require('node:worker_threads');
      require(${JSON.stringify(entry)});
      fetch('https://cdn.jsdelivr.net/npm/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz')
        .then(() => parentPort.postMessage('fetched'), (e) => parentPort.postMessage(String(e.message)));`;
    const worker = new Worker(code, { eval: true });
    const answer = await new Promise<string>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    }).finally(() => worker.terminate());
    expect(answer).toMatch(/network access is disabled for OCR/);
  });
});
