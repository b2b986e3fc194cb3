/** PDF sources: a new DOCX from the parsed blocks, with tracked changes and comments. */
import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { parseDocument } from '@redliner/parser';
import type { ContractDocument } from '@redliner/parser';
import { redline } from './validated-redline.ts';
import { absenceAfter, entryText, findingOn, libreOfficeView, sofficePath } from './helpers.ts';
import { textDocument } from './text-document.ts';

/** A parsed "PDF" built by hand: the redline package only reads text and blocks. */
function pdfDocument(): ContractDocument {
  return textDocument([
    { kind: 'heading', level: 1, label: '1.', text: '1. Payment' },
    { kind: 'paragraph', label: '1.1', text: '1.1 Plan shall pay Clean Claims within sixty (60) days.' },
    { kind: 'paragraph', label: '1.2', text: '1.2 Plan may offset overpayments against any payment.' },
    { kind: 'table-cell', table: { table: 0, row: 0, col: 0 }, text: 'Service' },
    { kind: 'table-cell', table: { table: 0, row: 0, col: 1 }, text: 'Rate' },
    { kind: 'table-cell', table: { table: 0, row: 1, col: 0 }, text: 'Office visit' },
    { kind: 'table-cell', table: { table: 0, row: 1, col: 1 }, text: '$100.00' },
  ]);
}

const soffice = sofficePath();

describe('redline a PDF source', async () => {
  const doc = pdfDocument();
  const findings = [
    findingOn(doc, 'sixty (60) days', { op: 'replace', text: 'thirty (30) days' }, 'prompt'),
    findingOn(doc, '1.2 Plan may offset overpayments against any payment.', { op: 'delete', text: '' }, 'offset'),
    absenceAfter(doc, 'against any payment.', 'Plan shall not recoup any amount under dispute.'),
  ];
  const result = await redline({ document: doc, findings, options: { date: '2025-01-15T10:30:00Z', author: 'Redliner', audience: 'internal', acceptUndecided: true } });

  it('builds a DOCX whose accepted view has the changes', async () => {
    expect(result.skipped).toEqual([]);
    const out = await parseDocument(result.bytes, { name: 'out.docx' });
    expect(out.text).toContain('1.1 Plan shall pay Clean Claims within thirty (30) days.');
    expect(out.text).not.toContain('offset overpayments');
    expect(out.text).toContain('Plan shall not recoup any amount under dispute.');
    expect(out.text).toContain('Office visit');
    expect(out.blocks.find((b) => b.kind === 'heading')?.start).toBe(0);
  });

  it('writes comments and tracked changes with author and date', async () => {
    const xml = await entryText(result.bytes, 'word/document.xml');
    expect(xml).toMatch(/<w:del [^>]*w:author="Redliner"[^>]*w:date="2025-01-15T10:30:00Z"/);
    expect(await entryText(result.bytes, 'word/settings.xml')).toContain('<w:trackRevisions/>');
    expect((await entryText(result.bytes, 'word/comments.xml')).match(/<w:comment /g)).toHaveLength(3);
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(result.bytes) });
    expect(value).toContain('thirty (30) days');
  });

  it.skipIf(!soffice)('is read by LibreOffice', () => {
    const view = libreOfficeView(soffice!, result.bytes);
    expect(view.authors).toEqual(['Redliner']);
    expect(view.deletions).toBeGreaterThanOrEqual(2);
    expect(view.insertions).toBeGreaterThanOrEqual(2);
    expect(view.annotations).toBe(3);
  });
});
