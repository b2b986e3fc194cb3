/**
 * The layout of a Word file rebuilt from a PDF's text: what makes it read like the contract
 * rather than like extracted text. Black headings in the contract's weight instead of Word's
 * blue defaults, the PDF's running header and footer with page numbers, each exhibit, schedule or attachment starting on
 * a new page as it did in the PDF, clauses indented by their numbering depth, tables with
 * their first row repeated as a header, and a visible placeholder where the PDF had a page
 * with no text (a scan), so nothing vanishes without a trace.
 */
import { AlignmentType, Footer, Header, PageNumber, Paragraph, TextRun } from 'docx';
import type { IParagraphOptions, IStylesOptions } from 'docx';
import type { Block, ContractDocument } from '@redliner/parser';

const FONT = 'Times New Roman';

/** Document styles: body 11 pt, headings black and bold. */
export const REBUILT_STYLES: IStylesOptions = {
  default: {
    document: { run: { font: FONT, size: 22 } },
    heading1: { run: { font: FONT, size: 28, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
    heading2: { run: { font: FONT, size: 24, bold: true, color: '000000' }, paragraph: { spacing: { before: 200, after: 100 }, keepNext: true } },
    heading3: { run: { font: FONT, size: 22, bold: true, color: '000000' }, paragraph: { spacing: { before: 160, after: 80 }, keepNext: true } },
    heading4: { run: { font: FONT, size: 22, bold: true, italics: true, color: '000000' }, paragraph: { keepNext: true } },
  },
};

const SMALL = 18;

function runningLines(lines: readonly string[]): Paragraph[] {
  return lines.map((line) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: line, size: SMALL })] }));
}

/**
 * The PDF's own running header and footer lines (a form number, "Confidential", the agreement's
 * name) on every page, and "Page 3 of 12" under the footer: the copy sent back still says which
 * form it is, and its pages are numbered as Word lays them out.
 */
export function runningHeaderFooter(doc: Pick<ContractDocument, 'running'>): { headers?: { default: Header }; footers: { default: Footer } } {
  const pageNumber = new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: SMALL })] });
  const footers = { default: new Footer({ children: [...runningLines(doc.running?.footer ?? []), pageNumber] }) };
  const header = doc.running?.header ?? [];
  return header.length > 0 ? { headers: { default: new Header({ children: runningLines(header) }) }, footers } : { footers };
}

const EXHIBIT_TITLE = /^\s*(?:exhibit|schedule|attachment|appendix|addendum|amendment)\b/i;
// A named part's title in capitals: "PROVIDER NETWORKS ATTACHMENT", "PLAN COMPENSATION SCHEDULE ("PCS")".
const NAMED_PART_TITLE = /^[^a-z]{0,80}\b(?:EXHIBIT|SCHEDULE|ATTACHMENT|APPENDIX|ADDENDUM|AMENDMENT)\b/;

/** A block that opens an exhibit, schedule or attachment: its label-first title, or a heading naming one in capitals. */
function opensPart(block: Block, text: string): boolean {
  return EXHIBIT_TITLE.test(text) || (block.kind === 'heading' && NAMED_PART_TITLE.test(text));
}

/** Paragraph options that place block `index` as the PDF did: a page break before an exhibit that began a page, an indent by clause depth. */
export function blockLayout(doc: ContractDocument, index: number): IParagraphOptions {
  const block = doc.blocks[index]!;
  const previous = doc.blocks[index - 1];
  const text = doc.text.slice(block.start, Math.min(block.end, block.start + 80));
  const newPage = previous !== undefined && block.page !== undefined && previous.page !== undefined && block.page > previous.page;
  const out: { pageBreakBefore?: boolean; indent?: { left: number } } = {};
  if (newPage && opensPart(block, text)) out.pageBreakBefore = true;
  const depth = labelDepth(block);
  if (block.kind !== 'heading' && depth > 1) out.indent = { left: 360 * Math.min(depth - 1, 4) };
  return out;
}

/** 1 for "1." / "(a)" at the top, 2 for "1.1", 3 for "1.1.1"… */
function labelDepth(block: Block): number {
  const label = block.label?.trim();
  if (!label) return 0;
  const dotted = /^\d+(?:\.\d+)+\.?$/.exec(label);
  if (dotted) return label.replace(/\.$/, '').split('.').length;
  if (/^\((?:[a-z]{1,2}|[ivxl]+)\)$/.test(label)) return 3;
  if (/^\(\d+\)$/.test(label)) return 4;
  return 1;
}

/** Pages the PDF had with no text layer, by the block index after which each stands (-1: before the first). */
export function missingPages(doc: ContractDocument): Map<number, number[]> {
  const pages = doc.warnings.find((w) => w.code === 'PDF_IMAGE_ONLY_PAGES')?.pages ?? [];
  const out = new Map<number, number[]>();
  for (const page of pages) {
    let after = -1;
    doc.blocks.forEach((b, i) => {
      if (b.page !== undefined && b.page < page) after = i;
    });
    out.set(after, [...(out.get(after) ?? []), page]);
  }
  return out;
}

/** The visible placeholder for a page that had no text. */
export function missingPageParagraph(page: number): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 240, after: 240 },
    border: { top: { style: 'single', size: 4, color: '808080', space: 4 }, bottom: { style: 'single', size: 4, color: '808080', space: 4 } },
    children: [new TextRun({ text: `[Page ${page} of the original PDF is a scanned image with no text; it is not reproduced here. See the original PDF.]`, italics: true })],
  });
}
