/**
 * Letters and letter amendments ("Dear Dr. Smith:", "This letter amends the agreement between
 * Northstar Health Plan and you"): the payer writes as "we/us/our" and the provider is "you/your".
 */
import { legalNameAt } from './party-names.ts';

/** What a letter says about its two sides. */
export interface LetterParties {
  /** The payer's name when the letter gives it ("between Northstar Health Plan, Inc. and you"). */
  payerName?: string;
  /** The addressee when the salutation names one ("Dr. Smith"). */
  providerName?: string;
  /** Where the letter form shows: the salutation or the "… and you" phrase. */
  evidence: { start: number; end: number };
}

// Only the opening of a document can be a letter's salutation; a form letter in an exhibit is not.
const OPENING = 2500;
const SALUTATION = /(?:^|\n)[ \t]*Dear\s+([^\n:,]{1,80})[:,][ \t]*(?=\n|$)/;
const BETWEEN_AND_YOU = /\b(?:between|among)\s+(?:the\s+)?([^\n()]{3,160}?),?\s+and\s+you\b/i;
// Salutations that address a role, not a person or practice.
const GENERIC_ADDRESSEE = /^(?:(?:valued|participating|network|health ?care|contracted)\s+)*(?:providers?|colleagues?|partners?|practitioners?|physicians?|sirs?(?: or madam)?|madam|friends?|practice manager|office manager|provider partner|doctor)$/i;
const WE = /\b(?:we|us|our)\b/gi;
const YOU = /\b(?:you|your)\b/gi;

/**
 * The letter form of `text`, or null when the document is not a letter: a salutation near the
 * start or an agreement "between X and you", and the body speaking as "we" to "you".
 */
export function detectLetter(text: string): LetterParties | null {
  const opening = text.slice(0, OPENING);
  const salutation = SALUTATION.exec(opening);
  const between = BETWEEN_AND_YOU.exec(text.slice(0, OPENING * 2));
  if (!salutation && !between) return null;
  // A letter speaks to "you" throughout; a stray "Dear" in a contract does not make it one.
  if ((text.match(YOU) ?? []).length < 3 || (text.match(WE) ?? []).length < 2) return null;
  const found = salutation ?? between!;
  const at = found.index + (found[0].startsWith('\n') ? 1 : 0);
  const out: LetterParties = { evidence: { start: at, end: found.index + found[0].length } };
  const addressee = salutation?.[1]?.trim();
  if (addressee && !GENERIC_ADDRESSEE.test(addressee)) out.providerName = addressee;
  const payer = between ? legalNameAt(between[1]!) : null;
  if (payer && !/^(?:the )?(?:provider|participating provider)? ?agreement$/i.test(payer)) out.payerName = payer;
  return out;
}
