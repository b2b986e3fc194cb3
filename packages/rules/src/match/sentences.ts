/**
 * Sentence splitting that survives legal text: abbreviations ("Sec. 4.2", "U.S.C.", "Inc.",
 * "i.e.", "No. 3", "C.F.R."), clause labels ("4.2.", "(a)", "A."), decimals and citations do
 * not end a sentence. A sentence never crosses a block boundary.
 */
import type { Span } from '../types.ts';

// Words that end with a period but rarely end a sentence in a contract.
const ABBREVIATIONS = new Set(
  [
    'sec', 'secs', 'no', 'nos', 'art', 'arts', 'inc', 'co', 'corp', 'ltd', 'llc', 'l.l.c', 'llp', 'l.p', 'p.c', 'p.a', 'pllc',
    'i.e', 'e.g', 'etc', 'viz', 'cf', 'vs', 'v', 'et al', 'al', 'u.s', 'u.s.c', 'c.f.r', 'fed', 'reg', 'regs', 'stat', 'ann',
    'para', 'paras', 'par', 'pt', 'ch', 'subch', 'subpart', 'exh', 'ex', 'sched', 'approx', 'dept', 'div', 'mr', 'mrs', 'ms',
    'dr', 'st', 'jr', 'sr', 'm.d', 'd.o', 'ph.d', 'n.a', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sept', 'sep',
    'oct', 'nov', 'dec', 'tel', 'fax', 'p', 'pp', 'vol', 'cl', 'subd', 'ste',
  ].map((a) => a.toLowerCase()),
);

// Capitalised abbreviations of statute and case citations ("Tenn. Code Ann.", "Wash. Admin.
// Code", "Cal. Ins. Code", "Rev. Stat.", "Welf. & Inst. Code"): as written, never a sentence's
// last word; lower-case ("if the member is ill.") they are ordinary words, so case matters.
const CITATION_ABBREVIATIONS = new Set([
  'Ala', 'Ariz', 'Ark', 'Cal', 'Colo', 'Conn', 'Del', 'Fla', 'Ga', 'Ill', 'Ind', 'Kan', 'Ky', 'La', 'Md', 'Mass', 'Mich',
  'Minn', 'Miss', 'Mo', 'Mont', 'Neb', 'Nev', 'Okla', 'Or', 'Ore', 'Pa', 'Tenn', 'Tex', 'Va', 'Vt', 'Wash', 'Wis', 'Wyo',
  'Rev', 'Ins', 'Admin', 'Adm', 'Gen', 'Comp', 'Civ', 'Proc', 'Bus', 'Prof', 'Gov', 'Govt', 'Welf', 'Inst', 'Saf', 'Pub',
  'Supp', 'Cong', 'Sess', 'Cir', 'Ct', 'App', 'Cons', 'Consol', 'Health', 'Serv', 'Servs', 'Hum', 'Res',
]);

// A candidate end: ., ! or ? (plus closing quotes/brackets), whitespace, then something that can start a sentence.
const CANDIDATE = /[.!?]["'”’)\]]*(?=\s+["'“‘([]?[\p{Lu}\d§])/gu;

function wordBefore(text: string, end: number): string {
  let i = end;
  while (i > 0 && /[\p{L}\d.&]/u.test(text[i - 1]!)) i--;
  return text.slice(i, end);
}

// "Health." or "App." end sentences too; as citation parts they are followed by another
// citation word, a section sign or a number ("Health & Safety Code § 1371", "Ins. Code").
function isCitationContext(text: string, dot: number): boolean {
  return /^\.\s+(?:&\s+)?(?:[A-Z][a-z]{0,6}\.|Code\b|Stat\b|Ann\b|Laws\b|Regs?\b|§|\d)/.test(text.slice(dot, dot + 16));
}

function isBoundary(text: string, dot: number, blockStart: number): boolean {
  if (text[dot] !== '.') return true;
  const word = wordBefore(text, dot);
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower) || ABBREVIATIONS.has(lower.replace(/\.$/, ''))) return false;
  if (CITATION_ABBREVIATIONS.has(word) && isCitationContext(text, dot)) return false;
  // Single initials ("J. Smith", "A. Provider shall") and dotted acronyms ("U.S.") are not ends.
  if (/^\p{L}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) return false;
  // A clause label at the start of a block ("4.2." or "12.") is not a sentence of its own.
  // (Each test slices the block up to the dot, so it runs only when its cheap part holds.)
  if (/^\d+(?:\.\d+)*$/.test(word) && /^[\s(]*$/.test(text.slice(blockStart, dot - word.length))) return false;
  // "(a)." or "(iv)." at the start of a block is a label too.
  if (text[dot - 1] === ')' && /^\s*\([\p{L}\d]{1,5}\)$/u.test(text.slice(blockStart, dot))) return false;
  return true;
}

