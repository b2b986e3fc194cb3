/**
 * The ContractDocument model (see shared DESIGN.md): the one data structure that flows
 * from the parser through the rules and the redline export. Offsets into `text` are the
 * only way later stages refer to places in the contract.
 */

/** The source formats the parser reads. Detected from content, never from the file name. */
export type DocumentFormat = 'pdf' | 'docx';

/** What kind of text a block holds. */
export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'table-cell';

/** A half-open range `[start, end)` of `ContractDocument.text`. */
export interface TextRange {
  start: number;
  end: number;
}

/** Where a table cell sits: zero-based table number in the document, row and column. */
export interface TableCellRef {
  table: number;
  row: number;
  col: number;
}

/** One paragraph, heading, list item or table cell of the contract in reading order. */
export interface Block extends TextRange {
  /** Stable within one parse: `b0`, `b1`, … in reading order. */
  id: string;
  kind: BlockKind;
  /**
   * The clause number as the reader sees it ("4.2", "(b)", "Article IV", "Section 7.3"),
   * including numbers Word generates from list numbering. The label is also the first
   * characters of the block's text.
   */
  label?: string;
  /** Heading level (1 = top) for headings; nesting depth (1 = top) for list items. */
  level?: number;
  /** 1-based page on which the block starts (PDF only). */
  page?: number;
  table?: TableCellRef;
}

/** A node of the heading tree: a heading block and everything under it until the next heading of the same or a higher level. */
export interface Section extends TextRange {
  /** Id of the heading block that opens the section. */
  blockId: string;
  label?: string;
  /** Heading text without its label ("Recoupment"). */
  title: string;
  level: number;
  children: Section[];
}

/** A rectangle on a PDF page in PDF points, origin at the page's top-left corner, y growing downwards. */
export interface PageRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Maps `[start, end)` of `text` to a rectangle on a PDF page (for highlighting). */
export interface PdfSourceSpan extends TextRange {
  page: number;
  rect: PageRect;
}

/**
 * Maps `[start, end)` of `text` to characters of one DOCX paragraph: character `start` of the
 * document text is character `offset` of the paragraph's text model (see `docxParagraphText`),
 * and the mapping is linear up to `end`. Text between spans (generated list labels, collapsed
 * whitespace) has no source characters.
 */
export interface DocxSourceSpan extends TextRange {
  /** The OOXML part, e.g. `word/document.xml`. */
  part: string;
  /** Zero-based index of the `w:p` among all `w:p` elements of the part, in document order. */
  paragraph: number;
  /** `w14:paraId` when Word wrote one (survives edits better than the index). */
  paraId?: string;
  offset: number;
}

/** Source maps back to the original file; spans are sorted by `start` and never overlap. */
export type SourceMap =
  | { format: 'pdf'; spans: PdfSourceSpan[] }
  | { format: 'docx'; spans: DocxSourceSpan[] };

/** Which side of the contract a party is on. */
export type PartyRole = 'payer' | 'provider';

/** One contracting party as the document names it. */
export interface Party {
  role: PartyRole;
  /** The legal name when the document gives one ("Northgate BlueShield, Inc."). */
  name?: string;
  /**
   * The defined terms and pronouns the contract uses for this party, most specific first
   * ("Plan", "Payor"; "we", "us", "our"). Never empty: falls back to generic terms.
   */
  terms: string[];
  /** Where the party was recognised. */
  evidence: PartyEvidence[];
  /**
   * True when the document hides this party's name or defined term: a blank ("__________",
   * "[REDACTED]") or a black box whose text is gone. A blank the body uses for the party is one
   * of `terms`; the `[REDACTED]` a PDF reads where a box erased a name is one only when the
   * document says whose it is (never when it stands for both parties).
   */
  redacted?: boolean;
}

/** Why the parser believes a term names a party. */
export interface PartyEvidence extends TextRange {
  source: 'preamble' | 'definitions' | 'signature' | 'plain-english' | 'letter' | 'body' | 'redacted';
}

/** Both parties; `detected` is false when the roles were only guessed from generic wording. */
export interface Parties {
  payer: Party;
  provider: Party;
  detected: boolean;
}

/**
 * Stable codes of `ParseWarning`. Each is documented (what it means, what to do) in the
 * server's warning registry, `packages/server/src/warning-codes.ts`, whose `Record` over this
 * union makes the build fail until a new code is documented there.
 */
export type ParseWarningCode =
  | 'PDF_IMAGE_ONLY_PAGES'
  | 'PDF_OCR_PAGE'
  | 'PDF_OCR_FAILED'
  | 'PDF_OCR_TIMEOUT'
  | 'DOCX_TRACKED_CHANGES'
  | 'DOCX_COMMENTS'
  | 'DOCX_MACRO_OR_TEMPLATE'
  | 'DOCX_STRICT_FORMAT'
  | 'DOCX_EMBEDDED_CONTENT';

/** Something the reader should know about the parse (a page without a text layer, existing tracked changes…). */
export interface ParseWarning {
  /** Stable machine-readable code, e.g. `PDF_IMAGE_ONLY_PAGES`. */
  code: ParseWarningCode;
  message: string;
  pages?: number[];
}

/**
 * A PDF's running header and footer lines as printed on most pages, page numbers left out. They
 * are not part of `text` (they would cut sentences at every page break); a rebuilt Word file
 * prints them again.
 */
export interface RunningText {
  header: string[];
  footer: string[];
}

/** The parsed contract. */
export interface ContractDocument {
  name: string;
  format: DocumentFormat;
  /** SHA-256 of the original bytes, hex. */
  sha256: string;
  /** Page count (PDF); DOCX files have no fixed pages. */
  pages?: number;
  /** Normalized reading-order text; blocks are separated by "\n\n". */
  text: string;
  blocks: Block[];
  sections: Section[];
  sourceMap: SourceMap;
  parties: Parties;
  warnings: ParseWarning[];
  /** PDF only, when the pages have one: the running header and footer left out of `text`. */
  running?: RunningText;
  /**
   * PDF only, when pages print their numbers: the number each page prints in its header or
   * footer, as printed ("12", "iii", "B-2"; '' where a page prints none); index 0 is page 1.
   */
  printedPages?: string[];
}

/** Options for `parseDocument`. */
export interface ParseOptions {
  /** File name, used in messages and the report (not for format detection). */
  name: string;
  /** Password for an encrypted PDF. */
  password?: string;
  /**
   * pdf.js threads a long PDF may be split across (1 or 2). Default 1: a second thread reads a
   * 90-page PDF about a third faster on an idle 2-core machine but costs about 100 MB more.
   */
  pdfThreads?: number;
  /**
   * Recognize the text of scanned PDF pages (pages with no text layer) with OCR. Default true;
   * false leaves them unread (a warning names them) and refuses a fully scanned PDF (`PDF_SCANNED`).
   */
  ocr?: boolean;
  /** Time limit for recognizing one scanned page, in ms (default 30 s); a page over it is left unread with a warning. */
  ocrPageTimeoutMs?: number;
  /** Progress of the slow steps. In-thread only: the off-thread parser forwards it from its worker. */
  onProgress?: (progress: ParseProgress) => void;
}

/** Where a long parse is: `done` of `total` scanned pages recognized, `page` the one being read. */
export interface ParseProgress {
  stage: 'ocr';
  page: number;
  done: number;
  total: number;
}
