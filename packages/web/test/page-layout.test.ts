import { describe, expect, it } from 'vitest';
import { fitWidthZoom, PAGE_GAP, pageAt, pagesNear, pageTops, placeBoxes, printedPageNote, PX_PER_PT, scrollTopFor, stepZoom, ZOOM_STEPS } from '../src/model/page-layout.ts';
import { finding } from './fixtures.ts';

const LETTER = { width: 612, height: 792 };

describe('page view geometry', () => {
  it('steps zoom through the offered levels and stops at both ends', () => {
    expect(stepZoom(1, 1)).toBe(1.25);
    expect(stepZoom(1, -1)).toBe(0.8);
    expect(stepZoom(0.9, 1)).toBe(1); // from a fitted zoom to the next step up
    expect(stepZoom(ZOOM_STEPS[ZOOM_STEPS.length - 1]!, 1)).toBe(3);
    expect(stepZoom(ZOOM_STEPS[0]!, -1)).toBe(0.5);
  });

  it('fits the widest page to the width left after the gaps, within the zoom range', () => {
    const zoom = fitWidthZoom([LETTER, { width: 792, height: 612 }], 1000);
    expect(zoom * 792 * PX_PER_PT).toBeCloseTo(1000 - 2 * PAGE_GAP);
    expect(fitWidthZoom([LETTER], 50)).toBe(0.5);
  });

  it('stacks pages with a gap, and finds the page being read and the pages to draw', () => {
    const sizes = Array.from({ length: 90 }, () => LETTER);
    const { tops, height } = pageTops(sizes, 1);
    const pageHeight = 792 * PX_PER_PT;
    expect(tops[1]! - tops[0]!).toBeCloseTo(pageHeight + PAGE_GAP);
    expect(height).toBeCloseTo(PAGE_GAP + 90 * (pageHeight + PAGE_GAP));
    expect(pageAt(tops, 0, 700)).toBe(1);
    expect(pageAt(tops, tops[41]!, 700)).toBe(42);
    expect(pageAt(tops, height, 700)).toBe(90);
    // Reading page 42 in a 700 px window: a viewport above and below, never the whole contract.
    const near = pagesNear(tops, height, tops[41]!, 700, 1);
    expect(near).toContain(41);
    expect(near).toContain(42);
    expect(near).toContain(43);
    expect(near.length).toBeLessThanOrEqual(4);
  });

  it('places the boxes of highlighted findings as percentages of their page, the most serious last', () => {
    const high = finding('a@1', 'high', 'Plan may recoup');
    const low = finding('b@2', 'low', 'at any time');
    const absent = finding('c@absent', 'high', null, { kind: 'absence' });
    const boxes = {
      'a@1': [
        { page: 2, x: 61.2, y: 79.2, width: 306, height: 11 },
        { page: 2, x: 72, y: 95, width: 100, height: 11 },
        { page: 3, x: 72, y: 95, width: 100, height: 11 },
      ],
      'b@2': [{ page: 2, x: 72, y: 95, width: 50, height: 11 }],
      'c@absent': [{ page: 1, x: 0, y: 0, width: 10, height: 10 }],
    };
    const placed = placeBoxes([high, low, absent], boxes, [LETTER, LETTER]);
    expect(placed.map((p) => [p.findingId, p.page, p.first])).toEqual([
      ['b@2', 2, true],
      ['a@1', 2, true],
      ['a@1', 2, false],
    ]); // page 3 does not exist; absence findings are not highlighted, as in the text view
    expect(placed[1]).toMatchObject({ left: 10, top: 10, width: 50, severity: 'high' });
  });

  it('scrolls a box to a third of the way down the viewport', () => {
    const { tops } = pageTops([LETTER, LETTER], 1);
    expect(scrollTopFor(tops, 2, 300, 1, 600)).toBeCloseTo(tops[1]! + 300 * PX_PER_PT - 200);
    expect(scrollTopFor(tops, 1, 10, 1, 600)).toBe(0);
  });
});

describe('printedPageNote', () => {
  it('names the printed number only where it differs from the PDF page', () => {
    const printed = ['', '', '1', '2', '5'];
    expect(printedPageNote(printed, 1)).toBe('');
    expect(printedPageNote(printed, 3)).toBe('printed 1');
    expect(printedPageNote(printed, 5)).toBe('');
    expect(printedPageNote(printed, 9)).toBe('');
    expect(printedPageNote(undefined, 2)).toBe('');
  });
});
