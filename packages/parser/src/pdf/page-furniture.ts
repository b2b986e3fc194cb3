/**
 * Running headers, footers and page numbers: lines near the top or bottom edge whose text
 * (digits ignored) recurs in the same band on many pages, plus lines that are only a page number.
 * Recurring means on nearby pages too: a running header is on every page of its run, while an
 * attachment's title ("MEDICAID PARTICIPATION ATTACHMENT TO THE …") opens pages far apart, and a
 * line that occurs once is never furniture.
 */
import { fuzzyRecurringKeys, isOcrSpeck, matchesKnownFuzzily, type BandKeys } from './ocr-furniture.ts';
import type { PageText, TextLine } from './pdf-types.ts';

/** A page as furniture removal sees it: its lines, and whether OCR read them (then keys match fuzzily). */
export type FurniturePage = PageText & { ocr?: boolean };

// Share of the page height, from the top and from the bottom, where furniture may sit.
const BAND = 0.12;
// A line must recur on this many pages to be furniture (fewer for short documents). Not a share of
// all pages: compiled agreements change their footer with each attachment.
const RECUR_PAGES = 3;
const RECUR_SHARE = 0.4;

const PAGE_NUMBER = [
  /^(?:page|pg\.?|p\.)?\s*#+(?:\s*(?:of|\/)\s*#+)?$/i,
  /^[-–—]\s*#+\s*[-–—]$/,
  /^[ivxlc]{1,6}$/i,
  /^#+\s*\|.*$|^.*\|\s*(?:page\s*)?#+(?:\s*(?:of|\/)\s*#+)?$/i,
];

/** The recurrence key: case, digits and spacing ignored so "Page 3 of 9" matches "Page 4 of 9". */
export function furnitureKey(text: string): string {
  return text.toLowerCase().replace(/[0-9]+/g, '#').replace(/[‐-―−]/g, '-').replace(/\s+/g, '');
}

function fragmentKeys(line: TextLine): string[] {
  return line.fragments.map((f) => furnitureKey(f.items.map((i) => i.str).join(' ')));
}

// Footers that add a section name to the usual text ("… Provider Agreement Provider Networks
// Attachment"): the known text is most of the line. A body line that merely starts with a
// footer's word ("Attachment. A denial of payment …") is not a footer.
function extendsKnown(key: string, keys: ReadonlySet<string>): boolean {
  for (const known of keys) if (known.length >= 10 && known.length * 2 >= key.length && (key.startsWith(known) || key.endsWith(known))) return true;
  return false;
}

// Pages apart within which a recurrence counts: headers may alternate between odd and even pages.
const NEAR_PAGES = 2;

function bodySize(pages: readonly PageText[]): number {
  const weights = new Map<number, number>();
  for (const page of pages) for (const line of page.lines) weights.set(line.size, (weights.get(line.size) ?? 0) + line.text.length);
  let best = 0;
  let weight = -1;
  for (const [size, w] of weights) if (w > weight) [best, weight] = [size, w];
  return best;
}

function inBand(line: TextLine, height: number): boolean {
  return band(line, height) !== null;
}

/** Which edge band the line sits in: headers and footers are told apart, so one never vouches for the other. */
function band(line: TextLine, height: number): 't' | 'b' | null {
  if (line.baseline < height * BAND + line.size) return 't';
  return line.baseline > height * (1 - BAND) ? 'b' : null;
}

function looksLikePageNumber(text: string): boolean {
  const key = text.toLowerCase().replace(/[0-9]+/g, '#').trim();
  return PAGE_NUMBER.some((re) => re.test(key));
}

/**
 * Text keys of header/footer lines that recur across the document, each prefixed with its band
 * ("t:" top, "b:" bottom). A page counts for a key only when a page near it has the key too.
 */
export function recurringKeys(pages: readonly PageText[]): Set<string> {
  const onPages = new Map<string, number[]>();
  for (const page of pages) for (const key of bandKeys(page)) onPages.set(key, [...(onPages.get(key) ?? []), page.page]);
  const min = minPages(pages.length);
  const keys = new Set<string>();
  for (const [key, numbers] of onPages) {
    const near = numbers.filter((n, i) => (i > 0 && n - numbers[i - 1]! <= NEAR_PAGES) || (i < numbers.length - 1 && numbers[i + 1]! - n <= NEAR_PAGES));
    if (near.length >= min && key.slice(2).replace(/[^\p{L}\p{N}]/gu, '').length >= 3) keys.add(key);
  }
  return keys;
}

// Share of an OCR line's characters (specks aside) that must be in known fragments for the line to be furniture.
const OCR_KNOWN_SHARE = 0.75;

