import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { parseDocument } from '@redliner/parser';
import { newValidationErrors } from '../../redline/test/ooxml-validate.ts';
import { FIXTURES, upload, useApps } from './helpers.ts';

const openApp = useApps();

interface ReviewFinding {
  id: string;
  concept: string;
  quote: string;
  redline?: { op: string; text: string };
}

describe('GET /api/reviews/:id/export.docx', () => {
  it('returns the payer copy by default: only the decided changes, under the author, with payer comments only', async () => {
    const app = await openApp();
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
    expect(res.headers['content-disposition']).toContain('filename="payer-draft - redline.docx"');
    expect(res.headers['x-redliner-audience']).toBe('payer');
    expect(res.headers['x-redliner-applied']).toBe('1');
    const bytes = new Uint8Array(res.rawPayload);
    const original = new Uint8Array(readFileSync(FIXTURES.docx));
    expect(newValidationErrors(bytes, original)).toEqual([]);

    const zip = await JSZip.loadAsync(bytes);
    const body = await zip.file('word/document.xml')!.async('string');
    expect(new Set([...body.matchAll(/<w:(?:ins|del) [^>]*w:author="([^"]*)"/g)].map((m) => m[1]))).toEqual(new Set(['Jane Counsel']));
    const comments = (await zip.file('word/comments.xml')?.async('string')) ?? '';
    // At most the edited change's payer comment; never the reason, the analysis or the rule.
    expect((comments.match(/<w:comment /g) ?? []).length).toBeLessThanOrEqual(1);
    for (const word of ['We accept auto-renewal here.', 'Rule:', 'risk:', 'Decision:', 'Not decided yet', 'INTERNAL']) expect(comments).not.toContain(word);

    const accepted = (await parseDocument(bytes, { name: 'out.docx' })).text;
    expect(accepted).toContain('Plan shall not audit any claim paid more than twelve (12) months earlier.');
    // Rejected: the evergreen clause is unchanged. Undecided: the termination suggestion is not proposed.
    expect(accepted).toContain('shall automatically renew for successive one (1) year terms');
    expect(termination.redline?.text).toBeTruthy();
    expect(accepted).not.toContain(termination.redline!.text.trim().slice(0, 50));

    // Without comments: none at all.
    const silent = await app.inject(`/api/reviews/${review.id}/export.docx?comments=false`);
    expect(silent.statusCode).toBe(200);
    expect(newValidationErrors(new Uint8Array(silent.rawPayload), original)).toEqual([]);
    expect((await JSZip.loadAsync(new Uint8Array(silent.rawPayload))).file('word/comments.xml')).toBeNull();

    // The internal copy: named as such, every finding commented, the first comment marked internal.
    const internal = await app.inject(`/api/reviews/${review.id}/export.docx?audience=internal&author=Jane%20Counsel`);
    expect(internal.statusCode).toBe(200);
    expect(internal.headers['content-disposition']).toContain('filename="payer-draft - internal redline.docx"');
    expect(internal.headers['x-redliner-audience']).toBe('internal');
    const internalBytes = new Uint8Array(internal.rawPayload);
    expect(newValidationErrors(internalBytes, original)).toEqual([]);
    const internalComments = await (await JSZip.loadAsync(internalBytes)).file('word/comments.xml')!.async('string');
    expect((internalComments.match(/<w:comment /g) ?? []).length).toBe(review.findings.length);
    expect(internalComments).toContain('INTERNAL — not for the payer');
    expect(internalComments).toContain('We accept auto-renewal here.');
    expect(internalComments).toContain('Not decided yet');
    expect((await parseDocument(internalBytes, { name: 'internal.docx' })).text).toBe(accepted);

    const bad = await app.inject(`/api/reviews/${review.id}/export.docx?audience=counsel`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toMatch(/payer.*internal/);
    // The old switch is gone: findings without a decision never change the text.
    expect((await app.inject(`/api/reviews/${review.id}/export.docx?undecided=suggest`)).statusCode).toBe(400);
  });

  it('is a 404 problem for an unknown review', async () => {
    const app = await openApp();
    const res = await app.inject('/api/reviews/nope/export.docx');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('REVIEW_NOT_FOUND');
  });
});

describe('GET /api/reviews/:id/issues.(xlsx|docx|csv)', () => {
  it('returns the issues list of the saved decisions, the payer copy with requested changes only', async () => {
    const app = await openApp();
    const review = (await upload(app, FIXTURES.docx)).json() as { id: string; findings: ReviewFinding[] };
    const evergreen = review.findings.find((f) => f.concept === 'evergreen-renewal')!;
    const audit = review.findings.find((f) => f.concept === 'audit-lookback')!;
    const put = (findingId: string, body: object) => app.inject({ method: 'PUT', url: `/api/reviews/${review.id}/decisions/${encodeURIComponent(findingId)}`, payload: body });
    expect((await put(evergreen.id, { action: 'reject', reason: 'We accept auto-renewal here.' })).statusCode).toBe(200);
    const edited = 'Plan shall not audit any claim paid more than twelve (12) months earlier.';
    expect((await put(audit.id, { action: 'edit', text: edited })).statusCode).toBe(200);

    const csv = await app.inject(`/api/reviews/${review.id}/issues.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('filename="payer-draft - issues list.csv"');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(edited);
    expect(csv.body).not.toContain('We accept auto-renewal here.');

    const internal = await app.inject(`/api/reviews/${review.id}/issues.xlsx?audience=internal`);
    expect(internal.statusCode).toBe(200);
    expect(internal.headers['content-type']).toContain('spreadsheetml.sheet');
    expect(internal.headers['content-disposition']).toContain('filename="payer-draft - internal issues list.xlsx"');
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(internal.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Issues')!;
    expect(sheet.rowCount).toBe(review.findings.length + 1);
    const cells = JSON.stringify(sheet.getSheetValues());
    expect(cells).toContain('We accept auto-renewal here.');

    const docx = await app.inject(`/api/reviews/${review.id}/issues.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml.document');
    expect(newValidationErrors(new Uint8Array(docx.rawPayload))).toEqual([]);

    const bad = await app.inject(`/api/reviews/${review.id}/issues.xlsx?audience=everyone`);
    expect(bad.statusCode).toBe(400);
    expect((await app.inject('/api/reviews/no-such-review/issues.xlsx')).statusCode).toBe(404);
  });
});

describe('GET /api/reviews/:id/clauses and a whole-clause rewrite', () => {
  it('shows each clause as it will read, stores a rewrite of the whole clause with its decision, and exports it', async () => {
    const app = await openApp();
    const review = (await upload(app, FIXTURES.docx)).json() as { id: string; findings: ReviewFinding[] };
    const audit = review.findings.find((f) => f.concept === 'audit-lookback')!;
    const clauses = async () => {
      const res = await app.inject(`/api/reviews/${review.id}/clauses`);
      expect(res.statusCode).toBe(200);
      return new Map((res.json() as { previews: Array<{ findingId: string; basis: string; before: string; after: string }> }).previews.map((p) => [p.findingId, p]));
    };
    // Undecided: as it would read if the suggestion were accepted.
    const before = (await clauses()).get(audit.id)!;
    expect(before.basis).toBe('if-accepted');
    expect(before.before).toContain('at any time');
    expect(before.after).not.toBe(before.before);

    const mine = 'Plan may audit a claim only within twenty-four (24) months after payment, on thirty (30) days written notice, at a mutually agreed time.';
    const put = await app.inject({ method: 'PUT', url: `/api/reviews/${review.id}/decisions/${encodeURIComponent(audit.id)}`, payload: { action: 'edit', scope: 'clause', text: mine } });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ action: 'edit', scope: 'clause', text: mine });
    expect((await app.inject(`/api/reviews/${review.id}`)).json().decisions[audit.id]).toMatchObject({ scope: 'clause' });
    const after = (await clauses()).get(audit.id)!;
    expect(after).toMatchObject({ basis: 'decided' });
    expect(after.after.endsWith(mine)).toBe(true);

    const res = await app.inject(`/api/reviews/${review.id}/export.docx`);
    expect(res.statusCode).toBe(200);
    const accepted = (await parseDocument(new Uint8Array(res.rawPayload), { name: 'out.docx' })).text;
    expect(accepted).toContain(mine);
    expect(accepted).not.toContain('at any time and recover');

    const wrong = await app.inject({ method: 'PUT', url: `/api/reviews/${review.id}/decisions/${encodeURIComponent(audit.id)}`, payload: { action: 'edit', scope: 'paragraph', text: mine } });
    expect(wrong.statusCode).toBe(400);
    expect((await app.inject('/api/reviews/no-such-review/clauses')).statusCode).toBe(404);
  });
});
