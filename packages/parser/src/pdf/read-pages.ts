/**
 * Reads every page once, keeping only plain data (lines, tables, counts) so pdf.js page
 * resources can be released right away.
 */
import { detectLabel } from '../clause-labels.ts';
import type { PdfWorkerClient } from './pdfjs-client.ts';
import type { FilledBox, PageTable, PageText } from './pdf-types.ts';
import { splitBlockGlyphs } from './redaction.ts';
import { mayHideRedactions } from './redaction-cues.ts';
import { fillRedactionGaps } from './redaction-gaps.ts';
import { extractRuledTables } from './tables.ts';
import { buildLines } from './text-lines.ts';

/** Pages below this many characters may be image-only. */
export const MIN_PAGE_CHARS = 20;

/** A page as read: its text lines, ruled tables, and whether it paints images without text. */
export interface ReadPage extends PageText {
  tables: PageTable[];
  imageOnly: boolean;
  /** True when the lines were recognized by OCR from the page's picture. */
  ocr?: boolean;
}

// The operator list is costly (it doubles the read time of a page), so ask for it only when a
// table is plausible: at least two multi-part lines whose later parts start at the same x.
// Redaction gaps and stray wide spaces also split lines, but they do not line up.
function mayHoldTable(text: PageText): boolean {
  const starts = new Map<number, number>();
  for (const line of text.lines) {
    if (line.fragments.length < 2) continue;
    const first = line.fragments[0]!.items.map((i) => i.str).join(' ').trim();
    const label = detectLabel(first);
    if (label && label.length >= first.length - 1) continue;
    const seen = new Set<number>();
    for (const fragment of line.fragments.slice(1)) {
      const x = Math.round(fragment.x0 / 2);
      for (const key of [x - 1, x, x + 1]) {
        if (seen.has(key)) continue;
        seen.add(key);
        const count = (starts.get(key) ?? 0) + 1;
        if (count >= 2) return true;
        starts.set(key, count);
      }
    }
  }
  return false;
}

/** Pages each pdf.js thread works on at once: with two, it never waits for the next request. */
const PAGES_IN_FLIGHT = 2;

async function readPage(client: PdfWorkerClient, number: number): Promise<ReadPage> {
  const { width, height, items, chars } = await client.pageItems(number);
  const text: PageText = { page: number, width, height, lines: buildLines(items.flatMap(splitBlockGlyphs)), chars };
  let tables: PageTable[] = [];
  let imageOnly = false;
  let boxes: FilledBox[] = [];
  const lowText = chars < MIN_PAGE_CHARS;
  const table = !lowText && mayHoldTable(text);
  if (lowText || table || mayHideRedactions(text.lines)) {
    const graphics = await client.pageGraphics(number);
    imageOnly = lowText && graphics.hasImages;
    boxes = graphics.boxes;
    if (table) {
      const split = extractRuledTables(text.lines, graphics.rulings);
      tables = split.tables;
      text.lines = split.lines;
    }
  }
  // After the tables are out: their column gaps are not redactions, and each cell is read on its own.
  text.lines = fillRedactionGaps(text.lines, boxes);
  for (const table of tables) for (const cell of table.cells) cell.lines = fillRedactionGaps(cell.lines, boxes);
  return { ...text, tables, imageOnly };
}

/**
 * Read pages 1..n through pdf.js worker threads (which enforce the time limit), each with the
 * same document open. The first reader takes pages from the front and the second from the back
 * until they meet, so each sees a contiguous run (fonts and shared resources load once per
 * thread) and a reader that opens late or runs slow simply reads fewer pages. Layout of a page
 * runs here as soon as its items arrive, while the threads work on later pages.
 * `readers` may still be opening: a reader joins when its promise settles (one that fails to open
 * just reads nothing; the first must open).
 */
export async function readPages(readers: ReadonlyArray<Promise<PdfWorkerClient>>, numPages: number): Promise<ReadPage[]> {
  const pages = new Array<ReadPage>(numPages);
  let front = 1;
  let back = numPages;
  let failed = false;
  const take = (fromBack: boolean): number | undefined => {
    if (failed || front > back) return undefined;
    return fromBack ? back-- : front++;
  };
  const lane = async (client: PdfWorkerClient, fromBack: boolean): Promise<void> => {
    for (let number = take(fromBack); number !== undefined; number = take(fromBack)) {
      try {
        pages[number - 1] = await readPage(client, number);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const work = readers.map(async (opening, i) => {
    let client: PdfWorkerClient;
    try {
      client = await opening;
    } catch (error) {
      if (i > 0) return;
      failed = true;
      throw error;
    }
    await Promise.all(Array.from({ length: PAGES_IN_FLIGHT }, () => lane(client, i % 2 === 1)));
  });
  await Promise.all(work);
  return pages;
}
