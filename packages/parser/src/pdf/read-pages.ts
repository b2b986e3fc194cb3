/**
 * Reads every page once, in order, keeping only plain data (lines, tables, counts) so pdf.js
 * page resources can be released right away.
 */
import { detectLabel } from '../clause-labels.ts';
import type { PdfWorkerClient } from './pdfjs-client.ts';
import type { PageTable, PageText } from './pdf-types.ts';
import { extractRuledTables } from './tables.ts';
import { buildLines } from './text-lines.ts';

/** Pages below this many characters may be image-only. */
export const MIN_PAGE_CHARS = 20;

/** A page as read: its text lines, ruled tables, and whether it paints images without text. */
export interface ReadPage extends PageText {
  tables: PageTable[];
  imageOnly: boolean;
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

/** Read pages 1..n through the pdf.js worker (which enforces the time limit). */
export async function readPages(client: PdfWorkerClient, numPages: number): Promise<ReadPage[]> {
  const pages: ReadPage[] = [];
  for (let number = 1; number <= numPages; number++) {
    const { width, height, items, chars } = await client.pageItems(number);
    const text: PageText = { page: number, width, height, lines: buildLines(items), chars };
    let tables: PageTable[] = [];
    let imageOnly = false;
    const lowText = chars < MIN_PAGE_CHARS;
    if (lowText || mayHoldTable(text)) {
      const graphics = await client.pageGraphics(number);
      imageOnly = lowText && graphics.hasImages;
      if (!lowText) {
        const split = extractRuledTables(text.lines, graphics.rulings);
        tables = split.tables;
        text.lines = split.lines;
      }
    }
    pages.push({ ...text, tables, imageOnly });
  }
  return pages;
}
