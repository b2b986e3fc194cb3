import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeParserPool, minimalPdf } from '@redliner/parser';
import type { FastifyInstance } from 'fastify';
import { cleanupDirs, FIXTURES, makeApp, multipart, problemOf, upload } from './helpers.ts';

// One app for the file: starting the worker pools is most of a test's time.
let app: FastifyInstance;
beforeAll(async () => {
  app = await makeApp();
});
afterAll(async () => {
  await app.close();
  await closeParserPool();
  cleanupDirs();
});

interface PdfReview {
  id: string;
  findings: Array<{ id: string; ruleId: string; span: { start: number; end: number } | null }>;
  pageBoxes?: Record<string, Array<{ page: number; x: number; y: number; width: number; height: number }>>;
}

async function uploadPdf(a: FastifyInstance, bytes: Uint8Array): Promise<PdfReview> {
  const res = await a.inject({ method: 'POST', url: '/api/reviews', ...multipart({ name: 'two clauses.pdf', bytes }) });
  expect(res.statusCode).toBe(201);
  return res.json() as PdfReview;
}

describe('the original PDF and page boxes for the page view', () => {
  it('serves the uploaded PDF byte for byte, as a PDF the browser does not keep', async () => {
    const bytes = minimalPdf();
    const review = await uploadPdf(app, bytes);
    const res = await app.inject(`/api/reviews/${review.id}/original.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toMatch(/^inline; filename="two clauses.pdf"/);
    expect(new Uint8Array(res.rawPayload)).toEqual(bytes);
  });

  it('sends each located finding of a PDF review with its rectangles on the page', async () => {
    const review = await uploadPdf(app, minimalPdf());
    const evergreen = review.findings.find((f) => f.ruleId === 'evergreen-renewal')!;
    // "This Agreement renews automatically…" is the first line, after "1. Term. " (baseline 86 pt from the top).
    expect(review.pageBoxes?.[evergreen.id]).toEqual([{ page: 1, x: expect.any(Number), y: expect.any(Number), width: expect.any(Number), height: expect.any(Number) }]);
    const [box] = review.pageBoxes![evergreen.id]!;
    expect(box!.y).toBeLessThan(86);
    expect(box!.y + box!.height).toBeGreaterThan(86);
    expect(box!.x).toBeGreaterThan(100);
    // Absence findings have no span and so no boxes; the GET answer carries the same boxes.
    for (const f of review.findings.filter((f) => f.span === null)) expect(review.pageBoxes).not.toHaveProperty(f.id);
    expect((await app.inject(`/api/reviews/${review.id}`)).json().pageBoxes).toEqual(review.pageBoxes);
  });

  it('refuses the PDF of a Word review with a 409 that says what to do, and an unknown review with a 404', async () => {
    const docx = (await upload(app, FIXTURES.docx)).json() as PdfReview;
    expect(docx.pageBoxes).toBeUndefined();
    const conflict = problemOf(await app.inject(`/api/reviews/${docx.id}/original.pdf`));
    expect(conflict).toMatchObject({ httpStatus: 409, code: 'ORIGINAL_NOT_PDF', contentType: expect.stringContaining('application/problem+json') });
    expect(conflict.detail).toContain('payer-draft.docx');
    expect(conflict.detail).toContain('text view');
    expect(problemOf(await app.inject('/api/reviews/nope/original.pdf'))).toMatchObject({ httpStatus: 404, code: 'REVIEW_NOT_FOUND' });
  });
});
