/**
 * Who is the payer and who the provider, and the defined terms each goes by. Rules use these
 * to tell "Plan may terminate" from "Group may terminate", and redlines use them to write
 * "Plan shall pay…" in the contract's own words.
 *
 * In order of trust: the preamble's defined terms (“Plan”, “we”), a letter's "we"/"you",
 * definitions ("“Payor” means"), the short company name the body uses when nothing is defined
 * ("Northstar"), a blank left where a name was removed, and last the generic role words the body
 * uses ("Carrier", "Practitioner").
 */
import { detectLetter } from './party-letter.ts';
import { shortNamesUsed, standaloneUses } from './party-names.ts';
import { betweenParties, preambleCandidates, type Candidate } from './party-preamble.ts';
import { redactedTokenRole, REDACTED_TOKEN } from './party-redacted.ts';
import { roleWordsUsed, ROLE_WORDS } from './party-roles.ts';
import type { ContractDocument, Parties, Party, PartyEvidence, PartyRole } from './types.ts';

const PAYER_WORDS = /\b(?:health ?plans?|plans?|payor|payer|company|hmo|mco|lbm|pbm|insurer|insurance|carrier|blue ?shield|blue ?cross|benefit management|health maintenance|managed care|administrator|assurance|we|us|our)\b/i;
const PROVIDER_WORDS = /\b(?:providers?|group|facility|practitioners?|physicians?|hospital|laborator(?:y|ies)|lab|clinic|practice|medical (?:group|center|associates)|health system|associates|p\.\s?c\.|p\.\s?a\.|m\.\s?d\.|ipa|pharmacy|agency|therapy|surgery center|you|your|undersigned)\b/i;
const PAYER_DEFINED = /^(?:(?:health )?plan|payor|payer|company|hmo|mco|carrier|insurer)$/i;
const PROVIDER_DEFINED = /^(?:(?:participating |contracted |network )?provider|group(?: physicians?)?|facility|practitioners?|physicians?|hospital|laboratory|clinic|practice)$/i;

function score(text: string, words: RegExp): number {
  return (text.match(new RegExp(words.source, 'gi')) ?? []).length;
}

function classify(candidate: Candidate): PartyRole | null {
  const named = `${candidate.name ?? ''} ${candidate.hint ?? ''}`;
  const hay = `${candidate.terms.join(' ')} ${named}`;
  const payer = score(candidate.terms.join(' '), PAYER_WORDS) * 2 + score(named, PAYER_WORDS);
  const provider = score(candidate.terms.join(' '), PROVIDER_WORDS) * 2 + score(named, PROVIDER_WORDS);
  if (payer === provider) return /\bwe\b/i.test(hay) ? 'payer' : null;
  return payer > provider ? 'payer' : 'provider';
}

function addTerm(party: Party, term: string): void {
  if (!party.terms.some((t) => t.toLowerCase() === term.toLowerCase())) party.terms.push(term);
}

const other = (role: PartyRole): PartyRole => (role === 'payer' ? 'provider' : 'payer');

/** Give each slot a role: by its words, or the side left over when the other slot is known. */
function assignRoles(candidates: readonly Candidate[]): Array<{ candidate: Candidate; role: PartyRole }> {
  const roles = candidates.map((c) => ((c.redacted || c.blank) && c.terms.length === 0 && !c.name ? null : classify(c)));
  return candidates.flatMap((candidate, i) => {
    let role = roles[i];
    // Only a slot with nothing to read (a blank, an erased term) is the side left over; an unclassified term ("SIU") is no party.
    if (!role && candidate.terms.length === 0) {
      const known = roles.filter((r): r is PartyRole => r !== null);
      if (known.length === 0 || new Set(known).size > 1) return [];
      role = other(known[0]!);
    }
    return role ? [{ candidate, role }] : [];
  });
}

/** Blanks that stand for a party's name, by party (kept aside: a blank becomes a term only if the body uses it). */
type Blanks = Map<Party, string>;

