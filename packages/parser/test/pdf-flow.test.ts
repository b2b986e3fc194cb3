import { describe, expect, it } from 'vitest';
import { extractPdf } from '../src/pdf/extract-pdf.ts';
import { blockWith, fixture } from './pdf-helpers.ts';

describe('extractPdf: paragraphs across pages', async () => {
  const raw = await extractPdf(fixture('flow.pdf'), { name: 'flow.pdf' });

  it('reports the page count and no warnings', () => {
    expect(raw.format).toBe('pdf');
    expect(raw.pages).toBe(2);
    expect(raw.warnings).toEqual([]);
  });

  it('removes running headers, footers and page numbers', () => {
    const all = raw.blocks.map((b) => b.text).join('\n');
    expect(all).not.toMatch(/Confidential|Provider Agreement \(c\)|Page \d of 2/);
  });

  it('joins a paragraph that continues across the page break', () => {
    const block = blockWith(raw.blocks, 'overpayments that Plan identifies within twelve (12) months after the date of the original payment');
    expect(block.label).toBe('4.2');
    expect(block.page).toBe(1);
    const pages = new Set(block.pieces.map((p) => (p.source.type === 'pdf' ? p.source.page : 0)));
    expect([...pages].sort()).toEqual([1, 2]);
  });

  it('undoes end-of-line hyphenation but keeps real hyphens', () => {
    const block = blockWith(raw.blocks, 'The reimbursement stated there');
    expect(block.text).toContain('the CMS-1500 form must name');
    expect(block.text).toContain('A non-participating provider');
    expect(block.text).not.toContain('reim-');
  });

  it('detects headings and clause labels', () => {
    const heading = raw.blocks[0]!;
    expect(heading).toMatchObject({ kind: 'heading', level: 1, label: 'ARTICLE 4', text: 'ARTICLE 4 PAYMENT' });
    expect(blockWith(raw.blocks, 'thirty (30) days')).toMatchObject({ kind: 'paragraph', label: '(a)', page: 2 });
    expect(blockWith(raw.blocks, 'Interest is not charged')).toMatchObject({ label: '(b)' });
    expect(raw.blocks.map((b) => b.label)).toEqual(['ARTICLE 4', '4.1', '4.2', '(a)', '(b)']);
  });

  it('maps text back to page rectangles (top-left origin)', () => {
    const block = blockWith(raw.blocks, 'Recoupment');
    const first = block.pieces[0]!;
    expect(first.start).toBe(0);
    if (first.source.type !== 'pdf') throw new Error('expected a pdf source');
    // The line's baseline is 205 pt from the top; the rect sits just above it.
    expect(first.source.rect.x).toBeCloseTo(72, 0);
    expect(first.source.rect.y).toBeGreaterThan(190);
    expect(first.source.rect.y).toBeLessThan(205);
    // A piece covering part of an item is interpolated: "Recoupment" starts right of x = 72.
    const at = block.text.indexOf('Recoupment');
    const piece = block.pieces.find((p) => p.start <= at && p.end > at)!;
    expect(piece.end).toBeGreaterThan(at);
    for (const p of block.pieces) expect(p.end).toBeGreaterThan(p.start);
  });
});

describe('extractPdf: numerals and run-in items that open a line stay in their sentence', async () => {
  const raw = await extractPdf(fixture('false-starts.pdf'), { name: 'false-starts.pdf' });

  it('keeps "a term of one / (1) year", a citation, a run-in enumeration and a page break in one clause', () => {
    const block = blockWith(raw.blocks, 'for a term of one (1) year, and shall renew');
    expect(block.label).toBe('8.1');
    expect(block.text).toContain('at least sixty (60) days prior written notice');
    expect(block.text).toContain('42 CFR § 422.504(i) (4). A corrected claim');
    expect(block.text).toContain('must be (i) from the same date of service, (ii) for the same Member');
    expect(block.text).toContain('within thirty (30) days after the denial.');
  });

  it('still splits lists after a colon, "; or" and "; and", and a list whose items each open a line', () => {
    expect(raw.blocks.map((b) => b.label)).toEqual(['ARTICLE 8', '8.1', '8.2', '(a)', '(b)', '(c)', '8.3', 'a)', 'b)']);
    expect(blockWith(raw.blocks, 'loses a license').text).toBe('(b) loses a license required to perform this Agreement; and');
  });
});
