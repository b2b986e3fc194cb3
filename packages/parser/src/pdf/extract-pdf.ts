/**
 * PDF bytes to a RawDocument: reading-order paragraphs, headings and table cells with clause
 * labels and a source map to page rectangles. Running headers and footers are removed.
 */
import { ParseError } from '../errors.ts';
import type { RawBlock, RawDocument } from '../raw-document.ts';
import type { ParseProgress, ParseWarning, RunningText } from '../types.ts';
import { makeBlock } from './blocks.ts';
import { buildVocabulary, leadingWord, trailingHyphenWord } from './dehyphenate.ts';
import { headingLevel, isArticleHeading } from './line-roles.ts';
import { openPdf, toParseError } from './load-pdf.ts';
import { splitFurniture } from './page-furniture.ts';
import { printedPageNumbers } from './printed-page-numbers.ts';
import { runningText } from './running-text.ts';
import { pageFlow } from './page-flow.ts';
import { bodyFontSize, buildParagraphs } from './paragraphs.ts';
import type { FlowEntry, TextLine } from './pdf-types.ts';
import { fillRedactedLineEdges, showsRedactions } from './redaction-edges.ts';
import { splitErasedNames } from './redaction.ts';
import { makeLine } from './text-lines.ts';
import { DEFAULT_OCR_PAGE_TIMEOUT_MS } from '../ocr/ocr-limits.ts';
import { ocrPages } from './ocr-pages.ts';
import { MIN_PAGE_CHARS, readPages, type ReadPage } from './read-pages.ts';

/** Options for `extractPdf`. */
export interface ExtractPdfOptions {
  /** File name, for messages. */
  name: string;
  /** Password for an encrypted PDF. */
  password?: string;
  /** Give up after this many milliseconds (default 60 s) rather than keep the caller waiting. */
  timeoutMs?: number;
  /** pdf.js threads a long document may be split across: 1 (default) or 2. */
  threads?: number;
  /** Recognize scanned pages with OCR (default true); false leaves them unread and refuses a fully scanned PDF. */
  ocr?: boolean;
  /** Time limit for recognizing one page (default 30 s). */
  ocrPageTimeoutMs?: number;
  /** Progress of the slow steps (OCR, page by page). */
  onProgress?: (progress: ParseProgress) => void;
}

/** Below this many pages a second pdf.js thread costs more (its start, fonts loaded twice) than it saves. */
const SPLIT_MIN_PAGES = 16;

const SCANNED =
  'This PDF is a scanned document: its pages are images with no text layer, so the text cannot be read. Run OCR first (for example with ocrmypdf, or "Recognize Text" in Adobe Acrobat or your scanner software), then upload the searchable PDF.';

const SCANNED_UNREADABLE =
  'This PDF is a scanned document, and text recognition (OCR) found no readable text on its pages (the scan may be blank, too faint or too small). Scan it again at 300 dpi, or run OCR with other software (for example ocrmypdf, or "Recognize Text" in Adobe Acrobat), then upload the searchable PDF.';

/** Extract the reading-order blocks of a PDF. Scanned pages are read by OCR unless `ocr` is false. Throws ParseError for encrypted, damaged or unreadable scanned files. */
export async function extractPdf(bytes: Uint8Array, options: ExtractPdfOptions): Promise<RawDocument> {
  const { name, password } = options;
  const timeout = options.timeoutMs ?? 60_000;
  const { client, numPages } = await openPdf(bytes, name, password, timeout);
  const threads = Math.max(1, Math.min(2, options.threads ?? 1));
  const readers = [Promise.resolve(client)];
  if (threads > 1 && numPages >= SPLIT_MIN_PAGES) readers.push(openPdf(bytes, name, password, timeout).then((opened) => opened.client));
  let pages: ReadPage[];
  try {
    pages = await readPages(readers, numPages);
  } catch (error) {
    throw toParseError(error, name, password, timeout);
  } finally {
    await Promise.all(readers.map((reader) => reader.then((c) => c.dispose(), () => undefined)));
  }
  const isScan = (list: readonly ReadPage[]): boolean => {
    const totalChars = list.reduce((sum, p) => sum + p.chars, 0);
    // A few characters on image-free pages ("Hello world") is a sparse document, not a scan.
    return totalChars === 0 || (totalChars < MIN_PAGE_CHARS * list.length && list.some((p) => p.imageOnly));
  };
  const ocr = options.ocr !== false;
  if (!ocr && isScan(pages)) throw new ParseError('PDF_SCANNED', SCANNED, { file: name });
  const warnings: ParseWarning[] = [];
  let unread = new Set<number>();
  if (ocr && pages.some((p) => p.imageOnly)) {
    const settings = { pageTimeoutMs: options.ocrPageTimeoutMs ?? DEFAULT_OCR_PAGE_TIMEOUT_MS, ...(options.onProgress ? { onProgress: options.onProgress } : {}) };
    const recognized = await ocrPages(bytes, name, password, pages, settings).catch((error: unknown) => {
      throw toParseError(error, name, password, timeout);
    });
    pages = recognized.pages;
    warnings.push(...recognized.warnings);
    // Pages OCR gave up on have their own warning; the image-only one would tell the reader to run OCR.
    unread = new Set(recognized.timedOut);
    if (isScan(pages)) {
      const timedOut = recognized.timedOut.length > 0 ? ` Recognition did not finish within the time limit on ${recognized.timedOut.length === 1 ? 'page' : 'pages'} ${recognized.timedOut.join(', ')}.` : '';
      throw new ParseError('PDF_SCANNED', SCANNED_UNREADABLE + timedOut, { file: name });
    }
  }
  // No text and no picture to recognize (blank pages, or text drawn as vector shapes).
  if (isScan(pages)) throw new ParseError('PDF_SCANNED', SCANNED, { file: name });
  const imagePages = pages.filter((p) => p.imageOnly && !unread.has(p.page)).map((p) => p.page);
  if (imagePages.length > 0) warnings.push(imageOnlyWarning(imagePages, ocr));
  const { blocks, running, printedPages } = blocksFromPages(pages);
  const raw: RawDocument = { format: 'pdf', pages: pages.length, blocks, warnings };
  if (running) raw.running = running;
  if (printedPages) raw.printedPages = printedPages;
  return raw;
}

