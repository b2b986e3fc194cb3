/**
 * Whether two places in a sentence belong to one conjunct: the same predicate of a sentence
 * that joins several ("Plan shall acknowledge receipt within 15 days and pay Clean Claims
 * within 30 days"; "Plan shall pay claims and shall respond to inquiries within 10 days").
 * A time limit governs the verb of its own conjunct, so a rule that reads the payment deadline
 * must read the 30 days, never the 15 or the 10.
 *
 * Contracts are not parsed, so a conjunct boundary is read from the words between the two
 * places: a semicolon, or a coordinator ("and", "or", "but") that starts another predicate,
 * that is, one followed by a modal or "to" ("and shall respond", "or will"), by a subject and
 * its modal ("and Plan shall inform Members"), by a verb-like word and its object ("and
 * respond to", "and notify Provider"), or standing right before the
 * later place when that place is the act itself ("within 15 days and pay").
 */
import type { Span } from '../types.ts';

const COORDINATOR = String.raw`(?:,\s*)?\b(?:and|or|but)\s+(?:(?:then|also|thereafter|further|otherwise)\s+)?`;
// "and shall respond", "or will", "and agrees to", "and to notify".
const MODAL_AFTER = new RegExp(`${COORDINATOR}(?:not\\s+)?(?:shall|will|may|must|should|can|cannot|agrees?|is|are|has|have|does|to)\\b`, 'i');
// "and respond to", "and notify Provider", "and process the claim": a lower-case word that does not end in a
// plural -s (nouns joined by "and" mostly do: "claims and encounters"), then an object or "to".
const VERB_AFTER = new RegExp(
  `${COORDINATOR}(?!(?:the|a|an|any|all|each|every|such|its|their|other|no|interest|penalties)\\b)[a-z]*(?:ss|[a-rt-z])\\s+(?:to|the|a|an|all|any|each|every|such|its|their|his|her|our|your|[A-Z])\\b`,
);
// "and Plan shall inform Members", "and the termination shall take effect": a coordinator that
// opens a clause with its own subject (a capitalized term, or a determiner and its noun) before
// its modal.
const SUBJECT_MODAL_AFTER = new RegExp(
  `${COORDINATOR}(?:(?:the|such|each|either|any|this|that|no)\\s+(?:[\\w'’-]+\\s+){1,3}|(?:[A-Z][\\w.'’-]*\\s+){1,3})(?:shall|will|may|must)\\b`,
);
const COORDINATOR_AT_END = new RegExp(`${COORDINATOR}$`, 'i');
// The same boundaries, found anywhere (for the span of a conjunct).
const BOUNDARIES = [new RegExp(MODAL_AFTER.source, 'gi'), new RegExp(VERB_AFTER.source, 'g'), new RegExp(SUBJECT_MODAL_AFTER.source, 'g')];

/**
 * Whether `number` is in the conjunct of the act at `act` (both inside one sentence). `text`
 * is the whole document text.
 */
export function inConjunctOf(text: string, number: Span, act: Span): boolean {
  if (act.start <= number.start) {
    const between = text.slice(act.end, number.start);
    return !between.includes(';') && !MODAL_AFTER.test(between) && !VERB_AFTER.test(between) && !SUBJECT_MODAL_AFTER.test(between);
  }
  // The number comes first ("within 15 days and pay"; "Within 30 days after receipt, Plan shall pay").
  const between = text.slice(number.end, act.start);
  return !between.includes(';') && !COORDINATOR_AT_END.test(between) && !MODAL_AFTER.test(between) && !VERB_AFTER.test(between) && !SUBJECT_MODAL_AFTER.test(between);
}

/**
 * The clause of the act at `act` inside `sentence`: the sentence cut at the semicolons around
 * the act.
 */
