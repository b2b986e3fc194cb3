import { describe, expect, it } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';
import type { Element } from '@xmldom/xmldom';
import { extractDocx } from '../src/docx/extract-docx.ts';
import { docxParagraphText } from '../src/docx/paragraph-text.ts';
import { fixture, paragraphAt } from './docx-helpers.ts';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const paragraph = (inner: string): Element =>
  new DOMParser().parseFromString(`<w:p xmlns:w="${W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">${inner}</w:p>`, 'text/xml').documentElement!;

describe('docxParagraphText', () => {
  it('joins runs split mid-word and skips zero-width markers', async () => {
    const p = await paragraphAt(fixture('contract.docx'), 'word/document.xml', 12);
    const model = docxParagraphText(p);
    expect(model.text).toBe('The Plan shall reimburse Provider.');
    expect(model.segments.map((s) => model.text.slice(s.start, s.end))).toEqual(['The Plan shall re', 'im', 'burse', ' Provider.']);
    expect(model.segments.every((s) => s.kind === 'text' && s.run?.localName === 'r' && s.node.localName === 't')).toBe(true);
  });

  it('hides the field code and marks the field result inField', async () => {
    const model = docxParagraphText(await paragraphAt(fixture('contract.docx'), 'word/document.xml', 13));
    expect(model.text).toBe('As set out in Section 4.2 below.');
    const result = model.segments.find((s) => model.text.slice(s.start, s.end) === '4.2');
    expect(result?.inField).toBe(true);
    expect(model.segments.filter((s) => s.inField)).toHaveLength(1);
  });

  it('shows insertions (inIns), hides deletions, and locks content controls', async () => {
    const bytes = fixture('contract.docx');
    const tracked = docxParagraphText(await paragraphAt(bytes, 'word/document.xml', 16));
    expect(tracked.text).toBe('Payment is due within thirty (30) days.');
    expect(tracked.segments.filter((s) => s.inIns).map((s) => tracked.text.slice(s.start, s.end))).toEqual(['thirty (30)']);
    const locked = docxParagraphText(await paragraphAt(bytes, 'word/document.xml', 15));
    expect(locked.segments.filter((s) => s.locked).map((s) => locked.text.slice(s.start, s.end))).toEqual(['January 1, 2026']);
  });

  it('maps tabs, breaks, hyphens, symbols and objects to single characters', () => {
    const model = docxParagraphText(paragraph(
      '<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:noBreakHyphen/><w:softHyphen/><w:sym w:font="Symbol" w:char="00A7"/><w:drawing/></w:r>' +
        '<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r><w:moveFrom><w:r><w:t>moved away</w:t></w:r></w:moveFrom>' +
        '<w:moveTo><w:r><w:t>moved here</w:t></w:r></w:moveTo>',
    ));
    expect(model.text).toBe('a\tb\n\u2011\u00a7\ufffcmoved here');
    expect(model.segments.map((s) => s.kind)).toEqual(['text', 'tab', 'text', 'break', 'hyphen', 'symbol', 'object', 'text']);
    expect(model.segments.filter((s) => s.locked).map((s) => s.kind)).toEqual(['symbol', 'object']);
  });

  it('locks every paragraph inside a locked block-level content control', () => {
    const doc = new DOMParser().parseFromString(
      `<w:body xmlns:w="${W}"><w:sdt><w:sdtPr><w:lock w:val="sdtContentLocked"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>fixed</w:t></w:r></w:p></w:sdtContent></w:sdt><w:p><w:r><w:t>free</w:t></w:r></w:p></w:body>`,
      'text/xml',
    );
    const [inside, outside] = [0, 1].map((i) => docxParagraphText(doc.getElementsByTagNameNS(W, 'p').item(i)!));
    expect(inside!.segments.map((s) => s.locked)).toEqual([true]);
    expect(outside!.segments.map((s) => s.locked)).toEqual([false]);
  });

  it('reads mc:Choice and ignores the Fallback copy', () => {
    const model = docxParagraphText(paragraph(
      '<w:r><mc:AlternateContent><mc:Choice Requires="w14"><w:t>choice</w:t></mc:Choice><mc:Fallback><w:t>fallback</w:t></mc:Fallback></mc:AlternateContent></w:r>',
    ));
    expect(model.text).toBe('choice');
  });

  it('gives offsets where the text-model slice equals the block slice, for every piece of the fixture', async () => {
    const bytes = fixture('contract.docx');
    const doc = await extractDocx(bytes, { name: 'contract.docx' });
    let checked = 0;
    for (const block of doc.blocks) {
      for (const piece of block.pieces) {
        if (piece.source.type !== 'docx') throw new Error('expected a docx source');
        const model = docxParagraphText(await paragraphAt(bytes, piece.source.part, piece.source.paragraph));
        const fromModel = model.text.slice(piece.source.offset, piece.source.offset + piece.end - piece.start);
        expect(fromModel.replace(/\s/g, ' ')).toBe(block.text.slice(piece.start, piece.end));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(25);
  });
});
