/**
 * Where the contract names a party: its defined terms ("Plan", "Health Plan"), pronoun
 * drafting ("we"/"us"/"our" for the payer of a letter, "you"/"your" for the provider), both
 * parties at once ("either party", "each of us"), and a redacted or blank name ("[REDACTED]",
 * "__________"), which rules treat as an unnamed party. Who-does-what conditions read these to
 * decide who performs an act.
 */
import type { Parties } from '@redliner/parser';
import { partyTerms } from '../compile/placeholders.ts';
import { COMPANIONS } from './companions.ts';
import { pronounMentions } from './pronoun-mentions.ts';

/** Which side a mention names; `outsider` is a government program or agency, never a party. */
export type MentionRole = 'payer' | 'provider' | 'mutual' | 'unnamed' | 'outsider';

/** One mention of a party, with whether it reads as the subject of what follows. */
export interface PartyMention {
  start: number;
  end: number;
  role: MentionRole;
  /** Followed by a verb or modal ("Plan may", "Plan, at its option, shall"): the one acting. */
  subject: boolean;
  /** "Plan's option", "at the discretion of Plan": the one deciding. */
  decides: boolean;
  /** Right after "by" ("terminated by Plan"): the agent of a passive verb. */
  agent: boolean;
  /** "Plan's", "our": the owner of the noun that follows ("Plan's termination of ..."). */
  possessive: boolean;
  /** "Neither party", "no party": a mutual mention that negates what follows. */
  negative: boolean;
}

const MUTUAL = [
  'either party', 'each party', 'both parties', 'the parties', 'either of the parties', 'each of the parties', 'both of the parties',
  'either of us', 'each of us', 'both of us', 'either of them', 'each of them', 'any party', 'a party', 'neither party',
  'neither of the parties', 'neither of us', 'no party', 'either side', 'each side',
];
const UNNAMED = ['\\[\\s*redacted\\s*\\]', '\\[\\s*blank\\s*\\]', '_{3,}', '\\[\\s*\\*+\\s*\\]', '\\[\\s*name\\s*\\]', '█+'];

// Government programs and agencies, capitalised as names ("Medicare adjusts its payment",
// "based on CMS's annual update"): the subject of an act, but not a party to the contract, so an
// act they perform is nobody's in who-does-what ("even if Medicare adjusts its rates" is not the
// payer adjusting). A party term at the same span wins (a state agency can be the payer).
const OUTSIDERS = [
  'Medicare', 'Medicaid', 'CMS', 'HHS', 'OIG', 'Congress', 'Centers\\s+for\\s+Medicare\\s+(?:and|&)\\s+Medicaid\\s+Services',
  '(?:the\\s+)?(?:State|Department|Agency|Secretary|Commissioner|Legislature)',
];

const PRONOUNS: Record<string, string[]> = { we: ['we', 'us', 'our', 'ours'], you: ['you', 'your', 'yours'] };

function escape(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&').replace(/\s+/g, '\\s+');
}

function withPronouns(terms: readonly string[]): string[] {
  return terms.flatMap((t) => PRONOUNS[t.toLowerCase()] ?? [t]);
}

const bounded = (source: string, term: string) => `${/^\w/.test(term) ? '\\b' : ''}${source}${/\w$/.test(term) ? '\\b' : ''}`;

const MODAL_OR_VERB = new RegExp(
  String.raw`^(?:${COMPANIONS},?)?` +
  /\s*(?:,[^,;]{1,120},\s*|\([^)]{1,100}\)\s*)?(?:(?:alone|also|itself|themselves|further|hereby|expressly|unilaterally|then|thereafter|thereupon|immediately|may\s+also|in\s+(?:its|their|our)\s+(?:sole\s+)?discretion,?)\s+)?(?:may|shall|will|can|cannot|must|might|could|should|would|reserves?|retains?|has|have|is|are|agrees?|elects?|decides?|determines?|chooses?|intends?|wishes|desires?|wants?|needs?|(?<verb>[a-z]{3,}(?:s|ed))\b(?!\s+(?:of|to|for|under|by|and|or)\b)|(?<joined>[a-z]{3,}(?:s|ed))\s+and\s+(?:hereby\s+)?(?:agrees?|shall|will|may|must|covenants?|undertakes?|acknowledges?|consents?|warrants?|represents?|releases?|waives?|indemnifies|holds?)\b)/i.source,
  'i',
);
// Words after a party term that make a compound noun ("Plan Members", "Provider Services",
// "Plan policies"), not a verb: a defined term right before them is not acting.
const COMPOUND_NOUNS = new Set([
  'members', 'enrollees', 'participants', 'subscribers', 'beneficiaries', 'patients', 'policies', 'procedures', 'products',
  'programs', 'services', 'claims', 'payments', 'providers', 'benefits', 'requirements', 'guidelines', 'rates', 'records',
  'documents', 'rules', 'standards', 'networks', 'disputes', 'appeals', 'sponsors', 'affiliates', 'contracts', 'agreements',
  'manuals', 'materials', 'communications', 'operations', 'systems', 'files', 'data', 'fees', 'charges', 'locations',
  'sites', 'facilities', 'practitioners', 'physicians', 'groups', 'plans', 'types', 'levels', 'terms', 'obligations',
  'rights', 'responsibilities', 'directories', 'portals', 'websites', 'notices', 'forms', 'reports', 'audits', 'reviews',
]);

