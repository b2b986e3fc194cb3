/** The pure parts of OCR: picture pixels to page points, tesseract words to text items, table rules found in pixels. */
import type Tesseract from 'tesseract.js';
import { describe, expect, it } from 'vitest';
import { ocrItems } from '../src/ocr/ocr-items.ts';
import { pixelToPage } from '../src/ocr/page-picture.ts';
import { eraseRules, findPictureRules, rulingsOnPage } from '../src/ocr/picture-rulings.ts';
import type { Matrix, PageImage } from '../src/pdf/pdfjs-protocol.ts';

// A 612 x 792 pt page drawn from a 1224 x 1584 px picture (144 dpi), as pdf.js gives it: the
// viewport flips y, so the unit square's top-left corner lands at (0, 0).
const TRANSFORM: Matrix = [612, 0, 0, -792, 0, 792];

function picture(width: number, height: number): PageImage {
  return { width, height, grey: new Uint8Array(width * height).fill(255), transform: TRANSFORM };
}

const bbox = (x0: number, y0: number, x1: number, y1: number) => ({ x0, y0, x1, y1 });
function word(text: string, box: Tesseract.Bbox, confidence = 95): Tesseract.Word {
  return { text, bbox: box, confidence } as Tesseract.Word;
}
function page(lines: Array<{ words: Tesseract.Word[]; baseline: number }>): Tesseract.Page {
  const tLines = lines.map((l) => ({ words: l.words, baseline: bbox(0, l.baseline, 1000, l.baseline) }) as unknown as Tesseract.Line);
  return { blocks: [{ paragraphs: [{ lines: tLines }] }] } as unknown as Tesseract.Page;
}

describe('OCR geometry', () => {
  it('maps a pixel of the picture to page points from the top-left', () => {
    const image = picture(1224, 1584);
    expect(pixelToPage(image, 0, 0)).toEqual({ x: 0, y: 0 });
    expect(pixelToPage(image, 612, 792)).toEqual({ x: 306, y: 396 });
  });

  it('gives each word its box in points, one baseline per line, and drops low-confidence specks', () => {
    const image = picture(1224, 1584);
    const items = ocrItems(page([
      { words: [word('6.1', bbox(144, 200, 180, 220)), word('Term.', bbox(190, 202, 260, 222)), word('|', bbox(300, 195, 302, 225), 30)], baseline: 220 },
      { words: [word('Plan', bbox(144, 240, 200, 262))], baseline: 260 },
    ]), image, 3);
    expect(items.map((i) => i.str)).toEqual(['6.1', 'Term.', 'Plan']);
    expect(items[0]).toMatchObject({ page: 3, x: 72, width: 18, baseline: 110 });
    // Both words of the first line share its baseline, whatever their own boxes.
    expect(items[1]!.baseline).toBe(items[0]!.baseline);
    expect(items[2]!.baseline).toBe(130);
    // Ink 10 pt above the baseline reads as a font of about 14 pt (0.72 em of ascent).
    expect(items[0]!.size).toBeCloseTo(13.9, 0);
  });

  it('finds ruled table borders in the pixels, in page points, and erases them for recognition', () => {
    const image = picture(400, 300);
    const dark = (x: number, y: number) => (image.grey[y * 400 + x] = 0);
    for (let x = 20; x <= 380; x++) for (const y of [50, 51, 150, 250]) dark(x, y);
    for (let y = 50; y <= 250; y++) for (const x of [20, 200, 380]) dark(x, y);
    // A letter's stroke: too short to be a rule.
    for (let y = 100; y < 110; y++) dark(100, y);
    const rules = findPictureRules(image, 144);
    expect(rules.filter((r) => r.across)).toHaveLength(3);
    expect(rules.filter((r) => !r.across)).toHaveLength(3);
    const rulings = rulingsOnPage(image, rules);
    const across = rulings.filter((r) => r.orientation === 'h').map((r) => Math.round(r.at));
    // Rows 50–51 (a 2 px rule), 150 and 250 of 300, on a 792 pt page.
    expect(across).toEqual([133, 396, 660]);
    const erased = eraseRules(image, rules);
    expect(erased.grey[150 * 400 + 300]).toBe(255);
    expect(erased.grey[105 * 400 + 100]).toBe(0);
  });
});
