/**
 * The page number each PDF page prints in its header or footer. Counsel cite pages as printed
 * ("page 12 of the agreement"), and in a packet with a cover letter, a signature page or roman-
 * numbered front matter the printed number is not the PDF's page count; a report that says
 * "page 14" for what the paper calls page 12 sends the reader to the wrong page.
 */
import type { RemovedFurniture } from './page-furniture.ts';

const LABEL = String.raw`(?:[A-Z]{1,2}\s?[-–.]\s?[0-9]{1,4}|[0-9]{1,4}|[ivxlc]{1,7})`;
// Forms that say they are a page number: "Page 3", "Page 3 of 20", "Pg. B-2", "- 3 -", "3/20" at a line's end.
const EXPLICIT = [
  new RegExp(String.raw`\b(?:page|pg\.?)\s*(${LABEL})(?![\w-])(?:\s*(?:of|\/)\s*[0-9]+)?`, 'i'),
  new RegExp(String.raw`(?:^|\s)[-–—]\s*(${LABEL})\s*[-–—](?=\s|$)`),
  /(?:^|\s)\|?\s*([0-9]{1,4})\s*\/\s*[0-9]{1,4}\s*$/,
];
// A line that is nothing but a number ("7", "iii", "| 7", "7 |").
const ONLY = /^[|\s]*([0-9]{1,4}|[ivxlc]{1,7})[|\s]*$/;
// A number standing alone among a line's words ("Provider Agreement PP Exhibit 12 [####]"):
// only a page number if it counts up with the pages, which `countsUp` checks.
const LONE_NUMBER = /(?:^|\s)([0-9]{1,4})(?=\s|$)/g;

function explicitLabel(lines: readonly string[]): string | undefined {
  for (const re of EXPLICIT) {
    for (const line of lines) {
      const m = re.exec(line);
      if (m) return m[1]!.replace(/\s+/g, '');
    }
  }
  return undefined;
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

/** The value of a bare number line's label: digits, or a lower-case roman numeral. */
function labelValue(label: string): number {
  if (/^[0-9]+$/.test(label)) return Number(label);
  const values = [...label].map((ch) => ROMAN[ch]!);
  return values.reduce((sum, v, k) => sum + (v < (values[k + 1] ?? 0) ? -v : v), 0);
}

/** Whether numbers on consecutive pages mostly go up by one (pages without one are skipped over in pairs). */
function countsUp(values: ReadonlyArray<number | undefined>): boolean {
  let pairs = 0;
  let up = 0;
  for (let p = 1; p < values.length; p++) {
    const a = values[p - 1];
    const b = values[p];
    if (a === undefined || b === undefined) continue;
    pairs++;
    if (b === a + 1) up++;
  }
  return pairs >= 2 && up / pairs >= 0.7;
}

// Years ("© 2024") and other steady numbers are no page numbers.
function loneNumbers(lines: readonly string[]): number[][] {
  return lines.map((line) => [...line.matchAll(LONE_NUMBER)].map((m) => Number(m[1])).filter((n) => n < 1900 || n > 2100));
}

/** Of the lone numbers at one place (line, position) on every page, the place whose numbers count up page by page. */
function countingPlace(pages: ReadonlyArray<number[][]>): [number, number] | undefined {
  const places = new Set<string>();
  for (const lines of pages) lines.forEach((nums, l) => nums.forEach((_, i) => places.add(`${l}:${i}`)));
  for (const place of places) {
    const [l, i] = place.split(':').map(Number) as [number, number];
    if (countsUp(pages.map((lines) => lines[l]?.[i]))) return [l, i];
  }
  return undefined;
}

/**
 * The printed page number of each page (index 0 is page 1; '' where the page prints none), from
 * the header and footer lines taken off the pages; undefined when no page prints one.
 */
export function printedPageNumbers(removed: readonly RemovedFurniture[], pageCount: number): string[] | undefined {
  const labels: string[] = Array.from({ length: pageCount }, () => '');
  const byPage = [...removed].sort((a, b) => a.page - b.page);
  const bands = byPage.map((r) => [...r.bottom, ...r.top].map((line) => line.text));
  // Each reading below only fills pages the ones before it left empty, so explicit forms win.
  const fill = (k: number, label: string | undefined) => {
    const page = byPage[k]!.page;
    if (label && page >= 1 && page <= pageCount && labels[page - 1] === '') labels[page - 1] = label;
  };
  bands.forEach((lines, k) => fill(k, explicitLabel(lines)));
  // A line that is only a number is a page number when such lines count up from page to page
  // (a lone "1" under a figure is not).
  const bare = bands.map((lines) => lines.map((line) => ONLY.exec(line)?.[1]).find((label) => label !== undefined));
  if (countsUp(bare.map((label) => (label === undefined ? undefined : labelValue(label))))) bare.forEach((label, k) => fill(k, label));
  // Pages without an explicit number may print one among other words; take it only where such a
  // number counts up from page to page, so a form number or a date is never read as a page.
  for (const edge of ['bottom', 'top'] as const) {
    const band = byPage.map((r) => loneNumbers(r[edge].map((line) => line.text)));
    const place = countingPlace(band);
    if (place) band.forEach((lines, k) => fill(k, lines[place[0]]?.[place[1]]?.toString()));
  }
  return labels.some((label) => label !== '') ? labels : undefined;
}