/** "Plan may", "Plan reserves", "Provider releases and agrees": what follows a mention makes it the subject. */
function readsAsSubject(after: string): boolean {
  const m = MODAL_OR_VERB.exec(after);
  if (!m) return false;
  const verb = m.groups?.verb ?? m.groups?.joined;
  // Defined terms and headings are capitalised; verbs in running text are not.
  if (verb === undefined) return true;
  return /^[a-z]/.test(verb) && !COMPOUND_NOUNS.has(verb);
}
const DECIDES_AFTER = /^\s*['’]s?\s+(?:own\s+|sole\s+|absolute\s+|reasonable\s+|exclusive\s+)*(?:option|discretion|election|decision|determination|request|convenience|choice|judgment|right)/i;
const DECIDES_BEFORE = /\b(?:discretion|option|election|determination|judgment|request|direction)\s+of\s+(?:the\s+)?$/i;
const AGENT_BEFORE = /\bby\s+(?:the\s+)?$/i;
// "amounts owing from Group may be satisfied", "sums payable to Provider may be offset": a party
// after one of these prepositions is the object of a phrase, never the subject of the verb that
// follows it. ("of" is left out: "each of Plan and Provider may" names the subject.)
const OBJECT_PREPOSITION_BEFORE = /\b(?:from|to|against|toward|towards)\s+(?:the\s+)?$/i;

// Defined terms are capitalised ("Plan", "Provider"); the same word in lower case is usually
// something else ("the member's benefit plan"), so a capitalised term is matched as written.

/** Every party mention in `text`, in order. */
export function findPartyMentions(text: string, parties: Parties): PartyMention[] {
  const terms = partyTerms(parties);
  const found: Array<{ start: number; end: number; role: MentionRole; text: string }> = [];
  const scan = (role: MentionRole, sources: string[], flags: string) => {
    if (sources.length === 0) return;
    for (const m of text.matchAll(new RegExp(sources.join('|'), flags))) found.push({ start: m.index, end: m.index + m[0].length, role, text: m[0] });
  };
  scan('mutual', MUTUAL.map((m) => bounded(escape(m), m)), 'gi');
  for (const role of ['payer', 'provider'] as const) {
    const list = withPronouns(terms[role]).sort((a, b) => b.length - a.length);
    scan(role, list.filter((t) => /\p{Lu}/u.test(t)).map((t) => bounded(escape(t), t)), 'g');
    scan(role, list.filter((t) => !/\p{Lu}/u.test(t)).map((t) => bounded(escape(t), t)), 'gi');
  }
  // After the parties' terms: where the parser has read "[REDACTED]" as a party's term (the
  // document says whose name was erased), that role wins over "unnamed" at the same span.
  scan('unnamed', UNNAMED, 'gi');
  scan('outsider', OUTSIDERS.map((o) => `\\b${o}\\b`), 'g');
  // Longest mention wins where two overlap ("Health Plan" over "Plan", "either party" over
  // "party"); at the same span the earlier scan wins (the sort is stable).
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PartyMention[] = [];
  let last = -1;
  for (const f of found) {
    if (f.start < last) continue;
    last = f.end;
    out.push(mentionAt(text, f.start, f.end, f.role, /^(?:our|your)$/i.test(f.text), /^(?:neither|no)\b/i.test(f.text)));
  }
  // "it"/"its" standing for the party just named, merged in text order (party terms never overlap them).
  const pronouns = pronounMentions(text, out, (start, end, role, possessive) => mentionAt(text, start, end, role, possessive, false));
  return pronouns.length === 0 ? out : [...out, ...pronouns].sort((a, b) => a.start - b.start);
}

/** A mention at [start, end) with what the words around it say it does. */
function mentionAt(text: string, start: number, end: number, role: MentionRole, pronounPossessive: boolean, negative: boolean): PartyMention {
  const after = text.slice(end, end + 200);
  const before = text.slice(Math.max(0, start - 40), start);
  const possessive = /^[’']/.test(after) || pronounPossessive;
  return {
    start,
    end,
    role,
    subject: !possessive && !AGENT_BEFORE.test(before) && !OBJECT_PREPOSITION_BEFORE.test(before) && readsAsSubject(after),
    decides: DECIDES_AFTER.test(pronounPossessive ? `'s${after}` : after) || DECIDES_BEFORE.test(before),
    agent: AGENT_BEFORE.test(before),
    possessive,
    negative,
  };
}
