/**
 * The parties as the preamble introduces them: "between Lakeshore Health Plan, Inc., a … (“Plan”),
 * and Birchwood Family Medicine, P.A. (“Group”)", numbered party lists, names without defined
 * terms ("between Northstar Health Plan, Inc. and Lakeside Clinic, P.A."), blanks where a name
 * was removed ("between ______ (“Health Plan”) and …"), and defined terms a redaction erased
 * (`(hereinafter " and the undersigned Provider`).
 */
import type { PartyEvidence } from './types.ts';
import { BLANK_SOURCE, blankAtStart, isBlank, legalNameAt } from './party-names.ts';

/** One party slot of the preamble. */
export interface Candidate {
  /** The legal name, when the slot gives one. */
  name?: string;
  /** Defined terms from the slot's parenthetical (“Plan”, “we”). */
  terms: string[];
  evidence: PartyEvidence;
  /** The blank written where the name was removed ("______", "[REDACTED]"). */
  blank?: string;
  /** A redaction erased the slot's defined term or name: the text shows only what surrounds it. */
  redacted?: boolean;
  /** Words that describe the party without naming it ("the undersigned Provider"), for telling its side. */
  hint?: string;
}

const NOT_PARTIES = /^(?:agreement|this agreement|effective date|start date|party|parties|department|state contract|prior agreement|clients?|members?|services|amendment|term|contract)$/i;
const QUOTED = /[“"]([^”"]{1,40})[”"]/g;
const PAREN = /\(([^()]{0,240})\)/g;
// "(hereinafter " and the undersigned…": an opening quote with nothing before the joiner; the
// defined term (and usually the name before it) was blacked out and its characters removed. The
// PDF reader may have put "[REDACTED]" where the box is: "(hereinafter "[REDACTED] and the…".
const ERASED_TERM = /\((?:[^()"“”]{0,80})["“]\s*(\[REDACTED\])?\s*["”]?\s*\)?(?=\s*,?\s*and\b)/g;
const ERASED_AT_END = /\((?:[^()"“”]{0,80})["“]\s*(\[REDACTED\])?\s*["”]?\s*\)?\s*$/;
// A blank party before this one: "[REDACTED], a Texas corporation, and …" or "______ (…) and …".
const BLANK_THEN_AND = new RegExp(`^(?:${BLANK_SOURCE})(?:,\\s+(?:a|an)\\s[^()]*?,\\s+and\\s+|[\\s,]*(?:\\([^()]*\\)[\\s,]*)?and\\s+)`);
const LIST_START = /\b(?:by and between|between|among)\b|\(\d\)|\n/;

function nameFrom(tail: string): { name?: string; blank?: string } {
  // Drop whatever precedes an erased term or a blank party: the name that follows is this slot's.
  let rest = tail;
  const erased = [...rest.matchAll(ERASED_TERM)].pop();
  if (erased) rest = rest.slice(erased.index + erased[0].length);
  rest = rest.replace(/^[\s,;:]*(?:and\b)?[\s,;:]*/, '');
  rest = rest.replace(BLANK_THEN_AND, '');
  const trimmed = rest.split(/,\s+(?:a|an|the)\s|,\s+\d/)[0]!.replace(/[\s,;:]+$/g, '');
  if (isBlank(trimmed)) return { blank: blankAtStart(trimmed.replace(/^[\s"“(]+/, '')) ?? trimmed };
  if (trimmed.length >= 3 && trimmed.length <= 120 && /^\p{Lu}/u.test(trimmed) && !/\b(?:means|shall|agree)\b/.test(trimmed)) return { name: trimmed };
  return {};
}

/** Parenthetical defined terms in the preamble with the name (or blank) that precedes each, and erased terms. */
export function preambleCandidates(text: string, end: number): Candidate[] {
  const preamble = text.slice(0, end);
  const out: Candidate[] = [];
  let lastEnd = 0;
  for (const paren of preamble.matchAll(PAREN)) {
    const terms = [...(paren[1] ?? '').matchAll(QUOTED)].map((m) => m[1]!.trim().replace(/[,.]$/, '')).filter((t) => t && !NOT_PARTIES.test(t));
    const at = paren.index ?? 0;
    if (terms.length === 0) continue;
    const before = preamble.slice(lastEnd, at);
    lastEnd = at + paren[0].length;
    // The name starts after "between"/a list marker/the previous party and ends at its ", a(n) …" description.
    const tail = before.split(LIST_START).pop() ?? '';
    const candidate: Candidate = { terms, evidence: { start: at, end: at + paren[0].length, source: 'preamble' }, ...nameFrom(tail) };
    out.push(candidate);
  }
  for (const erased of preamble.matchAll(ERASED_TERM)) {
    const candidate: Candidate = { terms: [], redacted: true, evidence: { start: erased.index, end: erased.index + erased[0].length, source: 'redacted' } };
    if (erased[1]) candidate.blank = erased[1];
    out.push(candidate);
  }
  return out.sort((a, b) => a.evidence.start - b.evidence.start);
}

// A joiner between two parties: ", and" / " and" followed by what can start a party.
const PARTY_START = `(?:the\\s+)?(?:\\p{Lu}|${BLANK_SOURCE}|you\\b|undersigned\\b|(?:provider|practice|physician|practitioner|facility|hospital|group|health plan|plan)\\b)`;
const JOINER = new RegExp(`,?\\s+and\\s+(?=${PARTY_START})`, 'u');
const COMMA_JOINER = new RegExp(`,\\s+and\\s+(?=${PARTY_START})`, 'u');
// Where the list of parties ends: a defined term, the date, or the end of the sentence.
const LIST_END = /\s\(|\n|,?\s+(?:effective|dated|as of|made|entered|with (?:an|its) (?:office|principal))\b|\.\s+(?=\p{Lu}\p{Ll})/u;

/**
 * The two parties of a "between X and Y" phrase without defined terms: each a legal name, a
 * blank, or "you". Descriptions after a name (", a Minnesota corporation,") are skipped. Empty
 * when the preamble has no such phrase.
 */
export function betweenParties(text: string, end: number): Candidate[] {
  const preamble = text.slice(0, end);
  const start = /\b(?:by and between|between|among)\s+/.exec(preamble);
  if (!start) return [];
  const from = start.index + start[0].length;
  const segment = preamble.slice(from, from + 600);
  // After a description (", a Minnesota corporation"), the joiner carries a comma: "…laws of Iowa and Ohio, and Lakeside…".
  const described = /^[^,()]*(?:,\s+\p{Lu}[^,()]*)?,\s+(?:a|an)\s/u.test(segment);
  const joiner = (described ? COMMA_JOINER.exec(segment) : null) ?? JOINER.exec(segment);
  if (!joiner) return [];
  const parts: Array<{ at: number; text: string }> = [
    { at: from, text: segment.slice(0, joiner.index) },
    { at: from + joiner.index + joiner[0].length, text: segment.slice(joiner.index + joiner[0].length) },
  ];
  const out: Candidate[] = [];
  for (const part of parts) {
    const own = part.text.split(LIST_END)[0]!.replace(/^the\s+/i, '');
    const evidence: PartyEvidence = { start: part.at, end: part.at + own.length, source: 'preamble' };
    const blank = blankAtStart(own);
    // A name next to an erased term is what the redaction left of it ("Tennessee, Inc." of "[X] Tennessee, Inc."): not a name to use.
    const erased = ERASED_AT_END.exec(part.text.split(JOINER)[0]!);
    if (erased) out.push({ terms: [], redacted: true, ...(erased[1] ? { blank: erased[1] } : {}), evidence: { ...evidence, source: 'redacted' } });
    else if (blank) out.push({ terms: [], blank, evidence: { ...evidence, end: part.at + blank.length } });
    else if (/^you\b/.test(own)) out.push({ terms: ['you', 'your'], evidence: { ...evidence, end: part.at + 3 } });
    else {
      const name = /^\p{Lu}/u.test(own) ? legalNameAt(own.split(/,\s+(?:a|an)\s/)[0]!) : null;
      if (name) out.push({ name, terms: [], evidence: { ...evidence, end: part.at + name.length } });
      else out.push({ terms: [], hint: own.slice(0, 80), evidence });
    }
  }
  return out;
}
