/**
 * Track Changes is on in every redline, and Reject All gives the original back exactly, also
 * when a new clause follows the last paragraph of a table cell, of the body, or the paragraph
 * before a table (a rejected mark there has no next paragraph to join). Checked on the XML
 * with the same rules Word applies (tracked-views.ts); LibreOffice does the same in
 * libreoffice-accept-reject.test.ts.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '@redliner/parser';
import { redline } from '../src/index.ts';
import { absenceAfter, entryText, parsed } from './helpers.ts';
import { newValidationErrors } from './ooxml-validate.ts';
import { textDocument } from './text-document.ts';
import { trackedParagraphs, view } from './tracked-views.ts';

const OPTIONS = { comments: false, author: 'Provider Counsel', date: '2025-02-01T09:00:00Z' };
const acceptAll = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, { action: 'accept' }]));
const texts = async (bytes: Uint8Array, mode: 'accept' | 'reject') => view(await trackedParagraphs(bytes), mode).map((p) => p.text);
/** What the OOXML validator finds that the original does not have (nothing when it is not installed). */
const invalid = newValidationErrors;

/** A parsed "PDF": paragraphs, a table, and a last paragraph. */
const pdfDocument = () =>
  textDocument([
    { kind: 'heading', level: 1, label: '1.', text: '1. Payment' },
    { kind: 'paragraph', label: '1.1', text: '1.1 Plan shall pay Clean Claims within sixty (60) days.' },
    { kind: 'table-cell', table: { table: 0, row: 0, col: 0 }, text: 'Service' },
    { kind: 'table-cell', table: { table: 0, row: 0, col: 1 }, text: 'Rate' },
    { kind: 'paragraph', text: 'Signed by the parties.' },
  ]);

describe('Track Changes is switched on', () => {
  it('in the original DOCX, once and in schema order', async () => {
    const { bytes, doc } = await parsed('payer-draft.docx');
    const finding = absenceAfter(doc, 'PROVIDER PARTICIPATION AGREEMENT', 'A new clause.');
    const result = await redline({ document: doc, findings: [finding], decisions: acceptAll([finding.id]), original: bytes, options: OPTIONS });
    expect(invalid(result.bytes, bytes)).toEqual([]);
    const settings = await entryText(result.bytes, 'word/settings.xml');
    expect(settings.match(/<w:trackRevisions\/>/g)).toHaveLength(1);
    // CT_Settings puts it after w:zoom and before w:defaultTabStop.
    expect(settings.indexOf('<w:trackRevisions/>')).toBeGreaterThan(settings.indexOf('<w:zoom'));
    expect(settings.indexOf('<w:trackRevisions/>')).toBeLessThan(settings.indexOf('<w:defaultTabStop'));
  });

  it('in a DOCX that has no settings part: one is added with its relationship and content type', async () => {
    const zip = await JSZip.loadAsync((await parsed('payer-draft.docx')).bytes);
    zip.remove('word/settings.xml');
    const rels = (await zip.file('word/_rels/document.xml.rels')!.async('string')).replace(/<Relationship [^>]*settings[^>]*\/>/, '');
    zip.file('word/_rels/document.xml.rels', rels);
    zip.file('[Content_Types].xml', (await zip.file('[Content_Types].xml')!.async('string')).replace(/<Override [^>]*settings\.xml[^>]*\/>/, ''));
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const doc = await parseDocument(bytes, { name: 'no-settings.docx' });
    const result = await redline({ document: doc, findings: [], original: bytes, options: OPTIONS });
    expect(await entryText(result.bytes, 'word/settings.xml')).toContain('<w:trackRevisions/>');
    expect(await entryText(result.bytes, 'word/_rels/document.xml.rels')).toMatch(/Type="[^"]*\/settings" Target="settings.xml"/);
    expect(await entryText(result.bytes, '[Content_Types].xml')).toContain('PartName="/word/settings.xml"');
    expect(invalid(result.bytes, bytes)).toEqual([]);
  });
});

