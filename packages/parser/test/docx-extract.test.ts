import { describe, expect, it } from 'vitest';
import { extractDocx } from '../src/docx/extract-docx.ts';
import type { RawDocument } from '../src/raw-document.ts';
import { fixture, withParts } from './docx-helpers.ts';

const doc: RawDocument = await extractDocx(fixture('contract.docx'), { name: 'contract.docx' });
const byText = (start: string) => {
  const block = doc.blocks.find((b) => b.text.startsWith(start));
  if (!block) throw new Error(`no block starting with ${start}`);
  return block;
};

describe('extractDocx on the contract fixture', () => {
  it('reads the body in order with exact texts', () => {
    expect(doc.format).toBe('docx');
    expect(doc.blocks.map((b) => b.text)).toEqual([
      'Provider Services Agreement',
      'Article I Payment',
      'Section 1.1 Clean claims are paid promptly.',
      'Section 1.2 Late payments bear interest.',
      '1. Definitions.',
      '1.1 Plan means the health plan.',
      '(a) Covered services under the plan;',
      '(b) emergency services.',
      '1.2 Provider means the practice.',
      '2. Term.',
      '5. Restarted item.',
      'Bullet point text.',
      'The Plan shall reimburse Provider.',
      'As set out in Section 4.2 below.',
      'See the Provider Manual online.',
      'Effective Date: January 1, 2026 in Olympia.',
      'Payment is due within thirty (30) days.',
      'Claims are subject to audit.',
      '4.2 Recoupment. Plan may recoup overpayments.',
      'Anchor paragraph.',
      'Text box note.',
      'Block content control paragraph.',
      'Service (CPT code)',
      'Rate and terms',
      '$100.00',
      'per visit',
      'After the table.',
      'Audit rights are limited to 24 months.',
    ]);
  });

  it('computes Word list labels, including legal numbering and a startOverride restart', () => {
    const labels = doc.blocks.filter((b) => b.label).map((b) => b.label);
    expect(labels).toEqual(['Article I', 'Section 1.1', 'Section 1.2', '1.', '1.1', '(a)', '(b)', '1.2', '2.', '5.', '4.2']);
  });

  it('classifies headings (style chain, Title) and list items with their level', () => {
    expect(byText('Provider Services')).toMatchObject({ kind: 'heading', level: 1 });
    expect(byText('Article I')).toMatchObject({ kind: 'heading', level: 1, label: 'Article I' });
    // ClauseHeading is basedOn Heading2.
    expect(byText('Section 1.1')).toMatchObject({ kind: 'heading', level: 2 });
    expect(byText('(a)')).toMatchObject({ kind: 'list-item', level: 3 });
    const bullet = byText('Bullet point');
    expect(bullet.kind).toBe('list-item');
    expect(bullet.label).toBeUndefined();
    expect(byText('4.2 Recoupment')).toMatchObject({ kind: 'paragraph', label: '4.2' });
  });

  it('reads tracked changes as accepted and warns', () => {
    expect(doc.blocks.some((b) => b.text.includes('sixty'))).toBe(false);
    const warning = doc.warnings.find((w) => w.code === 'DOCX_TRACKED_CHANGES');
    expect(warning?.message).toMatch(/already contains 2 tracked changes/);
    expect(warning?.message).toMatch(/as if they were accepted/);
    expect(doc.warnings.map((w) => w.code)).toContain('DOCX_COMMENTS');
  });

  it('hides field codes and shows field results', () => {
    const text = doc.blocks.map((b) => b.text).join('\n');
    expect(text).not.toMatch(/REF|_Ref1/);
    expect(byText('As set out').text).toBe('As set out in Section 4.2 below.');
  });

  it('leaves headers and footers out, and appends footnotes from their own part', () => {
    const text = doc.blocks.map((b) => b.text).join('\n');
    expect(text).not.toContain('CONFIDENTIAL HEADER TEXT');
    expect(text).not.toContain('Footer page text');
    const note = doc.blocks.at(-1)!;
    expect(note.text).toBe('Audit rights are limited to 24 months.');
    // Separator notes hold paragraphs 0 and 1 of footnotes.xml; the note mark is U+FFFC + space.
    expect(note.pieces[0]!.source).toMatchObject({ part: 'word/footnotes.xml', paragraph: 2, offset: 2 });
  });

  it('reads a text box once (mc:Choice, not the Fallback copy)', () => {
    expect(doc.blocks.filter((b) => b.text === 'Text box note.')).toHaveLength(1);
  });

  it('emits one block per table cell without duplicating merged cells', () => {
    const cells = doc.blocks.filter((b) => b.kind === 'table-cell');
    expect(cells.map((b) => [b.table, b.text])).toEqual([
      [{ table: 0, row: 0, col: 0 }, 'Service (CPT code)'],
      [{ table: 0, row: 0, col: 1 }, 'Rate and terms'],
      [{ table: 0, row: 1, col: 1 }, '$100.00'],
      [{ table: 0, row: 1, col: 2 }, 'per visit'],
    ]);
    // A cell's two paragraphs map to two sources.
    expect(cells[0]!.pieces.map((p) => p.source.type === 'docx' && p.source.paragraph)).toEqual([24, 25]);
  });

  it('keeps w14:paraId and leaves generated labels without a source', () => {
    expect(byText('The Plan shall').pieces[0]!.source).toMatchObject({ paraId: '1A2B3C4D', paragraph: 12, offset: 0 });
    const item = byText('1.1 Plan');
    expect(item.pieces).toHaveLength(1);
    expect(item.pieces[0]).toMatchObject({ start: 4, end: item.text.length, source: { offset: 0 } });
  });

  it('reads a macro-enabled document with a warning instead of refusing it', async () => {
    const docm = await extractDocx(fixture('macro-enabled.docm'), { name: 'macro-enabled.docm' });
    expect(docm.blocks.map((b) => b.text)).toEqual(doc.blocks.map((b) => b.text));
    expect(docm.warnings.map((w) => w.code)).toContain('DOCX_MACRO_OR_TEMPLATE');
  });

  it('reads the text around an embedded file (alt chunk) and warns that the embedded part was not read', async () => {
    const bytes = await withParts(fixture('contract.docx'), (files) => {
      files.set('word/document.xml', files.get('word/document.xml')!.replace('<w:body>', '<w:body><w:altChunk r:id="rIdChunk" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>'));
    });
    const withChunk = await extractDocx(bytes, { name: 'alt-chunk.docx' });
    expect(withChunk.blocks.map((b) => b.text)).toEqual(doc.blocks.map((b) => b.text));
    const warning = withChunk.warnings.find((w) => w.code === 'DOCX_EMBEDDED_CONTENT');
    expect(warning?.message).toMatch(/embedded from another file .* was not read\. Open it in Word and save it again/);
    expect(doc.warnings.map((w) => w.code)).not.toContain('DOCX_EMBEDDED_CONTENT');
  });
});
