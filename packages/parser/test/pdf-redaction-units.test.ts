import { describe, expect, it } from 'vitest';
import type { FilledBox, PdfItem } from '../src/pdf/pdf-types.ts';
import { placeholder, splitBlockGlyphs, splitErasedNames } from '../src/pdf/redaction.ts';
import { mayHideRedactions } from '../src/pdf/redaction-cues.ts';
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

describe('splitErasedNames', () => {
  it('puts a placeholder where an erased name left a space before a comma or a possessive', () => {
    expect(itemsText(splitErasedNames(item('Provider acknowledges that , Health and Human Services', 72, 250)))).toBe('Provider acknowledges that [REDACTED], Health and Human Services');
    expect(itemsText(splitErasedNames(item("transactions related to 's Medicare Advantage contract", 72, 250)))).toBe("transactions related to [REDACTED]'s Medicare Advantage contract");
    expect(splitErasedNames(item('shall be paid by , or', 72, 90)).filter((p) => p.redaction)).toHaveLength(1);
  });

  it('leaves ordinary text, and a comma after a word that does not lead into a name, as it is', () => {
    const names = item('Gal , Brendan Eich , Mike Shaver', 72, 160);
    expect(splitErasedNames(names)).toEqual([names]);
    const plain = item("the Member's rights, and Plan's duties", 72, 180);
    expect(splitErasedNames(plain)).toEqual([plain]);
  });
});

describe('mayHideRedactions: when a page is worth reading its drawing for boxes', () => {
  // Lines of a paragraph at 108–540 pt, 12 pt apart; each [x0, x1, text].
  const page = (rows: Array<[number, number, string]>) => rows.map(([x0, x1, text], i) => makeLine([item(text, x0, x1 - x0, 100 + i * 12)]));
  const full = 'the terms and conditions as set forth in this Agreement unless otherwise agreed in writing';

  it('asks for a paragraph that ends short on a word leading into a name, and for a clause number before a lower-case word', () => {
    expect(mayHideRedactions(page([[108, 540, full], [108, 540, full], [108, 200, 'shall be refunded to']]))).toBe(true);
    const numbered = makeLine([item('8.4.2.2', 144, 30, 100), item('files for bankruptcy, or if a receiver is appointed', 230, 250, 100)]);
    expect(mayHideRedactions([numbered, ...page([[108, 540, full]]).map((l) => ({ ...l, baseline: 112 }))])).toBe(true);
  });

  it('does not ask for ordinary paragraphs: finished last lines, list joiners, an indented first line', () => {
    expect(mayHideRedactions(page([[108, 540, full], [108, 540, full], [108, 300, 'within thirty (30) days of notice.']]))).toBe(false);
    expect(mayHideRedactions(page([[108, 540, full], [108, 300, 'fails to pay any amount due; or']]))).toBe(false);
    expect(mayHideRedactions(page([[144, 540, full], [108, 540, full], [108, 300, 'the end of the sentence.']]))).toBe(false);
    // A line ending "… and" inside a paragraph: the next line goes on, and its margins tell the rest.
    expect(mayHideRedactions(page([[108, 540, full], [108, 300, 'the Member, Provider and'], [108, 540, full]]))).toBe(false);
    const titled = makeLine([item('8.4.2.2', 144, 30, 100), item('Termination for cause', 230, 100, 100)]);
    expect(mayHideRedactions([titled, ...page([[108, 540, full]]).map((l) => ({ ...l, baseline: 112 }))])).toBe(false);
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
