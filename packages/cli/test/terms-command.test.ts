import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runArgv } from './run.ts';

const DOCX = fileURLToPath(new URL('../../../test/fixtures/contracts/payer-draft.docx', import.meta.url));

describe('redliner terms', () => {
  it('prints the versioned key-terms JSON, every field stated or not', async () => {
    const { code, out } = await runArgv(['terms', DOCX, '--format', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(out) as { version: number; document: { name: string }; terms: Array<{ id: string; status: string }> };
    expect(report.version).toBe(1);
    expect(report.document.name).toBe('payer-draft.docx');
    expect(report.terms.map((t) => t.id)).toContain('non-renewal-notice');
    expect(report.terms.every((t) => ['stated', 'not-stated'].includes(t.status))).toBe(true);
  }, 60_000);

  it('writes CSV with a header and a row per field, and text with every title', async () => {
    const csv = await runArgv(['terms', DOCX, '--format', 'csv']);
    expect(csv.out.split('\r\n')[0]).toBe('\uFEFFContract,Field,Term,Status,Value,As written,Clause,Section,Page,Quote,Corrected');
    const text = await runArgv(['terms', DOCX]);
    expect(text.out).toMatch(/^Key terms: payer-draft\.docx/);
    expect(text.out).toMatch(/Governing law: /);
  }, 60_000);

  it('refuses a second file and an unknown format as usage errors', async () => {
    expect((await runArgv(['terms', DOCX, DOCX])).code).toBe(2);
    const bad = await runArgv(['terms', DOCX, '--format', 'xml']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--format must be one of text, json, csv/);
  });
});
