import { afterAll, afterEach, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { closeParserPool, parseDocument } from '@redliner/parser';
import type { FastifyInstance } from 'fastify';
import { cleanupDirs, FIXTURES, makeApp, upload } from './helpers.ts';

const apps: FastifyInstance[] = [];
afterEach(async () => {
  for (const made of apps.splice(0)) await made.close();
});
afterAll(async () => {
  await closeParserPool();
  cleanupDirs();
});

interface ReviewFinding {
  id: string;
  concept: string;
  quote: string;
  redline?: { op: string; text: string };
}

describe('GET /api/reviews/:id/export.docx', () => {
  it('returns the original DOCX with exactly the decided changes and a comment per finding', async () => {
    const app = await makeApp();
    apps.push(app);
    const review = (await upload(app, FIXTURES.docx)).json() as { id: string; findings: ReviewFinding[] };
    const evergreen = review.findings.find((f) => f.concept === 'evergreen-renewal')!;
    const audit = review.findings.find((f) => f.concept === 'audit-lookback')!;
    const termination = review.findings.find((f) => f.concept === 'termination-without-cause')!;
    const put = (findingId: string, body: object) => app.inject({ method: 'PUT', url: `/api/reviews/${review.id}/decisions/${encodeURIComponent(findingId)}`, payload: body });
    expect((await put(evergreen.id, { action: 'reject', reason: 'We accept auto-renewal here.' })).statusCode).toBe(200);
    expect((await put(audit.id, { action: 'edit', text: 'Plan shall not audit any claim paid more than twelve (12) months earlier.' })).statusCode).toBe(200);

    const res = await app.inject(`/api/reviews/${review.id}/export.docx?author=Jane%20Counsel`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml.document');
    expect(res.headers['content-disposition']).toContain('payer-draft.redlined.docx');
    const bytes = new Uint8Array(res.rawPayload);

    const zip = await JSZip.loadAsync(bytes);
    const body = await zip.file('word/document.xml')!.async('string');
    const comments = await zip.file('word/comments.xml')!.async('string');
    expect(body).toContain('w:author="Jane Counsel"');
    expect((comments.match(/<w:comment /g) ?? []).length).toBe(review.findings.length);
    expect(comments).toContain('We accept auto-renewal here.');

    const accepted = (await parseDocument(bytes, { name: 'out.docx' })).text;
    expect(accepted).toContain('Plan shall not audit any claim paid more than twelve (12) months earlier.');
    // Rejected: the evergreen clause is unchanged.
    expect(accepted).toContain('shall automatically renew for successive one (1) year terms');
    // Undecided findings keep the default: their suggestion is applied.
    expect(termination.redline?.text).toBeTruthy();
    expect(accepted).toContain(termination.redline!.text.trim().slice(0, 50));

    // Asked to comment only on undecided findings: the decided edit is there, the undecided suggestion is not.
    const commentOnly = await app.inject(`/api/reviews/${review.id}/export.docx?undecided=comment`);
    expect(commentOnly.statusCode).toBe(200);
    expect(commentOnly.headers['x-redliner-applied']).toBe(String(review.findings.length));
    const onlyBytes = new Uint8Array(commentOnly.rawPayload);
    const onlyText = (await parseDocument(onlyBytes, { name: 'only.docx' })).text;
    expect(onlyText).toContain('Plan shall not audit any claim paid more than twelve (12) months earlier.');
    expect(onlyText).not.toContain(termination.redline!.text.trim().slice(0, 50));
    const onlyComments = await (await JSZip.loadAsync(onlyBytes)).file('word/comments.xml')!.async('string');
    expect((onlyComments.match(/<w:comment /g) ?? []).length).toBe(review.findings.length);
    expect(onlyComments).toContain('Not decided yet');

    const bad = await app.inject(`/api/reviews/${review.id}/export.docx?undecided=maybe`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toMatch(/suggest|comment/);
  });

  it('is a 404 problem for an unknown review', async () => {
    const app = await makeApp();
    apps.push(app);
    const res = await app.inject('/api/reviews/nope/export.docx');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('REVIEW_NOT_FOUND');
  });
});