/** The warning for image pages left unread: OCR was off, or found no text in them. */
function imageOnlyWarning(pages: number[], ocrRan: boolean): ParseWarning {
  const one = pages.length === 1;
  const which = `${one ? 'Page' : 'Pages'} ${pages.join(', ')}`;
  const message = ocrRan
    ? `${which} ${one ? 'is an image' : 'are images'} in which text recognition (OCR) found no text, so nothing on ${one ? 'it' : 'them'} was reviewed. Check ${one ? 'it' : 'them'} yourself.`
    : `${which} ${one ? 'is a scanned image' : 'are scanned images'} with no text layer, so ${one ? 'its' : 'their'} text was not reviewed. Run OCR on the PDF to include ${one ? 'it' : 'them'}.`;
  return { code: 'PDF_IMAGE_ONLY_PAGES', message, pages };
}

/** The line with a placeholder wherever a name was erased from inside one of its text runs. */
function fillErasedInRuns(line: TextLine): TextLine {
  const items = line.fragments.flatMap((f) => f.items);
  const split = items.flatMap(splitErasedNames);
  return split.length === items.length ? line : makeLine(split);
}

/**
 * Everything after reading: furniture (kept aside as running text and the printed page numbers),
 * reading order, paragraphs, vocabulary, blocks.
 */
export function blocksFromPages(read: readonly ReadPage[]): { blocks: RawBlock[]; running?: RunningText; printedPages?: string[] } {
  const split = splitFurniture(read);
  let cleaned = split.pages;
  let tables = read.map((page) => page.tables);
  // Names erased at a line's end or start show only against the paragraph's margins, and names
  // erased inside a run of text only by the spaces they left: both are looked for only where
  // redactions inside lines show the document is redacted.
  const redacted = showsRedactions(cleaned.flatMap((page, i) => [...page.lines, ...tables[i]!.flatMap((t) => t.cells.flatMap((c) => c.lines))]));
  if (redacted) {
    cleaned = cleaned.map((page) => ({ ...page, lines: page.lines.map(fillErasedInRuns) }));
    tables = tables.map((list) => list.map((table) => ({ ...table, cells: table.cells.map((cell) => ({ ...cell, lines: cell.lines.map(fillErasedInRuns) })) })));
  }
  const flow: FlowEntry[] = [];
  cleaned.forEach((page, i) => flow.push(...pageFlow(page.lines, tables[i]!, page.width)));
  const units = buildParagraphs(flow).map((unit) => (redacted && unit.kind === 'text' && !unit.heading ? { ...unit, lines: fillRedactedLineEdges(unit.lines, unit.edges) } : unit));
  const body = bodyFontSize(flow);
  const texts: string[] = [];
  const pairs: Array<[string, string]> = [];
  const collect = (lines: ReadonlyArray<{ text: string }>) => {
    lines.forEach((line, i) => {
      texts.push(line.text);
      const next = lines[i + 1];
      const before = trailingHyphenWord(line.text);
      const after = next ? leadingWord(next.text) : null;
      if (before && after) pairs.push([before, after]);
    });
  };
  for (const unit of units) {
    if (unit.kind === 'text') collect(unit.lines);
    else for (const cell of unit.table.cells) collect(cell.lines);
  }
  const vocab = buildVocabulary(texts, pairs);
  const hasArticles = units.some((u) => u.kind === 'text' && u.heading && isArticleHeading(u.lines[0]!.text));
  const blocks: RawBlock[] = [];
  let tableIndex = 0;
  for (const unit of units) {
    if (unit.kind === 'table') {
      for (const cell of unit.table.cells) {
        const block = makeBlock(cell.lines, vocab, 'table-cell', { table: { table: tableIndex, row: cell.row, col: cell.col } });
        if (block) blocks.push(block);
      }
      tableIndex++;
      continue;
    }
    if (unit.heading) {
      const first = unit.lines[0]!;
      const block = makeBlock(unit.lines, vocab, 'heading', { level: headingLevel(unit.lines.map((l) => l.text).join(' '), first.size, body, hasArticles) });
      if (block) blocks.push(block);
    } else {
      const block = makeBlock(unit.lines, vocab, 'paragraph');
      if (block) blocks.push(block);
    }
  }
  const running = runningText(split.removed);
  const printedPages = printedPageNumbers(split.removed, read.length);
  return { blocks, ...(running ? { running } : {}), ...(printedPages ? { printedPages } : {}) };
}
