/**
 * Furniture removal on pages read by OCR: a footer recognized with errors is matched against the
 * text pages' footer, or against the other scanned pages' footers, and body lines stay. The last
 * part reads the committed `scanned-footer.pdf` with OCR (a few seconds).
 */
import { describe, expect, it } from 'vitest';
import { blocksFromPages } from '../src/pdf/extract-pdf.ts';
import { openPdf } from '../src/pdf/load-pdf.ts';
import { matchesKnownFuzzily, similarKeys, substringDistance } from '../src/pdf/ocr-furniture.ts';
import { ocrPages } from '../src/pdf/ocr-pages.ts';
import { readPages } from '../src/pdf/read-pages.ts';
import { furnitureKey, splitFurniture, type FurniturePage } from '../src/pdf/page-furniture.ts';
import type { PdfItem } from '../src/pdf/pdf-types.ts';
import { makeLine } from '../src/pdf/text-lines.ts';
import { FOOTER as FIXTURE_FOOTER, FOOTER_Y, SCANNED_PAGE } from './fixtures/pdf/scanned-footer-pages.ts';
import { fixture } from './pdf-helpers.ts';

// One page's recognition; the machine may be busy.
const OCR_MS = 120_000;

const item = (str: string, x: number, baseline: number, size: number): PdfItem => ({ str, page: 1, x, baseline, width: str.length * size * 0.5, size });
const line = (str: string, x: number, baseline: number, size = 10) => makeLine([item(str, x, baseline, size)]);

const FOOTER = '©2023 Northgate Health Solutions, Inc. All rights reserved.';
// What OCR made of that footer on scanned pages: a letter or two wrong per word, a redaction box read as marks.
const MANGLED = ['©2023 Nort [EE~gate Heolth Solutons. Inc. All rights reservcd.', '©2O23 Northqate Health So1utions, lnc. Al rights reserved,', 'c2023 Northgatc Hcalth Solutions, Inc All rigbts reserved.'];

function page(number: number, body: string, footer: string, ocr: boolean): FurniturePage {
  return {
    page: number,
    width: 612,
    height: 792,
    chars: 400,
    ocr,
    lines: [line(`${body} This sentence is the body of page ${number} of the agreement.`, 72, 200), line(footer, 72, 760, 7), line(`Page ${number} of 9`, 500, 774, 7)],
  };
}

const bodies = (pages: readonly FurniturePage[]) => splitFurniture(pages).pages.map((p) => p.lines.map((l) => l.text));

describe('similarKeys', () => {
  it('takes a footer read with a few errors for the same footer', () => {
    for (const mangled of MANGLED) expect(similarKeys(furnitureKey(mangled), furnitureKey(FOOTER)), mangled).toBe(true);
  });

  it('keeps apart two different lines of the same length, and short keys', () => {
    expect(similarKeys(furnitureKey('Provider shall submit claims within ninety days.'), furnitureKey('Plan may recover overpayments by offset at any time'))).toBe(false);
    expect(similarKeys('article#', 'articles')).toBe(false);
  });

  it('matches a known footer with a section name added to it', () => {
    expect(matchesKnownFuzzily(furnitureKey(`${MANGLED[0]} Medicaid Attachment`), [furnitureKey(FOOTER)])).toBe(true);
    expect(matchesKnownFuzzily(furnitureKey('Attachment. A denial of payment or any action taken by Plan'), [furnitureKey(FOOTER)])).toBe(false);
  });

  it('matches most of a known footer when OCR lost a word at its start (small print beside a redaction box)', () => {
    const known = [furnitureKey('Washington Enterprise Provider Agreement PCS')];
    expect(matchesKnownFuzzily(furnitureKey('Enterprise Provider Agreement PCS iain'), known)).toBe(true);
    expect(matchesKnownFuzzily(furnitureKey('Provider Agreement'), known)).toBe(false);
    expect(substringDistance('providerxgreement', 'washingtonprovideragreementpcs')).toBe(1);
  });
});