export function clauseAround(text: string, act: Span, sentence: Span): Span {
  const before = text.lastIndexOf(';', act.start - 1);
  const after = text.indexOf(';', act.end);
  return {
    start: before >= sentence.start ? before + 1 : sentence.start,
    end: after >= 0 && after < sentence.end ? after : sentence.end,
  };
}

// A proviso after the act: "…, except that rates may not be changed without consent", "provided,
// however, that no amendment shall…". Its subject runs up to its verb.
const PROVISO = /(?:,\s*|\s+)(?:except|save|provided(?:,?\s+however,?)?)\s+(?:that|where|when|if)\s+/gi;
const PROVISO_SUBJECT = /^((?:[^\s,;.:]+\s+){1,6}?)(?:shall|will|may|must|can|cannot|could|would|should|is|are|be|was|were|has|have|need|needs)\b/i;
// Words that point back to the act or its actor: the proviso limits the act itself.
const BACK_REFERENCE = /\b(?:such|same|it|they|we|you|this|these|said|either|neither|each|both|party|parties)\b/i;
const FUNCTION_WORD = /^(?:may|shall|will|must|can|not|the|and|any|all|its|their|with|from|upon|without)$/i;

/** Stems of the act's content words ("amend" for "amended", "modif" for "modify"), to recognise its noun. */
function actStems(actText: string): string[] {
  return (actText.match(/[A-Za-z]{4,}/g) ?? []).filter((w) => !FUNCTION_WORD.test(w)).map((w) => w.slice(0, 5).toLowerCase());
}

/**
 * Where a proviso that carves out something other than the act starts in `after` (the text
 * from the act's end), or -1. "Plan may amend the Manual, except that rates may not be changed
 * without consent" limits the rates: the amending of the Manual stands, so the proviso is
 * another conjunct. A proviso whose subject is the act ("except that no amendment shall…"), a
 * back-reference ("no such change", "it") or a party ("provided that Plan gives notice") limits
 * the act itself and stays in its conjunct, as does one whose verb is not found.
 */
function foreignProviso(after: string, actText: string, isParty: (offset: number, length: number) => boolean): number {
  const stems = actStems(actText);
  for (const m of after.matchAll(PROVISO)) {
    const from = m.index + m[0].length;
    const subject = PROVISO_SUBJECT.exec(after.slice(from))?.[1];
    if (!subject) continue;
    const words = subject.toLowerCase();
    if (BACK_REFERENCE.test(words) || stems.some((stem) => words.includes(stem)) || isParty(from, subject.length)) continue;
    return m.index;
  }
  return -1;
}

/**
 * The conjunct of the act at `act` inside `sentence`: its clause, cut before the coordinator
 * that starts the next predicate and at the coordinator that starts the act's own (the same
 * boundaries `inConjunctOf` reads), and before a proviso that carves out something else
 * (`foreignProviso`). The first conjunct keeps the sentence's subject; a later one starts at
 * its "and"/"or". `isParty(offset, length)` tells whether a party is named in that part of the
 * text (the proviso's subject).
 */
export function conjunctAround(text: string, act: Span, sentence: Span, isParty: (offset: number, length: number) => boolean = () => false): Span {
  const clause = clauseAround(text, act, sentence);
  let { start, end } = clause;
  const after = text.slice(act.end, clause.end);
  const before = text.slice(clause.start, act.start);
  for (const boundary of [MODAL_AFTER, VERB_AFTER, SUBJECT_MODAL_AFTER]) {
    const next = after.search(boundary);
    if (next >= 0) end = Math.min(end, act.end + next);
  }
  const proviso = foreignProviso(after, text.slice(act.start, act.end), (offset, length) => isParty(act.end + offset, length));
  if (proviso >= 0) end = Math.min(end, act.end + proviso);
  for (const boundary of BOUNDARIES) for (const m of before.matchAll(boundary)) start = Math.max(start, clause.start + m.index);
  const joined = COORDINATOR_AT_END.exec(before);
  if (joined) start = Math.max(start, clause.start + joined.index);
  return { start, end };
}
