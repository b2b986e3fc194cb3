/** How the Key terms tab shows one term: plain words for the value, the clause, and what a correction replaced. */
import type { KeyTerm } from '../types.ts';
import { describeLocation } from './review.ts';

/** One row of the Key terms table. */
export interface KeyTermRow {
  id: string;
  title: string;
  help?: string;
  /** The value in plain words, or "Not stated". */
  value: string;
  stated: boolean;
  /** The contract's own words, when they differ from the value ("ninety (90) days"). */
  asWritten?: string;
  /** "7.2 · page 4": where the clause is. */
  where: string;
  /** Offset of the clause in the contract text, for the link that shows it. */
  clauseStart?: number;
  quote?: string;
  /** Set when the user corrected the value: what the contract reading said. */
  correctedFrom?: string;
  /** The text to start editing from. */
  editText: string;
}

/** The row for `term`. */
export function keyTermRow(term: KeyTerm): KeyTermRow {
  const stated = term.status === 'stated';
  const row: KeyTermRow = { id: term.id, title: term.title, value: stated ? (term.display ?? '') : 'Not stated', stated, where: term.location ? describeLocation(term.location) : '', editText: stated ? (term.display ?? '') : '' };
  if (term.help) row.help = term.help;
  // A list or text value is read from the whole clause, which the quote shows.
  if (term.asWritten && term.asWritten !== term.display && term.read !== 'text' && term.read !== 'yes-no' && term.read !== 'parties' && term.read !== 'list') row.asWritten = term.asWritten;
  if (term.span) row.clauseStart = term.span.start;
  if (term.quote) row.quote = term.quote;
  if (term.corrected) {
    const original = term.corrected.original;
    row.correctedFrom = original.status === 'stated' ? (original.display ?? '') : 'Not stated';
  }
  return row;
}
