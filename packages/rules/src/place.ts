/** A location in the reader's words, for report text. */
import type { FindingLocation } from './types.ts';

/** "8.4 Immediate Termination, clause 8.4.1, page 10" (empty when the place is not known). */
export function describePlace(location: FindingLocation): string {
  const { section, label, page } = location;
  // Two clauses under one heading differ only by their label.
  const clause = label && section && !section.includes(label) ? `clause ${label}` : undefined;
  return [section ?? label, clause, page !== undefined ? `page ${page}` : undefined].filter(Boolean).join(', ');
}
