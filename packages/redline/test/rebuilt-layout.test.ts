/**
 * A Word file rebuilt from a PDF (rebuilt-layout.ts) reads like the contract: black headings,
 * page numbers, an exhibit that began a page begins one, clauses indented by depth, a table's
 * first row as its header, and a placeholder where the PDF had a scanned page.
 */
import { describe, expect, it } from 'vitest';
import { redline } from '../src/index.ts';
import { entries, entryText } from './helpers.ts';
import { newValidationErrors } from './ooxml-validate.ts';
import { textDocument } from './text-document.ts';

const doc = textDocument([
  { kind: 'heading', level: 1, text: '1. Term' },
  { kind: 'paragraph', label: '1.1', text: '1.1 This Agreement begins on the Effective Date.' },
  { kind: 'paragraph', label: '1.1.1', text: '1.1.1 It ends after one year.' },
  { kind: 'heading', level: 1, text: 'EXHIBIT A COMPENSATION' },
  { kind: 'table-cell', table: { table: 0, row: 0, col: 0 }, text: 'Service' },
  { kind: 'table-cell', table: { table: 0, row: 0, col: 1 }, text: 'Rate' },
  { kind: 'table-cell', table: { table: 0, row: 1, col: 0 }, text: 'Office visit' },
  { kind: 'table-cell', table: { table: 0, row: 1, col: 1 }, text: '110% of Medicare' },
  { kind: 'heading', level: 1, text: 'PROVIDER NETWORKS ATTACHMENT' },
  { kind: 'paragraph', text: 'Provider participates in the networks below.' },
  { kind: 'heading', level: 2, text: 'Fee Schedule Updates' },
]);
doc.blocks.forEach((b, i) => (b.page = i < 3 ? 1 : i < 8 ? 3 : i < 10 ? 4 : 5));
doc.pages = 5;
doc.warnings.push({ code: 'PDF_IMAGE_ONLY_PAGES', message: 'Page 2 is a scanned image.', pages: [2] });
doc.running = { header: ['Acme Health Plan | Form PA-7 & Rev. 3'], footer: ['Confidential'] };

describe('a Word file rebuilt from a PDF', async () => {
  const result = await redline({ document: doc, findings: [], decisions: {}, options: { author: 'Counsel', date: '2025-02-01T09:00:00Z' } });
  const body = await entryText(result.bytes, 'word/document.xml');
  const paragraphs = body.split('</w:p>');
  const paragraphWith = (text: string) => paragraphs.find((p) => p.includes(text)) ?? '';

  it('puts the scanned page where it was, as a visible placeholder', () => {
    const at = body.indexOf('[Page 2 of the original PDF is a scanned image');
    expect(at).toBeGreaterThan(body.indexOf('It ends after one year.'));
    expect(at).toBeLessThan(body.indexOf('EXHIBIT A COMPENSATION'));
  });

  it('starts the exhibit on a new page, indents a clause by its depth, and repeats the table header row', () => {
    expect(paragraphWith('EXHIBIT A COMPENSATION')).toContain('<w:pageBreakBefore');
    expect(paragraphWith('1. Term')).not.toContain('<w:pageBreakBefore');
    // A part named in a capitals title that began a page; a heading merely mentioning a schedule does not.
    expect(paragraphWith('PROVIDER NETWORKS ATTACHMENT')).toContain('<w:pageBreakBefore');
    expect(paragraphWith('Fee Schedule Updates')).not.toContain('<w:pageBreakBefore');
    // The labels are Word's numbering now (rebuilt-numbering.test.ts), the indent still the clause's depth.
    expect(paragraphWith('It ends after one year.')).toMatch(/<w:ind w:left="720"/);
    expect(paragraphWith('This Agreement begins')).toMatch(/<w:ind w:left="360"/);
    expect(body).toContain('<w:tblHeader');
  });

  it('numbers the pages and keeps headings black', async () => {
    const footerName = [...(await entries(result.bytes)).keys()].find((name) => /^word\/footer\d*\.xml$/.test(name));
    expect(footerName).toBeDefined();
    const footer = await entryText(result.bytes, footerName!);
    expect(footer).toContain('PAGE');
    expect(footer).toContain('NUMPAGES');
    expect(footer).toContain('Confidential');
  });

  it('prints the PDF’s running header, escaped, on every page', async () => {
    const headerName = [...(await entries(result.bytes)).keys()].find((name) => /^word\/header\d*\.xml$/.test(name));
    expect(headerName).toBeDefined();
    expect(await entryText(result.bytes, headerName!)).toContain('Acme Health Plan | Form PA-7 &amp; Rev. 3');
    expect(body).toMatch(/<w:headerReference w:type="default"/);
    const styles = await entryText(result.bytes, 'word/styles.xml');
    const heading1 = /<w:style [^>]*w:styleId="Heading1"[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? '';
    expect(heading1).toContain('w:val="000000"');
  });

  it('is a valid Word file', () => {
    expect(newValidationErrors(result.bytes)).toEqual([]);
  });
});
