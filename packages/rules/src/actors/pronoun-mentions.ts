/**
 * "It" and "its" standing for a party named just before: "Plan reviews each claim. A claim is
 * clean when it determines …", "… as determined by it", "subject to its sole judgment". Read
 * as a mention of that party so who-does-what conditions see the payer acting through the
 * pronoun. The reading is deliberately narrow, because "it" is usually the Agreement or the
 * claim:
 *
 * - the antecedent is a party mention in the same sentence or the one before, in the same
 *   paragraph, and every party mention there names the same side (with both sides named, the
 *   pronoun is left unread);
 * - "it is / it shall be / it will be …" (usually "it is agreed", "it is received") is not read;
 * - only a pronoun that acts (subject), is a passive's agent ("by it") or possesses ("its
 *   discretion", "its determination") is kept: other uses tell a rule nothing.
 */
import type { MentionRole, PartyMention } from './party-mentions.ts';
import { lowerBound } from '../spans.ts';

const PRONOUN = /\b(?:[Ii]ts?)\b(?!['’])/g;
// The expletive or passive "it is agreed", "it shall be deemed", "it was received".
const EXPLETIVE_AFTER = /^\s+(?:is|was|has\s+been|shall\s+be|will\s+be|would\s+be|may\s+be|must\s+be|becomes?|being|seems?|appears?)\b/i;
const SENTENCE_END = /[.!?]["'”’)\]]*\s+(?=["“(]?[\p{Lu}\d])/gu;

/** Where the sentence before the one holding `offset` starts (within its paragraph). */
function antecedentWindowStart(text: string, offset: number): number {
  const blankLine = text.lastIndexOf('\n\n', offset);
  const paragraphStart = Math.max(blankLine < 0 ? 0 : blankLine + 2, offset - 600, 0);
  const ends: number[] = [];
  for (const m of text.slice(paragraphStart, offset).matchAll(SENTENCE_END)) ends.push(paragraphStart + m.index + m[0].length);
  return ends.length >= 2 ? ends[ends.length - 2]! : paragraphStart;
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

/**
 * Mentions for "it"/"its" that stand for a party, given the document's other mentions (in
 * order). `flagsOf` computes a mention's subject/agent/decides flags as for any other mention.
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
    const possessive = m[0].length === 3;
    if (!possessive && EXPLETIVE_AFTER.test(text.slice(end, end + 20))) continue;
    const role = soleSide(mentions, antecedentWindowStart(text, start), start);
    if (!role) continue;
    const mention = flagsOf(start, end, role, possessive);
    if (mention.subject || mention.agent || mention.possessive) out.push(mention);
  }
  return out;
}
