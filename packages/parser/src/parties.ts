/**
 * Who is the payer and who the provider, and the defined terms each goes by. Rules use these
 * to tell "Plan may terminate" from "Group may terminate", and redlines use them to write
 * "Plan shall pay…" in the contract's own words.
 */
import type { ContractDocument, Parties, Party, PartyEvidence, PartyRole } from './types.ts';

interface Candidate {
  name?: string;
  terms: string[];
  evidence: PartyEvidence;
}

const PAYER_WORDS = /\b(?:health ?plans?|plans?|payor|payer|company|hmo|mco|lbm|pbm|insurer|insurance|carrier|blue ?shield|blue ?cross|benefit management|health maintenance|managed care|administrator|assurance|we|us|our)\b/i;
const PROVIDER_WORDS = /\b(?:providers?|group|facility|practitioners?|physicians?|hospital|laborator(?:y|ies)|lab|clinic|practice|medical (?:group|center|associates)|health system|associates|p\.\s?c\.|p\.\s?a\.|m\.\s?d\.|ipa|pharmacy|agency|therapy|surgery center|you|your)\b/i;
const NOT_PARTIES = /^(?:agreement|this agreement|effective date|start date|party|parties|department|state contract|prior agreement|clients?|members?|services|amendment|term|contract)$/i;
const GENERIC_PAYER = ['Plan', 'Health Plan', 'Payor', 'Payer', 'Company', 'HMO', 'MCO', 'Insurer', 'Carrier'];
const GENERIC_PROVIDER = ['Provider', 'Group', 'Facility', 'Practitioner', 'Physician', 'Hospital', 'Laboratory', 'Clinic', 'Practice', 'Participating Provider'];
const PAYER_DEFINED = /^(?:(?:health )?plan|payor|payer|company|hmo|mco|carrier|insurer)$/i;
const PROVIDER_DEFINED = /^(?:(?:participating |contracted |network )?provider|group(?: physicians?)?|facility|practitioners?|physicians?|hospital|laboratory|clinic|practice)$/i;

