/**
 * Generic role words a contract uses for a party when it defines nothing better: "Carrier
 * shall pay Practitioner", "MCO may audit Facility". A word counts only where it acts as a
 * party (before a verb, after "by"/"to"/"with"), so "the Network" or "Health Benefit Plan" does
 * not make "Network" or "Plan" the payer.
 */
import type { PartyRole } from './types.ts';

/** Role words each side goes by, in the order to prefer when counts tie; the first three stand in when the body uses none. */
export const ROLE_WORDS: Record<PartyRole, readonly string[]> = {
  payer: ['Plan', 'Health Plan', 'Payor', 'Payer', 'Company', 'HMO', 'MCO', 'Carrier', 'Insurer', 'Network', 'Administrator', 'Contractor'],
  provider: ['Provider', 'Group', 'Facility', 'Participating Provider', 'Practitioner', 'Physician', 'Medical Group', 'Hospital', 'Laboratory', 'Clinic', 'Practice', 'IPA'],
};

// What a party does next: a modal or a verb in the third person ("Carrier shall", "MCO reserves").
const ACTS = String.raw`(?:['’]s\s+\p{Ll}+|\s+(?:shall|may|will|must|agrees?|acknowledges?|reserves?|retains?|represents?|warrants?|is|has|determines?|elects?)\b)`;
// What points at a party before its term: a preposition of the parties' dealings.
const POINTED = String.raw`(?:\b(?:by|to|with|from|between|of|and|or)\s+)`;
// A capitalised word before the term that makes it part of a longer name ("Health Benefit Plan");
// a word ending a sentence ("…to Company. Company shall") does not.
const LONGER_NAME_BEFORE = /(?:^|[^\p{L}])(?!(?:The|This|That|Each|Any|Such|If|When|Where|Unless|Both|Either|Neither|No|A|An|Upon|Until|After|Before|Then|Notwithstanding|In|On|At|For|By|To|And|Or|But|Nor|Said|Whether|Once|While|Should)\s+$)\p{Lu}[\p{L}&'’-]*\s+$/u;

function escape(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&').replace(/\s+/g, '\\s+');
}

/** Times `word` acts as a party in `text`: followed by a verb, or after "by"/"to"/… and not inside a longer name. */
export function actingUses(text: string, word: string): number {
  const term = escape(word);
  const re = new RegExp(`(?<![\\p{L}\\p{N}_])${term}(?![\\p{L}\\p{N}_])(?!\\s+\\p{Lu}\\p{Ll})`, 'gu');
  let count = 0;
  for (const match of text.matchAll(re)) {
    const before = text.slice(Math.max(0, match.index - 40), match.index);
    if (LONGER_NAME_BEFORE.test(before)) continue;
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 40);
    if (new RegExp(`^${ACTS}`, 'u').test(after) || new RegExp(`${POINTED}$`, 'u').test(before)) count++;
  }
  return count;
}

/**
 * The role words `text` uses for `role`, most used first, each acting as a party at least
 * `min` times. Empty when the contract uses none of them that way.
 */
export function roleWordsUsed(text: string, role: PartyRole, min = 3): string[] {
  return ROLE_WORDS[role]
    .map((word, order) => ({ word, order, uses: actingUses(text, word) }))
    .filter((w) => w.uses >= min)
    .sort((a, b) => b.uses - a.uses || a.order - b.order)
    .map((w) => w.word);
}
