/**
 * Grammar after filling party placeholders with pronouns. Messages and redlines are written for
 * a named party ("{provider} is deemed to accept", "{payer}'s policies", "notify {payer}"); a
 * letter or plain-English contract calls its parties "we" and "you", and a plain fill reads "you
 * is deemed", "we's policies", "notify we". This module fills the placeholders and then fixes
 * the words around each filled pronoun: the verb after it, its possessive and object forms, and
 * a capital at the start of a sentence. Text the rule author wrote is never touched.
 */
import { fillText } from '../compile/placeholders.ts';

type Pronoun = 'we' | 'you';

const FORMS: Record<Pronoun, { subject: string; object: string; possessive: string; reflexive: string }> = {
  we: { subject: 'we', object: 'us', possessive: 'our', reflexive: 'ourselves' },
  you: { subject: 'you', object: 'you', possessive: 'your', reflexive: 'yourself' },
};
const PRONOUN_OF: Record<string, Pronoun> = { we: 'we', us: 'we', our: 'we', you: 'you', your: 'you' };

// Markers around a filled pronoun, so only what the fill put there is changed (never the author's own "you").
const OPEN = '\u0001';
const CLOSE = '\u0002';
// eslint-disable-next-line no-control-regex -- the markers are control characters on purpose: contract text never holds them.
const MARKED = /\u0001([^\u0002]*)\u0002/;

