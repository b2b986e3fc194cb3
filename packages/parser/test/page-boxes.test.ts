import { describe, expect, it } from 'vitest';
import { pageBoxes, parseDocument, type SourceMap } from '../src/index.ts';
import { minimalPdf } from '../src/pdf/warm-up.ts';

const rect = (x: number, y: number, width: number, height = 12) => ({ x, y, width, height });

/** "Plan may terminate" on line 1 of page 1 (two items), "at any time" on page 2. */
const MAP: SourceMap = {
  format: 'pdf',
  spans: [
    { start: 0, end: 5, page: 1, rect: rect(100, 50, 50) }, //   "Plan "
    { start: 5, end: 18, page: 1, rect: rect(150, 50, 130) }, // "may terminate"
    { start: 20, end: 31, page: 2, rect: rect(72, 80, 110) }, // "at any time"
  ],
};

describe('pageBoxes', () => {
  it('joins the pieces of one line and cuts the ends at the range, proportionally', () => {
    expect(pageBoxes(MAP, { start: 2, end: 9 })).toEqual([{ page: 1, x: 120, y: 50, width: 70, height: 12 }]);
  });

  it('gives one box per page when a range runs across a page break, skipping the gap between blocks', () => {
    expect(pageBoxes(MAP, { start: 5, end: 23 })).toEqual([
      { page: 1, x: 150, y: 50, width: 130, height: 12 },
      { page: 2, x: 72, y: 80, width: 30, height: 12 },
    ]);
  });

  it('is empty for a Word source map, an empty range and text with no characters on a page', () => {
    expect(pageBoxes({ format: 'docx', spans: [] }, { start: 0, end: 5 })).toEqual([]);
    expect(pageBoxes(MAP, { start: 3, end: 3 })).toEqual([]);
    expect(pageBoxes(MAP, { start: 18, end: 20 })).toEqual([]);
  });

  it('finds a quote of a real PDF on its line: the second line, right of the clause number', async () => {
    const doc = await parseDocument(minimalPdf(), { name: 'warm-up.pdf' });
    const start = doc.text.indexOf('thirty (30) days');
    const [box, ...more] = pageBoxes(doc.sourceMap, { start, end: start + 'thirty (30) days'.length });
    expect(more).toEqual([]);
    // The PDF sets 11 pt Helvetica from x=72; each line moves down 14 pt first (the ' operator),
    // so the baselines are at y=86 and y=100 from the top: the box spans the second one.
    expect(box!.page).toBe(1);
    expect(box!.y).toBeGreaterThan(86);
    expect(box!.y).toBeLessThan(100);
    expect(box!.y + box!.height).toBeGreaterThan(100);
    expect(box!.x).toBeGreaterThan(200);
    expect(box!.width).toBeGreaterThan(60);
    expect(box!.width).toBeLessThan(100);
  });
});
