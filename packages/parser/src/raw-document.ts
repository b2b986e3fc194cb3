/**
 * The intermediate form both extractors (PDF, DOCX) produce. `assemble` turns it into a
 * ContractDocument: it joins blocks with "\n\n", shifts offsets, builds the section tree,
 * detects parties and labels where the extractor has none.
 */
import type { BlockKind, PageRect, ParseWarning, RunningText, TableCellRef } from './types.ts';

/** Where a piece of block text came from. */
export type RawSource =
  | { type: 'pdf'; page: number; rect: PageRect }
  | { type: 'docx'; part: string; paragraph: number; paraId?: string; offset: number };

/** Maps `[start, end)` of the block's text (block-relative) to its source. */
export interface RawPiece {
  start: number;
  end: number;
  source: RawSource;
}

/** One block as an extractor found it. Text is already whitespace-normalized (single spaces, trimmed). */
export interface RawBlock {
  kind: BlockKind;
  /** Reader-visible text, starting with the label when there is one ("4.2 Recoupment. Plan may…"). */
  text: string;
  /** Clause label when the extractor knows it (DOCX list numbering); otherwise detected from text. */
  label?: string;
  level?: number;
  page?: number;
  table?: TableCellRef;
  pieces: RawPiece[];
}

/** What an extractor returns. */
export interface RawDocument {
  format: 'pdf' | 'docx';
  pages?: number;
  blocks: RawBlock[];
  warnings: ParseWarning[];
  /** PDF: the running header and footer taken out of the body. */
  running?: RunningText;
  /** PDF: the page number each page prints (see `ContractDocument.printedPages`). */
  printedPages?: string[];
}