/** How much of the line's text (by characters, specks aside) is in fragments `isKnown` accepts. */
function knownShare(fragments: readonly string[], isKnown: (key: string) => boolean): number {
  const words = fragments.filter((k) => !isOcrSpeck(k));
  const total = words.reduce((sum, k) => sum + k.length, 0);
  return total === 0 ? 0 : words.filter(isKnown).reduce((sum, k) => sum + k.length, 0) / total;
}

/** Pages a line must recur on to be furniture (fewer for short documents). */
function minPages(pageCount: number): number {
  return Math.max(2, Math.min(RECUR_PAGES, Math.ceil(pageCount * RECUR_SHARE)));
}

/** The page's edge-band keys, "t:" or "b:" first. */
function bandKeys(page: PageText): Set<string> {
  const seen = new Set<string>();
  for (const line of page.lines) {
    const edge = band(line, page.height);
    if (!edge) continue;
    // Count each fragment too: a footer line often shares its baseline with a page number placed elsewhere.
    for (const key of [furnitureKey(line.text), ...fragmentKeys(line)]) seen.add(`${edge}:${key}`);
  }
  return seen;
}

/** The lines furniture removal took off one page: above the body and below it. */
export interface RemovedFurniture {
  page: number;
  top: TextLine[];
  bottom: TextLine[];
}

/** Remove furniture from every page (returns new page objects); see `splitFurniture`. */
export function removeFurniture(pages: readonly FurniturePage[]): PageText[] {
  return splitFurniture(pages).pages;
}

/**
 * Split furniture from every page: the pages without it (new page objects) and, per page, the
 * lines taken off. Only lines in the edge bands are candidates. Everything between the edge and
 * the innermost recognised furniture line goes (footers are contiguous, and variants such as a
 * changed date sit among known lines); then small-print lines directly next to that zone go too.
 * On pages read by OCR, keys also match with recognition errors (see `ocr-furniture.ts`).
 */
export function splitFurniture(pages: readonly FurniturePage[]): { pages: PageText[]; removed: RemovedFurniture[] } {
  const keys = recurringKeys(pages);
  const inBandKeys = (edge: 't' | 'b') => new Set([...keys].filter((k) => k.startsWith(`${edge}:`)).map((k) => k.slice(2)));
  const [headerKeys, footerKeys] = [inBandKeys('t'), inBandKeys('b')];
  const fuzzy = pages.some((p) => p.ocr) ? fuzzyRecurringKeys(pages.map((p): BandKeys => ({ page: p.page, ocr: p.ocr === true, keys: bandKeys(p) })), NEAR_PAGES, minPages(pages.length)) : new Map<number, Set<string>>();
  const small = bodySize(pages) * 0.8;
  const removed: RemovedFurniture[] = [];
  const cleaned = pages.map((page) => {
    const recurringHere = fuzzy.get(page.page);
    const known = (line: TextLine): boolean => {
      const edge = band(line, page.height);
      if (!edge) return false;
      const own = edge === 't' ? headerKeys : footerKeys;
      const readWithErrors = (k: string) => page.ocr === true && (recurringHere?.has(`${edge}:${k}`) === true || matchesKnownFuzzily(k, own));
      const key = furnitureKey(line.text);
      if (own.has(key) || looksLikePageNumber(line.text) || extendsKnown(key, own) || readWithErrors(key)) return true;
      const isKnown = (k: string) => own.has(k) || looksLikePageNumber(k) || extendsKnown(k, own) || readWithErrors(k);
      const fragments = fragmentKeys(line);
      // OCR misreads some of a footer's small print beyond recognition (a date read "vases"), and
      // reads specks as fragments: a line most of whose text is known furniture is furniture.
      if (page.ocr) return knownShare(fragments, isKnown) >= OCR_KNOWN_SHARE;
      return fragments.every(isKnown);
    };
    const lines = page.lines;
    let top = 0;
    for (let i = 0; i < lines.length && inBand(lines[i]!, page.height) && lines[i]!.baseline < page.height / 2; i++) if (known(lines[i]!)) top = i + 1;
    let bottom = lines.length;
    for (let i = lines.length - 1; i >= top && inBand(lines[i]!, page.height) && lines[i]!.baseline > page.height / 2; i--) if (known(lines[i]!)) bottom = i;
    const smallPrint = (line: TextLine) => inBand(line, page.height) && line.size < small;
    if (top > 0) while (top < bottom && smallPrint(lines[top]!)) top++;
    if (bottom < lines.length) while (bottom > top && smallPrint(lines[bottom - 1]!)) bottom--;
    removed.push({ page: page.page, top: lines.slice(0, top), bottom: lines.slice(bottom) });
    if (top === 0 && bottom === lines.length) return page;
    return { ...page, lines: lines.slice(top, bottom) };
  });
  return { pages: cleaned, removed };
}
