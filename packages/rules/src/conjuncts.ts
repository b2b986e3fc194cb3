/**
 * Whether two places in a sentence belong to one conjunct: the same predicate of a sentence
 * that joins several ("Plan shall acknowledge receipt within 15 days and pay Clean Claims
 * within 30 days"; "Plan shall pay claims and shall respond to inquiries within 10 days").
 * A time limit governs the verb of its own conjunct, so a rule that reads the payment deadline
 * must read the 30 days, never the 15 or the 10.
 *
 * Contracts are not parsed, so a conjunct boundary is read from the words between the two
 * places: a semicolon, or a coordinator ("and", "or", "but") that starts another predicate,
 * that is, one followed by a modal or "to" ("and shall respond", "or will"), by a verb-like
 * word and its object ("and respond to", "and notify Provider"), or standing right before the
 * later place when that place is the act itself ("within 15 days and pay").
 */
import type { Span } from './types.ts';

const COORDINATOR = String.raw`(?:,\s*)?\b(?:and|or|but)\s+(?:(?:then|also|thereafter|further|otherwise)\s+)?`;
// "and shall respond", "or will", "and agrees to", "and to notify".
const MODAL_AFTER = new RegExp(`${COORDINATOR}(?:not\\s+)?(?:shall|will|may|must|should|can|cannot|agrees?|is|are|has|have|does|to)\\b`, 'i');
// "and respond to", "and notify Provider", "and process the claim": a lower-case word that does not end in a
// plural -s (nouns joined by "and" mostly do: "claims and encounters"), then an object or "to".
const VERB_AFTER = new RegExp(
  `${COORDINATOR}(?!(?:the|a|an|any|all|each|every|such|its|their|other|no|interest|penalties)\\b)[a-z]*(?:ss|[a-rt-z])\\s+(?:to|the|a|an|all|any|each|every|such|its|their|his|her|our|your|[A-Z])\\b`,
);
const COORDINATOR_AT_END = new RegExp(`${COORDINATOR}$`, 'i');

/**
 * Whether `number` is in the conjunct of the act at `act` (both inside one sentence). `text`
 * is the whole document text.
 */
export function inConjunctOf(text: string, number: Span, act: Span): boolean {
  if (act.start <= number.start) {
    const between = text.slice(act.end, number.start);
    return !between.includes(';') && !MODAL_AFTER.test(between) && !VERB_AFTER.test(between);
  }
  // The number comes first ("within 15 days and pay"; "Within 30 days after receipt, Plan shall pay").
  const between = text.slice(number.end, act.start);
  return !between.includes(';') && !COORDINATOR_AT_END.test(between) && !MODAL_AFTER.test(between) && !VERB_AFTER.test(between);
}
