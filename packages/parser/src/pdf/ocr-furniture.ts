/**
 * Running headers and footers on pages read by OCR. Recognition errors change a footer's letters
 * from page to page ("©2023 Nov [EE~esivonsion. Inc." for the text layer's "©2023 Novitas …"),
 * so the exact keys of `page-furniture.ts` never match them and the footer would land in the
 * body. Here an OCR line counts as furniture when its key is close, by normalized edit distance,
 * to a header or footer key the text pages print, or to a line in the same band of nearby pages
 * (a fully scanned PDF has no text page to compare with).
 */
import { distance } from 'fastest-levenshtein';

/**
 * Share of a key's characters that may differ from the known key and still be the same line.
 * A quarter: OCR of small footer print at 150–300 dpi gets most letters right but mangles a
 * word or two (and a redaction box reads as a few stray marks); two different sentences of
 * similar length differ in far more than a quarter of their characters.
 */
export const OCR_KEY_TOLERANCE = 0.25;

// Shorter keys are left to the exact rules: a few characters of edit distance between two short
// lines ("article#" and "articles") would make unrelated headings look alike.
const MIN_FUZZY_KEY = 10;

/** Whether two furniture keys are the same line read with recognition errors. */
export function similarKeys(a: string, b: string): boolean {
  if (Math.min(a.length, b.length) < MIN_FUZZY_KEY) return false;
  const allowed = Math.max(a.length, b.length) * OCR_KEY_TOLERANCE;
  // The length difference is a lower bound on the distance: skip the computation when it is already too far.
  return Math.abs(a.length - b.length) <= allowed && distance(a, b) <= allowed;
}

/**
 * Edit distance from `needle` to the closest substring of `text` (Sellers' algorithm: the
 * standard dynamic programme with the start and end in `text` free).
 */
export function substringDistance(needle: string, text: string): number {
  let row = new Array<number>(text.length + 1).fill(0);
  for (let i = 1; i <= needle.length; i++) {
    const next = [i];
    for (let j = 1; j <= text.length; j++) {
      const cost = needle[i - 1] === text[j - 1] ? 0 : 1;
      next.push(Math.min(row[j - 1]! + cost, row[j]! + 1, next[j - 1]! + 1));
    }
    row = next;
  }
  return Math.min(...row);
}

/**
 * Whether an OCR key is one of `known`, read with errors: the whole key; (as for exact keys) a
 * known key that is most of the line with a section name added before or after it; or most of
 * a known key, where OCR lost a word at the line's start or end (the small print next to a
 * redaction box, or a name on a grey band).
 */
export function matchesKnownFuzzily(key: string, known: Iterable<string>): boolean {
  for (const k of known) {
    if (similarKeys(key, k)) return true;
    if (key.length >= MIN_FUZZY_KEY && key.length < k.length && key.length * 4 >= k.length * 3 && substringDistance(key, k) <= key.length * OCR_KEY_TOLERANCE) return true;
    if (k.length >= MIN_FUZZY_KEY && key.length > k.length && k.length * 2 >= key.length) {
      // Room for the errors to shift the boundary: compare the known key with the line's start and end of its length.
      if (similarKeys(key.slice(0, k.length), k) || similarKeys(key.slice(-k.length), k)) return true;
    }
  }
  return false;
}

/** One page's edge-band keys ("t:…" header, "b:…" footer), for comparing nearby pages. */
export interface BandKeys {
  page: number;
  ocr: boolean;
  keys: ReadonlySet<string>;
}

/**
 * For each OCR page, the band keys (with their "t:"/"b:" prefix) that recur, read fuzzily, across
 * at least `min` pages. As for exact keys, recurrence runs through nearby pages: two keys are
 * linked when they are similar and their pages are at most `near` apart, and a key recurs when
 * the keys linked to it, directly or through others, are on `min` pages. Linking through others
 * matters because two differently misread copies of a footer can be further apart from each
 * other than each is from the true text. Comparing only nearby pages keeps the work small on a
 * long scanned contract.
 */
export function fuzzyRecurringKeys(bands: readonly BandKeys[], near: number, min: number): Map<number, Set<string>> {
  const entries = bands.flatMap((band, i) => [...band.keys].map((key) => ({ index: i, page: band.page, ocr: band.ocr, key })));
  const parent = entries.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  entries.forEach((a, i) => {
    for (let j = i + 1; j < entries.length; j++) {
      const b = entries[j]!;
      if (b.index === a.index) continue;
      if (b.page - a.page > near) break;
      if (!a.ocr && !b.ocr) continue;
      if (a.key.slice(0, 2) === b.key.slice(0, 2) && similarKeys(a.key.slice(2), b.key.slice(2))) parent[root(i)] = root(j);
    }
  });
  const pagesOf = new Map<number, Set<number>>();
  entries.forEach((entry, i) => {
    const r = root(i);
    pagesOf.set(r, (pagesOf.get(r) ?? new Set()).add(entry.page));
  });
  const out = new Map<number, Set<string>>();
  entries.forEach((entry, i) => {
    if (!entry.ocr || pagesOf.get(root(i))!.size < min) return;
    out.set(entry.page, (out.get(entry.page) ?? new Set()).add(entry.key));
  });
  return out;
}

/** True for a fragment OCR made of a speck or a rule: no word in it, so it neither makes nor breaks a footer. */
export function isOcrSpeck(key: string): boolean {
  return key.replace(/[^\p{L}\p{N}#]/gu, '').length < 2;
}
