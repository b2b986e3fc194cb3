import { describe, expect, it } from 'vitest';
import type { FilledBox, PdfItem } from '../src/pdf/pdf-types.ts';
import { placeholder, splitBlockGlyphs } from '../src/pdf/redaction.ts';
import { fillRedactionGaps } from '../src/pdf/redaction-gaps.ts';
import { itemsText, makeLine } from '../src/pdf/text-lines.ts';

const item = (str: string, x: number, width: number, baseline = 100): PdfItem => ({ str, page: 1, x, baseline, width, size: 10 });

describe('splitBlockGlyphs', () => {
  it('turns a run of block glyphs into a placeholder between the words around it', () => {
    const parts = splitBlockGlyphs(item('subject to modification by █████ at any time', 72, 220));
    expect(parts.map((p) => p.str)).toEqual(['subject to modification by ', '[REDACTED]', ' at any time']);
    expect(parts[1]).toMatchObject({ redaction: true });
    expect(parts[1]!.x).toBeCloseTo(72 + 27 * 5);
    expect(itemsText(parts)).toBe('subject to modification by [REDACTED] at any time');
  });

  it('keeps a lone black square (a bullet) and text without block glyphs as they are', () => {
    const bullet = item('■ Covered Services', 72, 80);
    expect(splitBlockGlyphs(bullet)).toEqual([bullet]);
  });
});

describe('placeholder', () => {
  it('keeps a space either side, but none inside brackets or before a possessive', () => {
    expect(itemsText([item('between', 72, 40), placeholder(112, 170, item('between', 72, 40), item('and', 170, 20)), item('and', 170, 20)])).toBe('between [REDACTED] and');
    const open = item('hereinafter "', 72, 60);
    expect(itemsText([open, placeholder(132, 180, open, item("'s rights", 180, 40)), item("'s rights", 180, 40)])).toBe('hereinafter "[REDACTED]\'s rights');
  });
});

describe('fillRedactionGaps', () => {
  const line = () => makeLine([item('Provider agrees that', 72, 95), item('may deny payment for any claim', 212, 150)]);
  const box: FilledBox = { x0: 170, x1: 208, y0: 91, y1: 103 };

  it('reads a gap with a dark box in it as a redaction, even on a line with no neighbours', () => {
    const [filled] = fillRedactionGaps([line()], [box]);
    expect(filled!.text).toBe('Provider agrees that [REDACTED] may deny payment for any claim');
  });

  it('leaves the same gap alone without a box or prose around it to vouch for it', () => {
    expect(fillRedactionGaps([line()], [])[0]!.text).toBe('Provider agrees that may deny payment for any claim');
  });

  it('reads a box just before the first word as a name erased at the line start', () => {
    const start = makeLine([item('may assign this Agreement to an Affiliate', 150, 200)]);
    const [filled] = fillRedactionGaps([start], [{ x0: 108, x1: 147, y0: 91, y1: 103 }]);
    expect(filled!.text).toBe('[REDACTED] may assign this Agreement to an Affiliate');
  });

  it('ignores a dark band behind the text (a table header) rather than in a gap', () => {
    const [kept] = fillRedactionGaps([line()], [{ x0: 60, x1: 400, y0: 90, y1: 104 }]);
    expect(kept!.text).not.toContain('[REDACTED]');
  });
});
