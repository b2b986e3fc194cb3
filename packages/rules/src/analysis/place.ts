/** A location in the reader's words, for report text. */
import type { FindingLocation } from '../types.ts';

/**
 * The page as counsel cite it: the number printed on it, with the PDF's own page count beside it
 * when the two differ ("page 12 (PDF page 14)"), so the reader finds it on paper and on screen.
 * `word` is "page" in prose and "p." in tight places. Undefined when the page is not known.
 */
export function citePage(location: FindingLocation, word = 'page'): string | undefined {
  const { page, printedPage } = location;
  if (page === undefined) return undefined;
  return printedPage !== undefined ? `${word} ${printedPage} (PDF ${word} ${page})` : `${word} ${page}`;
}

/** "8.4 Immediate Termination, clause 8.4.1, page 10" (empty when the place is not known). */
export function describePlace(location: FindingLocation): string {
  const { section, label } = location;
  // Two clauses under one heading differ only by their label.
  const clause = label && section && !section.includes(label) ? `clause ${label}` : undefined;
  return [section ?? label, clause, citePage(location)].filter(Boolean).join(', ');
}
