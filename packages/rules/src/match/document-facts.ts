/**
 * Everything about a document that does not depend on the rules: its units at each scope,
 * the numbers in it, word positions and section titles. Computed lazily and cached per
 * document object, so analysing one contract with several rulesets reads it once.
 */
import { sectionPath, type ContractDocument, type Section } from '@redliner/parser';
import { durationsIn } from '../numbers/durations-in.ts';
import { extractNumbersOfKind, type NumberHit, type NumberKind } from '../numbers/extract-numbers.ts';
import type { RuleScope } from '../load/rule-schema.ts';
import { findPartyMentions, type PartyMention } from '../actors/party-mentions.ts';
import { contractTerms, type ContractTerms } from '../analysis/contract-terms.ts';
import { splitClauses, splitSentences } from './sentences.ts';
import { within } from './spans.ts';
import type { Span } from '../types.ts';
import { utf8Text, type Utf8Text } from './utf8-text.ts';
import { findWordStarts } from './word-starts.ts';

/** Cached, rule-independent facts about one document. */
export interface DocumentFacts {
  document: ContractDocument;
  text: string;
  units(scope: RuleScope): Span[];
  /** The numbers of one kind, sorted by offset; each kind is read on first use only. */
  numbers(kind: NumberKind): NumberHit[];
  /** The numbers of one kind wholly inside `unit` (same as filtering `numbers(kind)`, often without reading the whole text). */
  numbersIn(kind: NumberKind, unit: Span): NumberHit[];
  /** Start offsets of every word, for `within: N words`. */
  wordStarts(): number[];
  /** The text as UTF-8 bytes for RE2 (null when it cannot map back exactly). */
  utf8(): Utf8Text | null;
  /** Titles of the sections around `offset`, outermost first, joined for title-word tests. */
  sectionTitles(offset: number): string;
  /** Every mention of a party (terms, pronouns, "either party", redacted names), in order. */
  mentions(): PartyMention[];
  /** The contract's own names for services, members, its rate schedule and product list. */
  terms(): ContractTerms;
}

// A table row reads as one paragraph: an exhibit row ("Termination without cause | 30 days |
// Plan only") carries its risk across cells, which rules reading one cell at a time never see.
function paragraphs(document: ContractDocument): Span[] {
  if (document.blocks.length > 0) {
    const spans: Span[] = [];
    let row: { table: number; row: number } | null = null;
    for (const b of document.blocks) {
      const sameRow = b.table && row && b.table.table === row.table && b.table.row === row.row;
      if (sameRow) spans[spans.length - 1]!.end = b.end;
      else spans.push({ start: b.start, end: b.end });
      row = b.table ? { table: b.table.table, row: b.table.row } : null;
    }
    return spans;
  }
  const spans: Span[] = [];
  for (const m of document.text.matchAll(/[^\n]+(?:\n(?!\n)[^\n]*)*/g)) {
    if (m[0].trim()) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

function flatten(sections: readonly Section[], out: number[] = []): number[] {
  for (const s of sections) {
    out.push(s.start);
    flatten(s.children, out);
  }
  return out;
}

function sectionUnits(document: ContractDocument): Span[] {
  const cuts = [...new Set([0, ...flatten(document.sections)])].sort((a, b) => a - b);
  const units: Span[] = [];
  cuts.forEach((start, i) => {
    const end = cuts[i + 1] ?? document.text.length;
    let e = end;
    while (e > start && /\s/.test(document.text[e - 1]!)) e--;
    if (e > start) units.push({ start, end: e });
  });
  return units;
}

const cache = new WeakMap<ContractDocument, DocumentFacts>();

/** The facts for `document`, computed on first use and then cached. */
export function documentFacts(document: ContractDocument): DocumentFacts {
  const cached = cache.get(document);
  if (cached) return cached;
  const units = new Map<RuleScope, Span[]>();
  const titles = new Map<number, string>();
  const numbers = new Map<NumberKind, NumberHit[]>();
  let words: number[] | undefined;
  let utf8: Utf8Text | null | undefined;
  let mentions: PartyMention[] | undefined;
  let terms: ContractTerms | undefined;
  const facts: DocumentFacts = {
    document,
    text: document.text,
    units(scope) {
      let list = units.get(scope);
      if (!list) {
        if (scope === 'paragraph') list = paragraphs(document);
        else if (scope === 'sentence') list = facts.units('paragraph').flatMap((p) => splitSentences(document.text, p.start, p.end));
        else if (scope === 'clause') list = facts.units('sentence').flatMap((s) => splitClauses(document.text, s));
        else if (scope === 'section') list = sectionUnits(document);
        else list = [{ start: 0, end: document.text.length }];
        units.set(scope, list);
      }
      return list;
    },
    numbers(kind) {
      let list = numbers.get(kind);
      if (!list) {
        list = extractNumbersOfKind(document.text, kind);
        numbers.set(kind, list);
      }
      return list;
    },
    numbersIn(kind, unit) {
      const list = numbers.get(kind);
      if (list) return within(list, unit);
      // Rules test numbers in a few units that their patterns already matched; reading
      // durations (the costliest kind) for the whole text would dominate the analysis.
      return kind === 'duration' ? durationsIn(document.text, unit) : within(facts.numbers(kind), unit);
    },
    wordStarts() {
      words ??= findWordStarts(document.text);
      return words;
    },
    utf8() {
      if (utf8 === undefined) utf8 = utf8Text(document.text);
      return utf8;
    },
    mentions() {
      mentions ??= findPartyMentions(document.text, document.parties);
      return mentions;
    },
    terms() {
      terms ??= contractTerms(document.text);
      return terms;
    },
    sectionTitles(offset) {
      let t = titles.get(offset);
      if (t === undefined) {
        t = sectionPath(document, offset).map((s) => s.title).join(' / ');
        titles.set(offset, t);
      }
      return t;
    },
  };
  cache.set(document, facts);
  return facts;
}