const MODALS = new Set(['shall', 'may', 'will', 'must', 'can', 'cannot', 'could', 'would', 'should', 'might', 'need', 'ought']);
const IRREGULAR: Record<string, string> = {
  is: 'are', was: 'were', has: 'have', does: 'do', "isn't": "aren't", "wasn't": "weren't", "hasn't": "haven't", "doesn't": "don't",
  'isn’t': 'aren’t', 'wasn’t': 'weren’t', 'hasn’t': 'haven’t', 'doesn’t': 'don’t',
};
// Words that may stand between the subject and its verb ("Plan also agrees", "Plan hereby waives").
const ADVERBS = /^(?:also|always|then|further|hereby|thereby|expressly|alone|solely|only|not|never|still|thereafter|immediately|promptly|unilaterally|[a-z]+ly)$/;
// Nouns a party term modifies ("{payer} policies", "{provider} rates"): the filled word is then a possessive.
const ADJUNCT_NOUNS = /^(?:policies|policy|rates?|home|principal|headquarters|hq|website|web|portal|manual|network|networks|products?|plans?|members?|programs?|procedures|guidelines|standards|rules|fees?|fee schedule|staff|personnel|records|offices?|contracts?|forms?|systems?|data|address|name|signature)$/i;
// What precedes a subject: the start, the end of a sentence or clause, or a word that opens a clause.
const SUBJECT_BEFORE = /(?:^|[.!?:;(\n]\s*|,\s*|\b(?:and|or|but|if|unless|until|when|whenever|where|while|that|because|since|after|before|once|so|then|whether|although|though|nor)\s+)$/i;
const GIVING_BEFORE = /\b(?:give|gives|giving|offer|offers|grant|grants|pay|pays|send|sends|owe|owes|charge|charges|show|shows|tell|tells|allow|allows|promise|promises)\s+$/i;
const PREPOSITION_BEFORE = /\b(?:to|by|with|from|for|against|of|on|upon|between|among|than|under|toward|towards|about|without|within|into|onto|via|per|at|in)\s+$/i;
const SENTENCE_START = /(?:^|[.!?]["'”’)\]]*\s+|\n\s*)$/;
const WORD_AFTER = /^(\s+)([A-Za-z]+(?:['’][a-z]+)?)/;

/** The base form of a third-person singular verb ("agrees" → "agree", "applies" → "apply", "reaches" → "reach"), or null when `word` is not one. */
export function baseVerb(word: string): string | null {
  const lower = word.toLowerCase();
  if (IRREGULAR[lower]) return IRREGULAR[lower]!;
  if (!/^[a-z]{3,}s$/.test(lower) || /(?:ss|us|is)$/.test(lower) || ADJUNCT_NOUNS.test(lower)) return null;
  if (/[^aeiou]ies$/.test(lower)) return lower.slice(0, -3) + 'y';
  if (/(?:sses|shes|ches|xes|zes|oes)$/.test(lower)) return lower.slice(0, -2);
  return lower.slice(0, -1);
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Fix the words around one filled pronoun; returns what replaces the pronoun and the rest of the text. */
function agreeOne(pronoun: Pronoun, before: string, after: string): { word: string; rest: string } {
  const forms = FORMS[pronoun];
  const start = SENTENCE_START.test(before);
  const cap = (w: string) => (start ? capitalize(w) : w);
  // "{payer}'s" → "our"; "{provider}’s" → "your".
  const possessive = /^['’]s\b/.exec(after);
  if (possessive) return { word: cap(forms.possessive), rest: after.slice(possessive[0].length) };
  const next = WORD_AFTER.exec(after);
  // "give {payer} rates" hands the rates to the party: after a verb of giving the party is the object.
  const noun = next && !MODALS.has(next[2]!.toLowerCase()) && !GIVING_BEFORE.test(before) && (ADJUNCT_NOUNS.test(next[2]!) || /^[A-Z]{2,}$/.test(next[2]!));
  if (noun) return { word: cap(forms.possessive), rest: after };
  const verb = firstVerb(after);
  // "responds to {payer} requests": after a preposition an "-s" word is the party's plural noun, not its verb.
  if (PREPOSITION_BEFORE.test(before)) return { word: verb && baseVerb(verb) && !IRREGULAR[verb.toLowerCase()] ? forms.possessive : forms.object, rest: after };
  if (verb || SUBJECT_BEFORE.test(before)) return { word: cap(forms.subject), rest: fixPredicate(after, forms) };
  return { word: forms.object, rest: after };
}

/** The modal or third-person verb that follows (past adverbs), or null. */
function firstVerb(after: string): string | null {
  let offset = 0;
  for (let i = 0; i < 4; i++) {
    const next = WORD_AFTER.exec(after.slice(offset));
    if (!next) return null;
    const lower = next[2]!.toLowerCase();
    if (MODALS.has(lower) || baseVerb(lower)) return next[2]!;
    if (!ADVERBS.test(lower)) return null;
    offset += next[0].length;
  }
  return null;
}

/** After a subject "we"/"you": the verb in the base form, and "its"/"itself" right after it in the pronoun's forms. */
function fixPredicate(after: string, forms: (typeof FORMS)[Pronoun]): string {
  let offset = 0;
  for (let i = 0; i < 4; i++) {
    const next = WORD_AFTER.exec(after.slice(offset));
    if (!next) return after;
    const [whole, space, word] = next as unknown as [string, string, string];
    const lower = word.toLowerCase();
    if (ADVERBS.test(lower) && !MODALS.has(lower)) {
      offset += whole.length;
      continue;
    }
    if (MODALS.has(lower)) return after;
    const base = baseVerb(word);
    if (!base) return after;
    const verbEnd = offset + whole.length;
    const fixed = after.slice(0, offset) + space + base + after.slice(verbEnd);
    // "has its principal office" → "have our principal office": the object right after the verb is the subject's own.
    const delta = base.length - word.length;
    return fixed.slice(0, verbEnd + delta) + fixed.slice(verbEnd + delta).replace(/^(\s+)(its|itself)\b/, (_m, s: string, w: string) => s + (w === 'its' ? forms.possessive : forms.reflexive));
  }
  return after;
}

// "its" before what a party has or does: "in its sole discretion", "its best efforts", "you and its directors".
const ITS_PARTY = /\b(its)(\s+(?:(?:own|sole|reasonable|absolute|best|good faith|exclusive|prior written|written)\s+)*(?:discretion|option|election|judgment|judgement|efforts?|expense|cost|costs|participation|obligations?|directors|officers|employees|agents|affiliates|subcontractors|business|website|behalf|consent|rights?|breach|control)\b)/gi;

/**
 * "its" that plainly means a party ("in its sole discretion") becomes the possessive of the
 * nearest filled pronoun before it in the same sentence: "you may withhold consent in its sole
 * discretion" → "in your sole discretion". Other "its" ("before its effective date") stay.
 */
function partyPossessives(text: string, filled: ReadonlyArray<{ at: number; pronoun: Pronoun }>): string {
  return text.replace(ITS_PARTY, (whole, its: string, rest: string, at: number) => {
    const sentenceStart = Math.max(text.lastIndexOf('. ', at), text.lastIndexOf('; ', at), text.lastIndexOf('\n', at));
    const nearest = [...filled].reverse().find((f) => f.at < at && f.at > sentenceStart);
    if (!nearest) return whole;
    const word = FORMS[nearest.pronoun].possessive;
    return (its[0] === 'I' ? capitalize(word) : word) + rest;
  });
}

/** Make the words around each marked pronoun agree with it, then drop the markers. */
function agree(marked: string): string {
  let out = '';
  let rest = marked;
  const filled: Array<{ at: number; pronoun: Pronoun }> = [];
  for (;;) {
    const match = MARKED.exec(rest);
    if (!match) {
      out += rest;
      break;
    }
    const value = match[1]!;
    const pronoun = PRONOUN_OF[value.toLowerCase()];
    out += rest.slice(0, match.index);
    const after = rest.slice(match.index + match[0].length);
    if (!pronoun) {
      out += value;
      rest = after;
      continue;
    }
    // Later markers stay in `after`: no word pattern reads across them, and the loop handles each in turn.
    let { word, rest: fixed } = agreeOne(pronoun, out, after);
    // "the {payer} policies" → "our policies", not "the our policies".
    const article = word.toLowerCase() === FORMS[pronoun].possessive ? /\b(the|The)\s+$/.exec(out) : null;
    if (article) {
      out = out.slice(0, article.index);
      if (article[1] === 'The') word = capitalize(word);
    }
    filled.push({ at: out.length, pronoun });
    out += word;
    rest = fixed;
  }
  return partyPossessives(out, filled);
}

/**
 * Fill `{name}` placeholders from `values` (as `fillText` does) and, where a party's value is
 * a pronoun ("we", "you"), make the text around it read correctly: "you is deemed" → "you are
 * deemed", "we agrees" → "we agree", "we's policies" → "our policies", "notify we" → "notify
 * us", "we has its office" → "we have our office", and "We"/"You" at the start of a sentence.
 * Modals ("shall", "may") need nothing. Values that are not pronouns are filled unchanged.
 */
export function fillAgreeing(text: string, values: Readonly<Record<string, string>>): string {
  const marked: Record<string, string> = {};
  let any = false;
  for (const [name, value] of Object.entries(values)) {
    const pronoun = PRONOUN_OF[value.trim().toLowerCase()] !== undefined && name !== 'quote';
    marked[name] = pronoun ? `${OPEN}${value.trim()}${CLOSE}` : value;
    any ||= pronoun;
  }
  if (!any) return fillText(text, values);
  return agree(fillText(text, marked));
}