describe('Reject All restores the original', () => {
  it('DOCX: new clauses after the last paragraph of a cell, of the body and of a list', async () => {
    const { bytes, doc } = await parsed('word-isms.docx');
    const findings = [
      absenceAfter(doc, '(CPT code)', 'New clause in a cell.', 'cell@1'),
      absenceAfter(doc, 'per visit', 'New clause in the last cell.', 'cell@2'),
      absenceAfter(doc, 'Late payments bear interest.', 'New numbered clause.', 'list@3'),
      absenceAfter(doc, 'After the table.', 'New last clause.', 'body@4'),
      absenceAfter(doc, 'After the table.', 'Another new last clause.', 'body@5'),
    ];
    const result = await redline({ document: doc, findings, decisions: acceptAll(findings.map((f) => f.id)), original: bytes, options: OPTIONS });
    expect(await texts(result.bytes, 'reject')).toEqual(await texts(bytes, 'reject'));
    expect(invalid(result.bytes, bytes)).toEqual([]);
    const accepted = await texts(result.bytes, 'accept');
    expect(accepted.length).toBe((await texts(bytes, 'accept')).length + 5);
    // Several clauses after one anchor keep the findings' order.
    expect(accepted.slice(-3)).toEqual(['After the table.', 'New last clause.', 'Another new last clause.']);
    expect(accepted[accepted.indexOf('(CPT code)') + 1]).toBe('New clause in a cell.');
  });

  it('DOCX: a new clause after a last paragraph the payer inserted keeps the payer\'s paragraph whole', async () => {
    // The payer's own tracked insertion of the document's last paragraph, mark included.
    const zip = await JSZip.loadAsync((await parsed('word-isms.docx')).bytes);
    const payer = 'w:author="Payer Counsel" w:date="2025-01-15T09:00:00Z"';
    const xml = (await zip.file('word/document.xml')!.async('string')).replace(
      '<w:p><w:pPr></w:pPr><w:r><w:t xml:space="preserve">After the table.</w:t></w:r></w:p>',
      `<w:p><w:pPr><w:rPr><w:ins w:id="9001" ${payer}/></w:rPr></w:pPr><w:ins w:id="9002" ${payer}><w:r><w:t xml:space="preserve">After the table.</w:t></w:r></w:ins></w:p>`,
    );
    expect(xml).toContain('w:id="9002"');
    zip.file('word/document.xml', xml);
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const doc = await parseDocument(bytes, { name: 'payer-edits.docx' });
    const finding = absenceAfter(doc, 'After the table.', 'New last clause.', 'body@1');
    const result = await redline({ document: doc, findings: [finding], decisions: acceptAll([finding.id]), original: bytes, options: OPTIONS });
    // Rejecting only our change (the payer's accepted) gives the payer's text back, with no empty paragraph.
    const ours = async (b: Uint8Array, mode: 'accept' | 'reject') => view(await trackedParagraphs(b, { author: OPTIONS.author }), mode).map((p) => p.text);
    expect(await ours(result.bytes, 'reject')).toEqual(await ours(bytes, 'reject'));
    expect((await ours(result.bytes, 'accept')).slice(-2)).toEqual(['After the table.', 'New last clause.']);
    // Rejecting everything gives what rejecting everything in the original gives.
    expect(await texts(result.bytes, 'reject')).toEqual(await texts(bytes, 'reject'));
    expect(invalid(result.bytes, bytes)).toEqual([]);
  });

  it('PDF: new clauses before a table and at the end of the body', async () => {
    const doc = pdfDocument();
    const findings = [absenceAfter(doc, 'sixty (60) days.', 'Before the table.', 'a@1'), absenceAfter(doc, 'Signed by the parties.', 'At the very end.', 'b@2')];
    const result = await redline({ document: doc, findings, decisions: acceptAll(findings.map((f) => f.id)), options: OPTIONS });
    const pristine = await redline({ document: doc, findings, decisions: Object.fromEntries(findings.map((f) => [f.id, { action: 'reject' }])), options: OPTIONS });
    expect(await texts(result.bytes, 'reject')).toEqual(await texts(pristine.bytes, 'accept'));
    expect(invalid(result.bytes)).toEqual([]);
    expect(invalid(pristine.bytes)).toEqual([]);
    const accepted = await texts(result.bytes, 'accept');
    expect(accepted.slice(-2)).toEqual(['Signed by the parties.', 'At the very end.']);
    // Numbered like the clause it follows (new-clause-label.ts).
    expect(accepted[accepted.indexOf('1.1 Plan shall pay Clean Claims within sixty (60) days.') + 1]).toBe('1.2 Before the table.');
  });
});