function trimmed(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return e > s ? { start: s, end: e } : null;
}

// A run-in caption: a clause label, then a few Title Case words ending in a period, with the
// clause's text after it ("7.3 Recoupment. Plan may…", "Indemnification by Facility. Facility
// shall…"). Small words may stay lower case; every other word is capitalised.
const CAPTION_LABEL = /^\s*(?:(?:(?:section|article|§)\s*)?(?:\d+(?:\.[\dA-Za-z]+)*\.?|[IVXivx]+\.|\(?[A-Za-z\d]{1,4}\)|[A-Za-z]\.)(?=\s))?\s*/i;
const CAPTION_SMALL = /^(?:and|or|of|the|to|for|in|on|by|with|without|a|an|under|upon|from|after|before|as|at|not|no|its|their|against|between|&)$/;
const CAPTION_WORD = /^[“"(]?[\p{Lu}\d§][\p{L}\d’'&\-/,]*[”")]?$/u;
const MAX_CAPTION_WORDS = 8;

/**
 * Whether `first`, the first sentence of its block, is a run-in caption: a heading, not a
 * sentence (a caller checks that more text follows it in the block).
 */
export function isRunInCaption(text: string, first: Span): boolean {
  const sentence = text.slice(first.start, first.end);
  if (!sentence.endsWith('.')) return false;
  const rest = sentence.slice(CAPTION_LABEL.exec(sentence)![0].length, -1).trim();
  const words = rest.split(/\s+/);
  if (rest.length < 2 || words.length > MAX_CAPTION_WORDS || !CAPTION_WORD.test(words[0]!)) return false;
  return words.every((w) => CAPTION_SMALL.test(w) || CAPTION_WORD.test(w));
}

/** The sentences of `text[start, end)` (one block), as absolute spans; the first `limit` only, if given. */
export function splitSentences(text: string, start: number, end: number, limit = Infinity): Span[] {
  const block = text.slice(start, end);
  const spans: Span[] = [];
  let from = 0;
  for (const match of block.matchAll(CANDIDATE)) {
    const dot = match.index;
    if (!isBoundary(block, dot, 0)) continue;
    const stop = dot + match[0].length;
    const span = trimmed(text, start + from, start + stop);
    if (span) spans.push(span);
    from = stop;
    if (spans.length >= limit) return spans;
  }
  const last = trimmed(text, start + from, end);
  if (last) spans.push(last);
  return spans;
}

/**
 * Where the text after a run-in caption starts, when the block at `start` opens with one and
 * has more text after it ("Termination Without Cause. Either party may…"); null otherwise.
 */
export function runInCaptionEnd(text: string, start: number, end: number): number | null {
  const [first, second] = splitSentences(text, start, end, 2);
  return first && second && isRunInCaption(text, first) ? second.start : null;
}

/**
 * The clauses of one sentence: the parts between semicolons, so an exception or a negation in
 * one limb of a sentence ("Provider may terminate on 90 days' notice; Plan may terminate at
 * any time") is not read into the other.
 */
export function splitClauses(text: string, sentence: Span): Span[] {
  const spans: Span[] = [];
  let from = sentence.start;
  for (let i = sentence.start; i < sentence.end; i++) {
    if (text[i] !== ';') continue;
    const span = trimmed(text, from, i + 1);
    if (span) spans.push(span);
    from = i + 1;
  }
  const last = trimmed(text, from, sentence.end);
  if (last) spans.push(last);
  return spans;
}