const QUOTED = /[“"]([^”"]{1,40})[”"]/g;
const PAREN = /\(([^()]{0,240})\)/g;

function score(text: string, words: RegExp): number {
  return (text.match(new RegExp(words.source, 'gi')) ?? []).length;
}

/** Parenthetical defined terms in the preamble with the name that precedes each. */
function preambleCandidates(text: string, end: number): Candidate[] {
  const preamble = text.slice(0, end);
  const out: Candidate[] = [];
  let lastEnd = 0;
  for (const paren of preamble.matchAll(PAREN)) {
    const terms = [...(paren[1] ?? '').matchAll(QUOTED)].map((m) => m[1]!.trim().replace(/[,.]$/, '')).filter((t) => t && !NOT_PARTIES.test(t));
    const at = paren.index ?? 0;
    if (terms.length === 0) continue;
    const before = preamble.slice(lastEnd, at);
    lastEnd = at + paren[0].length;
    // The name runs from the last "between"/"and"/list marker to the first ", a(n) …" description.
    // The name starts after "between"/a list marker/the previous party and ends at its ", a(n) …" description.
    const tail = before.split(/\b(?:by and between|between|among)\b|\(\d\)|\n/).pop() ?? '';
    const name = tail.replace(/^[\s,;:]*(?:and\b)?[\s,;:]*/, '').split(/,\s+(?:a|an|the)\s|,\s+\d/)[0]!.replace(/[\s,;:]+$/g, '');
    const candidate: Candidate = { terms, evidence: { start: at, end: at + paren[0].length, source: 'preamble' } };
    if (name.length >= 3 && name.length <= 120 && /\p{Lu}/u.test(name[0] ?? '') && !/\b(?:means|shall|agree)\b/.test(name)) candidate.name = name;
    out.push(candidate);
  }
  return out;
}

function classify(candidate: Candidate): PartyRole | null {
  const hay = `${candidate.terms.join(' ')} ${candidate.name ?? ''}`;
  const payer = score(candidate.terms.join(' '), PAYER_WORDS) * 2 + score(candidate.name ?? '', PAYER_WORDS);
  const provider = score(candidate.terms.join(' '), PROVIDER_WORDS) * 2 + score(candidate.name ?? '', PROVIDER_WORDS);
  if (payer === provider) return /\bwe\b/i.test(hay) ? 'payer' : null;
  return payer > provider ? 'payer' : 'provider';
}

function addTerm(party: Party, term: string): void {
  if (!party.terms.some((t) => t.toLowerCase() === term.toLowerCase())) party.terms.push(term);
}

/** Find the parties of `document` from its preamble, definitions and signature blocks. */
export function detectParties(document: Pick<ContractDocument, 'text' | 'blocks'>): Parties {
  const { text, blocks } = document;
  const payer: Party = { role: 'payer', terms: [], evidence: [] };
  const provider: Party = { role: 'provider', terms: [], evidence: [] };
  const byRole = { payer, provider };

  // The preamble: before the first article/section heading past the title, capped.
  const firstBody = blocks.find((b, i) => i > 2 && (b.kind === 'heading' || /^(?:ARTICLE|SECTION|Section|Article)\b|^1\.\d?\s/.test(text.slice(b.start, b.start + 12))) && b.start > 200);
  const preambleEnd = Math.min(firstBody?.start ?? 6000, 6000);
  for (const candidate of preambleCandidates(text, preambleEnd)) {
    const role = classify(candidate);
    if (!role) continue;
    const party = byRole[role];
    if (party.evidence.length > 0 && party.name && candidate.name && party.name !== candidate.name) continue;
    if (candidate.name && !party.name) party.name = candidate.name;
    const plain = candidate.terms.some((t) => /^(?:we|you)$/i.test(t));
    party.evidence.push({ ...candidate.evidence, source: plain ? 'plain-english' : 'preamble' });
    for (const term of candidate.terms) addTerm(party, term);
  }
  // Plain-English contracts: make sure every pronoun form is there.
  if (payer.terms.some((t) => /^we$/i.test(t))) for (const t of ['we', 'us', 'our']) addTerm(payer, t);
  if (provider.terms.some((t) => /^you$/i.test(t))) for (const t of ['you', 'your']) addTerm(provider, t);

  // Definitions that name a party-side term ("“Payor” means …").
  for (const match of text.matchAll(/(?:^|\n)(?:[^\n“"]{0,20})[“"]([^”"\n]{1,40})[”"]\s+(?:means|shall mean|refers to)\b/g)) {
    const term = match[1]!.trim();
    const at = (match.index ?? 0) + match[0].indexOf(term);
    const evidence: PartyEvidence = { start: at, end: at + term.length, source: 'definitions' };
    if (PAYER_DEFINED.test(term)) {
      addTerm(payer, term);
      payer.evidence.push(evidence);
    } else if (PROVIDER_DEFINED.test(term)) {
      addTerm(provider, term);
      provider.evidence.push(evidence);
    }
  }

  // Signature blocks name a party the preamble only describes ("Practice name: Tidewater Virtual Medicine, P.A.").
  const tailStart = Math.floor(text.length * 0.6);
  for (const match of text.slice(tailStart).matchAll(/\b(?:Practice|Provider|Group|Facility|Hospital|Laboratory|Clinic) name:\s*([^\n|]{3,100})/g)) {
    const at = tailStart + (match.index ?? 0);
    if (!provider.name) provider.name = match[1]!.trim();
    provider.evidence.push({ start: at, end: at + match[0].length, source: 'signature' });
  }

  const detected = payer.terms.length > 0 && provider.terms.length > 0;
  // Fall back to the generic terms the body uses most, so rules still have something to match.
  for (const party of [payer, provider]) {
    if (party.terms.length > 0) continue;
    const generic = party.role === 'payer' ? GENERIC_PAYER : GENERIC_PROVIDER;
    const counted = generic
      .map((term) => ({ term, count: (text.match(new RegExp(`\\b${term}\\b`, 'g')) ?? []).length }))
      .filter((c) => c.count >= 3)
      .sort((a, b) => b.count - a.count);
    party.terms = counted.length > 0 ? counted.map((c) => c.term) : generic.slice(0, 3);
  }
  return { payer, provider, detected };
}