describe('splitFurniture with OCR pages', () => {
  it("removes a scanned page's footer read with errors, matched against the text pages' footer", () => {
    const pages = [1, 2, 3, 4, 5].map((n) => page(n, 'Text layer.', FOOTER, false));
    pages.splice(2, 1, page(3, 'Scanned.', MANGLED[0]!, true));
    const texts = bodies(pages);
    expect(texts[2]).toEqual(['Scanned. This sentence is the body of page 3 of the agreement.']);
    expect(texts[1]).toEqual(['Text layer. This sentence is the body of page 2 of the agreement.']);
  });

  it('does not match text-layer lines fuzzily: a changed footer on a text page is body text there', () => {
    const pages = [1, 2, 3, 4, 5].map((n) => page(n, 'Text layer.', FOOTER, false));
    pages.splice(2, 1, page(3, 'Text layer.', MANGLED[1]!, false));
    expect(bodies(pages)[2]).toContain(MANGLED[1]);
  });

  it('removes footers repeated only across scanned pages (a fully scanned PDF)', () => {
    // Each page's copy has its own errors; copies are compared with each other, not with the true text.
    const copies = [MANGLED[1]!, MANGLED[2]!, '©2023 Northgate Health Solutions. Inc. All rights rescrved.'];
    const pages = [1, 2, 3, 4, 5, 6].map((n) => page(n, 'Scanned.', copies[n % 3]!, true));
    for (const [i, texts] of bodies(pages).entries()) expect(texts).toEqual([`Scanned. This sentence is the body of page ${i + 1} of the agreement.`]);
  });

  it('keeps a different line at the bottom of a scanned page', () => {
    const pages = [1, 2, 3, 4, 5].map((n) => page(n, 'Text layer.', FOOTER, false));
    const scanned = page(3, 'Scanned.', MANGLED[2]!, true);
    scanned.lines.splice(1, 0, line('IN WITNESS WHEREOF, the parties have signed this Agreement.', 72, 720));
    pages.splice(2, 1, scanned);
    expect(bodies(pages)[2]).toEqual(['Scanned. This sentence is the body of page 3 of the agreement.', 'IN WITNESS WHEREOF, the parties have signed this Agreement.']);
  });
});

describe('a PDF with text pages and a scanned page whose footer OCR misreads', () => {
  // `scanned-footer.pdf` (make-scanned-fixture.ts): pages 1, 2 and 4 print the footer as text; page 3
  // is a picture with specks over its small-print footer.
  const read = (async () => {
    const bytes = fixture('scanned-footer.pdf');
    const { client, numPages } = await openPdf(bytes, 'scanned-footer.pdf', undefined, 30_000);
    const pages = await readPages([Promise.resolve(client)], numPages).finally(() => client.dispose());
    return (await ocrPages(bytes, 'scanned-footer.pdf', undefined, pages, { pageTimeoutMs: OCR_MS })).pages;
  })();

  it('OCR reads the scanned footer with errors, so only a fuzzy match can find it', async () => {
    const pages = await read;
    expect(pages.map((p) => p.ocr === true)).toEqual([false, false, true, false]);
    const footer = pages[SCANNED_PAGE - 1]!.lines.find((l) => l.baseline > FOOTER_Y - 4 && l.baseline < FOOTER_Y + 4)!;
    expect(footer, 'the footer line on the scanned page').toBeDefined();
    expect(furnitureKey(footer.text)).not.toBe(furnitureKey(FIXTURE_FOOTER));
    expect(similarKeys(furnitureKey(footer.text), furnitureKey(FIXTURE_FOOTER))).toBe(true);
  }, OCR_MS);

  it('keeps the footer out of the clauses of every page, the scanned one included', async () => {
    const { blocks, running } = blocksFromPages(await read);
    const texts = blocks.map((b) => b.text);
    expect(texts.filter((t) => /Northgate|Provider Agre|Confiden|Page \d/i.test(t))).toEqual([]);
    expect(texts).toContain('3.2 Records. Provider shall keep medical records for ten (10) years after the last service.');
    expect(texts).toHaveLength(5);
    // The running footer kept for a rebuilt Word file is the text layer's.
    expect(running?.footer).toEqual([FIXTURE_FOOTER]);
  }, OCR_MS);
});
