/**
 * Plain data shared by the PDF extraction steps. All geometry is in PDF points on the page's
 * viewport: origin top-left, y growing downwards, page rotation already applied.
 */

/** One positioned run of text from pdf.js `getTextContent`, already mapped to viewport space. */
export interface PdfItem {
  str: string;
  /** 1-based page number. */
  page: number;
  /** Left edge. */
  x: number;
  /** Baseline (y downwards). */
  baseline: number;
  /** Advance width along the line. */
  width: number;
  /** Font size (em height) in points. */
  size: number;
  /**
   * True for a placeholder the parser put where a redaction erased text (`[REDACTED]`): it
   * spans the gap or box the erased words left, and has no glyphs of the page behind it.
   */
  redaction?: true;
}

/** A filled dark rectangle drawn on the page: a redaction box, or any other black bar. */
export interface FilledBox {
  x0: number;
  x1: number;
  /** Top edge (y downwards). */
  y0: number;
  /** Bottom edge. */
  y1: number;
}

/** Items of one line that sit close together; a wide gap (gutter, table column, redaction) starts a new fragment. */
export interface Fragment {
  items: PdfItem[];
  x0: number;
  x1: number;
}

/** A row of text at one baseline, possibly limited to one column or one table cell. */
export interface TextLine {
  page: number;
  baseline: number;
  /** Dominant font size. */
  size: number;
  x0: number;
  x1: number;
  fragments: Fragment[];
  /** Text with single spaces between items that are visibly apart. */
  text: string;
}

/** A straight ruling line drawn on the page (table borders). */
export interface RulingSegment {
  orientation: 'h' | 'v';
  /** y for horizontal, x for vertical. */
  at: number;
  from: number;
  to: number;
}

/** What one page holds once read. */
export interface PageText {
  page: number;
  width: number;
  height: number;
  lines: TextLine[];
  /** Non-whitespace characters of the page's text layer. */
  chars: number;
}

/** A table found on a page: cells in row-major order, each with its own lines. */
export interface PageTable {
  page: number;
  top: number;
  cells: Array<{ row: number; col: number; lines: TextLine[] }>;
}

/** A unit of reading order on a page: a flowing text line or a whole table. */
export type FlowEntry =
  | { kind: 'line'; line: TextLine; columnBreak: boolean; /** Right edge of the column the line sits in. */ rightEdge: number; leftEdge: number }
  | { kind: 'table'; table: PageTable };
