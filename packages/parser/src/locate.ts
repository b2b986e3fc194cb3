/**
 * Where an offset sits in the contract, in the words a reader uses: "Section 7.3 Recoupment",
 * clause "(b)", page 5. Used by findings, the Markdown memo and the web view.
 */
import type { Block, ContractDocument, Section } from './types.ts';

/** A reader-facing location. */
export interface Location {
  /** Innermost titled section, e.g. "7.3 Recoupment" or "ARTICLE VI Audits". */
  section?: string;
  /** Label of the numbered clause that contains the offset ("7.3(b)" style chains are kept as written). */
  label?: string;
  page?: number;
  /** The page's number as printed on it, when that differs from `page` (the PDF's own count). */
  printedPage?: string;
  blockId?: string;
}

/** The block containing `offset` (or the next one when the offset falls between blocks). */
export function blockAt(document: ContractDocument, offset: number): Block | undefined {
  const blocks = document.blocks;
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const block = blocks[mid]!;
    if (offset < block.start) hi = mid - 1;
    else if (offset >= block.end + 2) lo = mid + 1;
    else return block;
  }
  return blocks[lo];
}

/** The chain of sections (outermost first) that contain `offset`. */
export function sectionPath(document: ContractDocument, offset: number): Section[] {
  const path: Section[] = [];
  let level: readonly Section[] = document.sections;
  for (;;) {
    const hit = level.find((s) => offset >= s.start && offset < Math.max(s.end, s.start + 1));
    if (!hit) return path;
    path.push(hit);
    level = hit.children;
  }
}

/** Describe `offset` for a reader. */
export function locate(document: ContractDocument, offset: number): Location {
  const location: Location = {};
  const block = blockAt(document, offset);
  if (block) {
    location.blockId = block.id;
    if (block.page !== undefined) {
      location.page = block.page;
      const printed = document.printedPages?.[block.page - 1];
      if (printed && printed !== String(block.page)) location.printedPage = printed;
    }
  }
  const path = sectionPath(document, offset);
  const inner = path[path.length - 1];
  if (inner) location.section = inner.label ? `${inner.label} ${inner.title}` : inner.title;
  const labelled = block?.label ? block : undefined;
  if (labelled?.label) location.label = labelled.label;
  else if (inner?.label) location.label = inner.label;
  return location;
}
