/**
 * "It", "its" and "their" standing for a party named just before: "Plan reviews each claim. A
 * claim is clean when it determines …", "… as determined by it", "subject to its sole judgment",
 * "Plan and its affiliates may apply their policies". Read as a mention of that party so
 * who-does-what conditions see the payer acting through the pronoun, and `{payer}'s` phrases
 * hold for "its policies" (possessive-hits.ts). The reading is deliberately narrow, because "it"
 * is usually the Agreement or the claim, and "their" the members:
 *
 * - the party the clause is about: every party mention in the pronoun's sentence (before it)
 *   and the sentence before names the same side; or, with both sides named there, the last
 *   party named before the pronoun in its own sentence is that sentence's subject ("Plan may
 *   change its fee schedule on notice to Provider": nothing stands between Plan and "its");
 * - with both sides named, a possessive right after the subject's object (nothing but a
 *   rate-basis preposition between): the subject's, by subject preference ("Plan shall pay
 *   Provider its fee schedule", "Company will reimburse Physician under its then-current rates":
 *   the payer pays by its own schedule; "for its services" is left unread);
 * - a run-in caption ("Indemnification by Facility.") is a heading, never the sentence before;
 * - "their" only for a party named with its companions ("Plan and its affiliates");
 * - "it is / it shall be / it will be …" (usually "it is agreed", "it is received") is not read;
 * - only a pronoun that acts (subject), is a passive's agent ("by it") or possesses ("its
 *   discretion", "its determination") is kept: other uses tell a rule nothing.
 */
import type { MentionRole, PartyMention } from './party-mentions.ts';
import { hasCompanions } from './companions.ts';
import { runInCaptionEnd } from '../match/sentences.ts';
import { lowerBound } from '../match/spans.ts';

const PRONOUN = /\b(?:[Ii]ts?|[Tt]heir)\b(?!['’])/g;
// The expletive or passive "it is agreed", "it shall be deemed", "it was received".
const EXPLETIVE_AFTER = /^\s+(?:is|was|has\s+been|shall\s+be|will\s+be|would\s+be|may\s+be|must\s+be|becomes?|being|seems?|appears?)\b/i;
const SENTENCE_END = /[.!?]["'”’)\]]*\s+(?=["“(]?[\p{Lu}\d])/gu;

/**
 * Where the sentence holding `offset`, and the one before it, start (within its paragraph, at
 * most 600 characters back). A run-in caption at the paragraph's start is not a sentence: the
 * text after it is the first.
 */
function sentenceStarts(text: string, offset: number): { current: number; previous: number } {
  const blankLine = text.lastIndexOf('\n\n', offset);
  const paragraph = blankLine < 0 ? 0 : blankLine + 2;
  const start = Math.max(paragraph, offset - 600);
  // The caption ends before the pronoun's sentence; its end is found by the sentence that follows it.
  const captionEnd = start === paragraph ? runInCaptionEnd(text, start, Math.min(text.length, offset + 1)) : null;
  const from = captionEnd !== null && captionEnd <= offset ? captionEnd : start;
  const ends: number[] = [];
  for (const m of text.slice(from, offset).matchAll(SENTENCE_END)) ends.push(from + m.index + m[0].length);
  const current = ends.length >= 1 ? ends[ends.length - 1]! : from;
  return { current, previous: ends.length >= 2 ? ends[ends.length - 2]! : from };
}

/** The one side every party mention in [from, to) names, or null when there is none or both. */
function soleSide(mentions: readonly PartyMention[], from: number, to: number): MentionRole | null {
  let side: MentionRole | null = null;
  for (let i = lowerBound(mentions, from); i < mentions.length && mentions[i]!.start < to; i++) {
    const role = mentions[i]!.role;
    if (role !== 'payer' && role !== 'provider') return null;
    if (side && side !== role) return null;
    side = role;
  }
  return side;
}

/** The last party mention in [from, to), if any. */
function lastMention(mentions: readonly PartyMention[], from: number, to: number): PartyMention | undefined {
  const i = lowerBound(mentions, to) - 1;
  const m = i >= 0 ? mentions[i] : undefined;
  return m && m.start >= from ? m : undefined;
}

// Between a subject and its object: a modal and a verb, lower case, nothing else ("shall pay", "agrees to reimburse").
const VERB_BETWEEN = /^\s+(?:[a-z]+\s+){1,4}(?:the\s+)?$/;
// Between the object and the pronoun: nothing (a double object) or a preposition naming how it is measured.
const RATE_BASIS_BETWEEN = /^\s+(?:(?:under|at|per|using|pursuant\s+to|in\s+accordance\s+with|according\s+to|based\s+(?:up)?on|on\s+the\s+basis\s+of|by\s+reference\s+to)\s+)?$/i;

/**
 * The subject's side for a possessive right after that subject's object: "Plan shall pay
 * Provider its fee schedule" (subject Plan, object Provider, then "its"). Null for any other shape.
 */
function objectsSubjectSide(text: string, mentions: readonly PartyMention[], object: PartyMention, start: number, current: number): MentionRole | null {
  if (object.subject || object.agent || object.possessive || object.decides) return null;
  const subject = mentions[lowerBound(mentions, object.start) - 1];
  if (!subject?.subject || subject.start < current || subject.possessive || (subject.role !== 'payer' && subject.role !== 'provider') || subject.role === object.role) return null;
  if (!VERB_BETWEEN.test(text.slice(subject.end, object.start))) return null;
  return RATE_BASIS_BETWEEN.test(text.slice(object.end, start)) ? subject.role : null;
}

/** The side the pronoun at `start` stands for, or null when the text does not say. */
function sideOf(text: string, mentions: readonly PartyMention[], start: number, plural: boolean, possessive: boolean): MentionRole | null {
  const { current, previous } = sentenceStarts(text, start);
  const last = lastMention(mentions, previous, start);
  // "their" stands for a party only with its companions: otherwise it is the members, the claims.
  if (plural && (!last || !hasCompanions(text.slice(last.end, last.end + 120)))) return null;
  const sole = soleSide(mentions, previous, start);
  if (sole) return sole;
  // Both sides named: the subject the pronoun's own sentence is about, when it is the last party named.
  const own = lastMention(mentions, current, start);
  if (own?.subject && (own.role === 'payer' || own.role === 'provider')) return own.role;
  return own && possessive ? objectsSubjectSide(text, mentions, own, start, current) : null;
}

/**
 * Mentions for "it"/"its"/"their" that stand for a party, given the document's other mentions
 * (in order). `flagsOf` computes a mention's subject/agent/decides flags as for any other mention.
 */
export function pronounMentions(
  text: string,
  mentions: readonly PartyMention[],
  flagsOf: (start: number, end: number, role: MentionRole, possessive: boolean) => PartyMention,
): PartyMention[] {
  const out: PartyMention[] = [];
  for (const m of text.matchAll(PRONOUN)) {
    const start = m.index;
    const end = start + m[0].length;
    const word = m[0].toLowerCase();
    const possessive = word !== 'it';
    if (!possessive && EXPLETIVE_AFTER.test(text.slice(end, end + 20))) continue;
    const role = sideOf(text, mentions, start, word === 'their', possessive);
    if (!role) continue;
    const mention = flagsOf(start, end, role, possessive);
    if (mention.subject || mention.agent || mention.possessive) out.push(mention);
  }
  return out;
}
