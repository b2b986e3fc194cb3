/**
 * Checks that the text a payer reads after "Accept All" is clean contract text: nothing the
 * redline composed worse than the original. Each check compares the accepted view with the
 * rejected view (the original) of the same paragraphs, so what the original already does
 * ("that that", a stray double space) is never blamed on the redline.
 */
import type { TrackedParagraph, ViewParagraph } from './tracked-views.ts';
import { view } from './tracked-views.ts';

/** One problem of the accepted text, with the words around it. */
export interface TextProblem {
  check: 'doubled-word' | 'placeholder' | 'two-periods' | 'double-space' | 'brackets' | 'quote-style' | 'lost-caption' | 'empty-label' | 'inserted-twice' | 'defined-twice' | 'undefined-term' | 'lost-definition';
  text: string;
}

interface Group {
  accepted: ViewParagraph[];
  rejected: ViewParagraph[];
}

const DOUBLED = /\b(\p{L}+)[ \t\u00a0]+\1\b/giu;
const PLACEHOLDER = /\{[^{}\n]{0,60}\}/g;
const SPACING = /\S {2,}\S| [,.;:)\]]|[([] /g;
const LABEL_ONLY = /^\s*(?:\(?[A-Za-z0-9]{1,4}[.)]|\d+(?:\.\d+)+\.?|(?:Article|Section)\s+[\dIVXLC.]+)?\s*[.;:]?\s*$/i;
const LABEL = /^\s*((?:Article|Section|ARTICLE|SECTION)\s+[\dIVXLC]+(?:\.\d+)*\.?|\d+(?:\.\d+)*\.?|\([A-Za-z0-9]{1,4}\)|[A-Za-z0-9]{1,3}\))[ \t]+/;
const CAPTION_WORD = String.raw`(?:[A-Z][\p{L}'’&/-]*|of|and|or|the|to|for|in|on|by|with|a|an)`;
const CAPTION = new RegExp(String.raw`^[A-Z][\p{L}'’&/-]*(?:[ \t]+${CAPTION_WORD}){0,7}[.:](?=\s|$)`, 'u');
// After a clause number, a few words without a verb are a caption too ("Your best price.").
const PHRASE = /^[A-Z][\p{L}'’&/-]*(?:[ \t]+[\p{L}'’&/-]+){0,5}[.:](?=\s|$)/u;
const VERB = /\b(?:shall|will|may|must|can|is|are|was|were|be|has|have|does|do|means|agrees?|pays?|applies|includes?)\b|n[’']t\b/i;
// Two periods in a row ("one hundred twenty (120) days forty-five (45) days"): a period was put next to the one it should replace.
const TWO_PERIODS = /\(\d+\)\s+(?:calendar\s+|business\s+)?(?:day|month|year)s?\s+(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)[\s-]*)+\(\d+\)/gi;
// A heading line: capitalized words, numbers and labels, small words and dashes ("ARTICLE 6 — RECORDS AND AUDIT", "Future Products").
const HEADING_WORD = String.raw`(?:[\p{Lu}\d(][\p{L}\d.)'’&/-]*|of|and|or|the|to|for|in|on|by|with|a|an|—|–|-)`;
const HEADING = new RegExp(String.raw`^${HEADING_WORD}(?:\s+${HEADING_WORD})*:?$`, 'u');
// "X" means …, shall mean …, or has the meaning given by …: each defines X.
const DEFINITION = /[“"]([^”"\n]{2,60})[”"]\s+(?:(?:shall\s+)?means?\b|has\s+the\s+meaning\b)/g;
// A capitalized term the inserted text leans on ("the Initial Term", "such Clean Claim"); a
// statute or code is a name, not a term the contract must define.
const TERM_USE = /\b(?:the|this|that|such|any|each|its)[ \t]+((?:[A-Z][a-z]+)(?:[ \t]+(?:of[ \t]+)?[A-Z][a-z]+){0,3})\b/g;
const NAME_NOT_TERM = /\b(?:Act|Code|Regulations?|Rules?|Law|Statutes?|Department|Secretary|Initiative|Program)$/;

const count = (re: RegExp, s: string) => [...s.matchAll(re)].length;
const squash = (s: string) => s.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim();

/** Paragraph groups that both views agree on (a removed mark joins paragraphs in one view only). */
function groups(paragraphs: TrackedParagraph[]): Group[] {
  const accepted = view(paragraphs, 'accept');
  const rejected = view(paragraphs, 'reject');
  const out: Group[] = [];
  let a = 0;
  let r = 0;
  while (a < accepted.length || r < rejected.length) {
    const g: Group = { accepted: [], rejected: [] };
    let end = -1;
    do {
      if (a < accepted.length && (g.accepted.length === 0 || accepted[a]!.from[0]! <= end)) {
        g.accepted.push(accepted[a]!);
        end = Math.max(end, accepted[a++]!.from.at(-1)!);
      } else if (r < rejected.length && (g.rejected.length === 0 || rejected[r]!.from[0]! <= end)) {
        g.rejected.push(rejected[r]!);
        end = Math.max(end, rejected[r++]!.from.at(-1)!);
      } else break;
    } while (true);
    out.push(g);
  }
  return out;
}

/** The label and caption a clause starts with ("10.3 Assignment."), or its whole text when it is a heading. */
export function leadOf(text: string): string {
  const t = text.trim();
  if (t.length <= 80 && HEADING.test(t)) return t;
  const label = LABEL.exec(t);
  const rest = label ? t.slice(label[0].length) : t;
  const phrase = label ? PHRASE.exec(rest) : null;
  const caption = CAPTION.exec(rest) ?? (phrase && !VERB.test(phrase[0]) ? phrase : null);
  // A caption is short and followed by a sentence: "Assignment. Plan may…", not "Provider shall…".
  const lead = caption && caption[0].split(/\s+/).length <= 8 && rest.length > caption[0].length + 20 ? caption[0] : '';
  return ((label ? label[0] : '') + lead).trim();
}

function balance(s: string): string {
  return `${count(/\(/g, s) - count(/\)/g, s)}/${count(/\[/g, s) - count(/\]/g, s)}`;
}

/** Everything the accepted view of `paragraphs` composes worse than the rejected view. */
export function acceptedTextProblems(paragraphs: TrackedParagraph[]): TextProblem[] {
  const problems: TextProblem[] = [];
  const add = (check: TextProblem['check'], text: string) => problems.push({ check, text: text.slice(0, 300) });
  for (const g of groups(paragraphs)) {
    const A = g.accepted.map((p) => p.text).join('\n');
    const R = g.rejected.map((p) => p.text).join('\n');
    if (A === R) continue;
    const more = (re: RegExp, check: TextProblem['check']) => {
      if (count(re, A) > count(re, R)) add(check, `${[...A.matchAll(re)].map((m) => m[0]).join(' | ')} in: ${A}`);
    };
    more(DOUBLED, 'doubled-word');
    more(PLACEHOLDER, 'placeholder');
    more(TWO_PERIODS, 'two-periods');
    more(SPACING, 'double-space');
    for (const p of g.accepted) {
      const before = g.rejected.find((r) => r.from.some((i) => p.from.includes(i)));
      // Judged only where the original pairs its brackets (redacted or garbled text may not).
      if (balance(p.text) !== '0/0' && balance(before?.text ?? '') === '0/0') add('brackets', p.text);
    }
    const emptyLabel = (p: ViewParagraph) => (p.numbered && p.text.trim() === '') || (p.text.trim() !== '' && LABEL_ONLY.test(p.text));
    if (g.accepted.filter(emptyLabel).length > g.rejected.filter(emptyLabel).length) add('empty-label', `${g.accepted.map((p) => `[${p.text}]`).join(' ')}`);
    for (const r of g.rejected) {
      const lead = leadOf(r.text);
      if (!lead) continue;
      const after = g.accepted.filter((p) => p.from.some((i) => r.from.includes(i)));
      if (!after.some((p) => p.text.trim().startsWith(lead))) add('lost-caption', `“${lead}” in: ${after.map((p) => p.text).join(' / ')}`);
    }
  }
  // What a tracked change strikes or inserts holds whole bracket pairs: not "thirty (30" struck with ")" kept.
  for (const p of paragraphs) {
    if (balance(p.rejected) !== '0/0') continue;
    for (const r of p.revisions) if (balance(r) !== '0/0') add('brackets', `tracked change “${r}” in: ${p.accepted}`);
  }
  problems.push(...documentProblems(paragraphs));
  return problems;
}

/** Whole-document checks: a sentence inserted twice (short phrases such as a notice period may repeat), definitions added twice, a term inserted but never defined, a definition struck from a term still used, quote style. */
function documentProblems(paragraphs: TrackedParagraph[]): TextProblem[] {
  const problems: TextProblem[] = [];
  const A = squash(view(paragraphs, 'accept').map((p) => p.text).join('\n'));
  const R = squash(view(paragraphs, 'reject').map((p) => p.text).join('\n'));
  const occurrences = (hay: string, needle: string) => hay.split(needle).length - 1;
  // Whole sentences only: the same phrase put into several clauses ("the rate set forth in …") is one edit per clause.
  const sentences = new Set(paragraphs.flatMap((p) => p.inserted.split(/(?<=[.;:])\s+/)).map(squash).filter((s) => s.split(' ').length >= 8 && /^["'A-Z]/.test(s) && /[.;:]$/.test(s)));
  for (const s of sentences) {
    if (occurrences(A, s) > Math.max(1, occurrences(R, s))) problems.push({ check: 'inserted-twice', text: s });
  }
  const defined = (s: string) => {
    const m = new Map<string, number>();
    for (const d of s.matchAll(DEFINITION)) m.set(d[1]!.toLowerCase(), (m.get(d[1]!.toLowerCase()) ?? 0) + 1);
    return m;
  };
  const before = defined(R);
  for (const [term, n] of defined(A)) if (n > Math.max(1, before.get(term) ?? 0)) problems.push({ check: 'defined-twice', text: term });

  // Inserted language relies on a capitalized term the contract neither uses nor gets defined.
  const insertedText = paragraphs.map((p) => p.inserted).join('\n');
  const definedAfter = new Set([...A.matchAll(/"([^"]{2,60})"/g)].map((m) => m[1]!));
  const undefinedTerms = new Set<string>();
  for (const m of insertedText.matchAll(TERM_USE)) {
    const term = m[1]!.replace(/\s+/g, ' ');
    if (NAME_NOT_TERM.test(term) || definedAfter.has(term)) continue;
    // "Attachments" is the contract's word when it names an "Attachment".
    const stem = term.replace(/(?:ies|s)$/, '').replace(/ /g, '\\s+');
    if (!new RegExp(`(?<!\\w)${stem}`).test(R)) undefinedTerms.add(term);
  }
  for (const term of undefinedTerms) problems.push({ check: 'undefined-term', text: `“${term}” is neither used nor defined in the contract` });

  // A change struck the only place a term is defined ("… Schedule (\"WCS\")") while the contract still uses it.
  const definitions = (s: string) => new Set([...s.matchAll(/\("([^"]{2,60})"\)|"([^"]{2,60})"\s+(?:(?:shall\s+)?means?\b|has\s+the\s+meaning\b)/g)].map((m) => (m[1] ?? m[2])!));
  const definedNow = definitions(A);
  for (const term of definitions(R)) {
    if (definedNow.has(term)) continue;
    if (new RegExp(`(?<!\\w)${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')}(?!\\w)`).test(A)) problems.push({ check: 'lost-definition', text: `“${term}” is used but its definition was struck` });
  }

  const original = view(paragraphs, 'reject').map((p) => p.text).join('\n');
  const curly = count(/[“”]/g, original);
  const straight = count(/"/g, original);
  const inserted = paragraphs.map((p) => p.inserted).join('\n');
  if (curly > straight && /"/.test(inserted)) problems.push({ check: 'quote-style', text: `straight quotes inserted into a curly-quote document: ${inserted.match(/.{0,40}"[^\n]{0,40}/)?.[0]}` });
  if (straight > curly && /[“”]/.test(inserted)) problems.push({ check: 'quote-style', text: `curly quotes inserted into a straight-quote document: ${inserted.match(/.{0,40}[“”][^\n]{0,40}/)?.[0]}` });
  const curlyApos = count(/\p{L}’\p{L}/gu, original);
  const straightApos = count(/\p{L}'\p{L}/gu, original);
  if (curlyApos > straightApos && /\p{L}'\p{L}/u.test(inserted)) problems.push({ check: 'quote-style', text: `straight apostrophe inserted into a curly-quote document: ${inserted.match(/.{0,30}\p{L}'\p{L}.{0,30}/u)?.[0]}` });
  return problems;
}