function take(party: Party, candidate: Candidate, blanks: Blanks): void {
  if (candidate.name && !party.name) party.name = candidate.name;
  if (candidate.blank || candidate.redacted) party.redacted = true;
  if (candidate.blank && !blanks.has(party)) blanks.set(party, candidate.blank);
  const plain = candidate.terms.some((t) => /^(?:we|you)$/i.test(t));
  party.evidence.push({ ...candidate.evidence, source: candidate.redacted ? 'redacted' : plain ? 'plain-english' : candidate.evidence.source });
  for (const term of candidate.terms) addTerm(party, term);
}

/** Find the parties of `document` from its preamble, definitions and signature blocks. */
export function detectParties(document: Pick<ContractDocument, 'text' | 'blocks'>): Parties {
  const { text, blocks } = document;
  const payer: Party = { role: 'payer', terms: [], evidence: [] };
  const provider: Party = { role: 'provider', terms: [], evidence: [] };
  const byRole = { payer, provider };
  const blanks: Blanks = new Map();

  // The preamble: before the first article/section heading after the block naming the parties (or past the title), capped.
  const partiesAt = blocks.findIndex((b) => b.kind !== 'heading' && /\b(?:between|among|parties)\b/i.test(text.slice(b.start, Math.min(b.end, b.start + 2000))));
  const pastTitle = (i: number, start: number) => (partiesAt >= 0 ? i > partiesAt : i > 2 && start > 200);
  const firstBody = blocks.find((b, i) => pastTitle(i, b.start) && (b.kind === 'heading' || /^(?:ARTICLE|SECTION|Section|Article)\b|^1\.\d?\s/.test(text.slice(b.start, b.start + 12))));
  const preambleEnd = Math.min(firstBody?.start ?? 6000, 6000);
  const body = text.slice(preambleEnd);
  for (const { candidate, role } of assignRoles(preambleCandidates(text, preambleEnd))) {
    const party = byRole[role];
    if (party.evidence.length > 0 && party.name && candidate.name && party.name !== candidate.name) continue;
    take(party, candidate, blanks);
  }
  // Names without defined terms ("between Northstar Health Plan, Inc. and Lakeside Clinic, P.A."), blanks, "and you".
  if (payer.terms.length === 0 || provider.terms.length === 0) {
    for (const { candidate, role } of assignRoles(betweenParties(text, preambleEnd))) {
      const party = byRole[role];
      if ((party.terms.length > 0 && !candidate.blank) || (candidate.redacted && party.redacted)) continue;
      if (candidate.name && party.terms.length === 0) for (const short of shortNamesUsed(candidate.name, body)) addTerm(party, short);
      take(party, candidate, blanks);
    }
  }
  // Letters: the payer writes as "we" to "you".
  const letter = detectLetter(text);
  if (letter) {
    const evidence: PartyEvidence = { ...letter.evidence, source: 'letter' };
    if (letter.payerName && !payer.name) payer.name = letter.payerName;
    if (letter.providerName && !provider.name) provider.name = letter.providerName;
    payer.evidence.push(evidence);
    provider.evidence.push(evidence);
    addTerm(payer, 'we');
    addTerm(provider, 'you');
  }
  // Plain-English contracts and letters: make sure every pronoun form is there.
  if (payer.terms.some((t) => /^we$/i.test(t))) for (const t of ['we', 'us', 'our']) addTerm(payer, t);
  if (provider.terms.some((t) => /^you$/i.test(t))) for (const t of ['you', 'your']) addTerm(provider, t);

  // Definitions that name a party-side term ("“Payor” means …").
  for (const match of text.matchAll(/(?:^|\n)(?:[^\n“"]{0,20})[“"]([^”"\n]{1,40})[”"]\s+(?:means|shall mean|refers to)\b/g)) {
    const term = match[1]!.trim();
    const at = (match.index ?? 0) + match[0].indexOf(term);
    const evidence: PartyEvidence = { start: at, end: at + term.length, source: 'definitions' };
    const party = PAYER_DEFINED.test(term) ? payer : PROVIDER_DEFINED.test(term) ? provider : null;
    if (!party) continue;
    addTerm(party, term);
    party.evidence.push(evidence);
  }

  signatureNames(text, provider);
  for (const party of [payer, provider]) blankTerm(party, byRole[other(party.role)], blanks, body);
  redactedTerm(byRole, blanks, text);
  const detected = payer.terms.length > 0 && provider.terms.length > 0;
  for (const party of [payer, provider]) genericTerms(party, byRole[other(party.role)], text);
  return { payer, provider, detected };
}

/** Signature blocks and W-9 lines name a party the preamble only describes ("Practice name: Tidewater Virtual Medicine, P.A."). */
function signatureNames(text: string, provider: Party): void {
  const tailStart = Math.floor(text.length * 0.6);
  const named = [...text.slice(tailStart).matchAll(/\b(?:Practice|Provider|Group|Facility|Hospital|Laboratory|Clinic) name:\s*([^\n|]{3,100})/g)].map((m) => ({ at: tailStart + m.index, match: m }));
  // "Name According to W-9 Form with d/b/a: Community Hospital dba Medical Center" heads some provider agreements.
  const w9 = /Name According to W-9 Form(?: with)?:?(?: d\/b\/a)?:[ \t]*(\p{Lu}[^\n|]{2,100}[ \t][^\n|]{2,100})/u.exec(text.slice(0, 3000));
  if (w9) named.push({ at: w9.index, match: w9 });
  for (const { at, match } of named) {
    if (!provider.name) provider.name = match[1]!.trim();
    provider.evidence.push({ start: at, end: at + match[0].length, source: 'signature' });
  }
}

/**
 * A party known only by a blank ("between [REDACTED] and …"): the blank is its term when the
 * body uses it for the party ("[REDACTED] shall pay Group") and the other party is not written
 * the same way, so rules can still match it.
 */
function blankTerm(party: Party, otherParty: Party, blanks: Blanks, body: string): void {
  const blank = blanks.get(party);
  if (party.terms.length > 0 || !blank || blank === REDACTED_TOKEN || blanks.get(otherParty) === blank) return;
  if (standaloneUses(body, blank) > 0) party.terms.push(blank);
}

/**
 * `[REDACTED]` (what the PDF reader writes for a blacked-out name) as a term of the party it
 * stands for, when the preamble or the body's pairings say which one (see `redactedTokenRole`):
 * added after the party's own terms, even where definitions gave it one ("Plan"), since the body
 * acts through the token ("[REDACTED] shall pay Provider").
 */
function redactedTerm(byRole: Record<PartyRole, Party>, blanks: Blanks, text: string): void {
  if (!text.includes(REDACTED_TOKEN)) return;
  const preamble = { payer: blanks.get(byRole.payer) === REDACTED_TOKEN, provider: blanks.get(byRole.provider) === REDACTED_TOKEN };
  // A party known only from definitions ("Participating Provider"), or not yet at all, may act in
  // the body by its role word ("Provider"); a party the preamble named has its terms already.
  const terms = (party: Party) => (party.evidence.some((e) => e.source !== 'definitions') ? party.terms : [...party.terms, ...roleWordsUsed(text, party.role)]);
  const role = redactedTokenRole(text, { preamble, terms: { payer: terms(byRole.payer), provider: terms(byRole.provider) } });
  if (!role) return;
  const party = byRole[role];
  party.redacted = true;
  if (!preamble[role]) {
    const at = text.indexOf(REDACTED_TOKEN);
    party.evidence.push({ start: at, end: at + REDACTED_TOKEN.length, source: 'body' });
  }
  addTerm(party, REDACTED_TOKEN);
}

/**
 * A party still without terms: the role words the body uses for it ("Carrier shall pay"), else
 * the first generic words, so rules still have something to match. A party known only from
 * definitions also gets the role words the body acts with, first.
 */
function genericTerms(party: Party, otherParty: Party, text: string): void {
  // Terms from definitions alone ("“Participating Provider” means") may not be what the body calls the party ("Provider shall").
  const definedOnly = party.terms.length > 0 && party.evidence.every((e) => e.source === 'definitions');
  if (party.terms.length > 0 && !definedOnly) return;
  const used = roleWordsUsed(text, party.role).filter((w) => !otherParty.terms.includes(w));
  // The body's word comes first: it names the party in suggested language ("Provider shall"),
  // where a class defined for the network ("Participating Provider") would read oddly.
  if (definedOnly) party.terms = [...used.filter((w) => !party.terms.some((t) => t.toLowerCase() === w.toLowerCase())), ...party.terms];
  else party.terms = used.length > 0 ? used : ROLE_WORDS[party.role].slice(0, 3);
}
