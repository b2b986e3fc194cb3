/** Uploading a scanned PDF: read by OCR in the parse worker, the review says so, and the server option turns it off. */
import { afterAll, describe, expect, it } from 'vitest';
import { closeParserPool, type ParseWarning } from '@redliner/parser';
import { cleanupDirs, FIXTURES, makeApp, problemOf, upload } from './helpers.ts';

afterAll(async () => {
  await closeParserPool();
  cleanupDirs();
});

describe('scanned PDF uploads', () => {
  it('are read by OCR: findings on the page, OCR pages in the warnings, OCR time in Server-Timing', async () => {
    const app = await makeApp();
    try {
      const res = await upload(app, FIXTURES.scannedTextPdf);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.headers['server-timing']).toMatch(/ocr;dur=[\d.]+;desc="1 scanned page"/);
      const review = res.json() as { document: { text: string; warnings: ParseWarning[] }; pageBoxes?: Record<string, unknown[]> };
      expect(review.document.text).toContain('6.2 Recoupment. Plan may recover any overpayment');
      expect(review.document.warnings.map((w) => [w.code, w.pages])).toEqual([['PDF_OCR_PAGE', [1]]]);
      expect(Object.values(review.pageBoxes ?? {}).some((boxes) => boxes.length > 0)).toBe(true);
    } finally {
      await app.close();
    }
  }, 60_000);

  it('report page-by-page progress to the id the client sent, and forget it once answered', async () => {
    const app = await makeApp();
    try {
      const uploadId = 'test-upload-0001';
      const seen: unknown[] = [];
      let finished = false;
      const pending = upload(app, FIXTURES.scannedTextPdf, { uploadId }).finally(() => (finished = true));
      while (!finished) {
        seen.push((await app.inject({ method: 'GET', url: `/api/uploads/${uploadId}/progress` })).json());
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect((await pending).statusCode).toBe(201);
      expect(seen).toContainEqual({ stage: 'ocr', page: 1, done: 0, total: 1 });
      expect((await app.inject({ method: 'GET', url: `/api/uploads/${uploadId}/progress` })).json()).toEqual({ stage: 'reading' });
      expect((await app.inject({ method: 'GET', url: '/api/uploads/x/progress' })).statusCode).toBe(400);
    } finally {
      await app.close();
    }
  }, 60_000);

  it('are refused as scanned when the server runs with OCR off', async () => {
    const app = await makeApp({ ocr: false });
    try {
      const problem = problemOf(await upload(app, FIXTURES.scannedTextPdf));
      expect([problem.httpStatus, problem.code]).toEqual([422, 'PDF_SCANNED']);
    } finally {
      await app.close();
    }
  });
});
