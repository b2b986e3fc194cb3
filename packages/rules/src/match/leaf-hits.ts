/**
 * Finds where every pattern of the ruleset occurs in a document. One RE2 set pass per
 * paragraph tells which patterns occur there at all; only those patterns then run to get
 * positions. Most patterns occur in few paragraphs, so the cost stays close to one pass.
 * The passes read views into the document's UTF-8 bytes (utf8-text.ts): handed a string
 * slice instead, RE2 copies and converts the paragraph on every call, which dominated.
 */
import type { Parties } from '@redliner/parser';
import type { Leaf, PartyMatchers, Ruleset } from '../compiled-types.ts';
import type { DocumentFacts } from './document-facts.ts';
import type { RuleClock } from '../analysis/rule-budget.ts';
import type { PartyMention } from '../actors/party-mentions.ts';
import { gapsWiden, hasPossessivePlaceholder, multiWordPartyTerms, partiesKey, resolvePatternPlaceholders, termsAlternation, widenGaps } from '../compile/placeholders.ts';
import { possessiveMatches } from './possessive-hits.ts';
import { allMatches, compileSafePattern, execBytes, LEAF_FLAGS, type SafeRegex } from '../compile/safe-pattern.ts';
import { retirePatterns } from './native-memory.ts';
import { appendAll } from './spans.ts';
import type { Span } from '../types.ts';
import type { Utf8Text } from './utf8-text.ts';

// A contract's party terms are compiled into the placeholder patterns. Each compiled pattern
// holds native RE2 memory the JS heap does not see, and a contract needs only the few patterns
// its paragraphs may match (the prefilter says which): so patterns compile on first use. The
// cache is bounded by what its sets compiled, not only by their count: one long contract's set
// is 600-1,200 patterns (0.3-0.9 GB natively), a rule example's a handful, and `rules test`
// alternates between a few example parties. An evicted set is freed only by a full collection
// (native-memory.ts).
const PARTY_CACHE_SETS = 8;
const PARTY_CACHE_PATTERNS = 2_000;

/** A plain leaf's regex, compiled on its first use when loading skipped it (checked-patterns.ts). */
function sharedRegex(leaf: Leaf): SafeRegex | undefined {
  if (leaf.hasPlaceholder || leaf.regex) return leaf.regex;
  const compiled = compileSafePattern(leaf.source, LEAF_FLAGS);
  if (compiled.ok) leaf.regex = compiled.regex;
  return leaf.regex;
}

/** Make room for one more party set: drop the oldest while the cache is full by count or by patterns. */
export function evictParties(cache: Map<string, PartyMatchers>): void {
  let patterns = 0;
  for (const set of cache.values()) patterns += set.ownPatterns();
  while (cache.size > 0 && (cache.size >= PARTY_CACHE_SETS || patterns > PARTY_CACHE_PATTERNS)) {
    const [oldest, evicted] = cache.entries().next().value!;
    cache.delete(oldest);
    patterns -= evicted.ownPatterns();
    retirePatterns(evicted.ownPatterns());
  }
}

/** Placeholder patterns compiled for one contract's party terms (cached on the ruleset). */
function partyMatchers(ruleset: Ruleset, parties: Parties): PartyMatchers {
  const key = partiesKey(parties);
  const cached = ruleset.partyCache.get(key);
  if (cached) return cached;
  const compiled = new Map<number, SafeRegex | undefined>();
  let own = 0;
  // Read once per contract: every leaf asks whether its gaps must take these names as one word.
  const longNames = multiWordPartyTerms(parties);
  // JS \s also reads no-break spaces, which RE2's does not: it may see a name RE2 would miss,
  // never the reverse, so a paragraph it clears matches the same with either pattern.
  const longNameTest = longNames.length ? new RegExp(termsAlternation(longNames), 'i') : null;
  const regexOf = (leaf: number, nameInParagraph: boolean): SafeRegex | undefined => {
    const entry = ruleset.leaves[leaf]!;
    const { source, hasPlaceholder } = entry;
    // A gap widened for a long name matches exactly as the plain gap where the name is absent,
    // so a paragraph without one keeps the shared pattern: a contract whose parties have long
    // names then compiles widened copies only of the leaves its naming paragraphs need.
    if (!hasPlaceholder && !nameInParagraph) return sharedRegex(entry);
    if (compiled.has(leaf)) return compiled.get(leaf);
    const shared = sharedRegex(entry);
    // A leaf without placeholders keeps its shared regex unless a party name of several words
    // must count as one word in its gaps.
    if (shared && !gapsWiden(source, longNames)) {
      compiled.set(leaf, shared);
      return shared;
    }
    // A possessive placeholder's pronoun is checked after matching, from its group's offsets.
    const flags = hasPossessivePlaceholder(source) ? `${LEAF_FLAGS}d` : LEAF_FLAGS;
    const resolved = resolvePatternPlaceholders(source, parties);
    const widened = compileSafePattern(widenGaps(resolved, longNames), flags);
    // A widened pattern over the size budget falls back to the plain gaps.
    const result = widened.ok ? widened : compileSafePattern(resolved, flags);
    // Party terms are escaped literals, so a pattern valid at load stays valid; skip defensively if not.
    const regex = result.ok ? result.regex : undefined;
    if (regex) own++;
    compiled.set(leaf, regex);
    return regex;
  };
  const namedIn = (paragraph: string): boolean => longNameTest !== null && longNameTest.test(paragraph);
  const matchers: PartyMatchers = { regexOf, namedIn, ownPatterns: () => own };
  evictParties(ruleset.partyCache);
  ruleset.partyCache.set(key, matchers);
  return matchers;
}

/** One paragraph as RE2 reads it: a view into the document's bytes when there is one. */
interface Subject {
  span: Span;
  bytes: Buffer | null;
  byteStart: number;
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

function subjectOf(text: string, utf8: Utf8Text | null, span: Span): Subject {
  // A paragraph edge inside a surrogate pair has no byte offset; such a paragraph is read as a string.
  if (!utf8 || isLowSurrogate(text.charCodeAt(span.start)) || isLowSurrogate(text.charCodeAt(span.end))) {
    return { span, bytes: null, byteStart: 0 };
  }
  const byteStart = utf8.byteIndex(span.start);
  return { span, bytes: utf8.bytes.subarray(byteStart, utf8.byteIndex(span.end)), byteStart };
}

/** Every match of `regex` in the paragraph, as absolute string spans (what `allMatches` gives on the slice). */
function matchesIn(regex: SafeRegex, subject: Subject, text: string, utf8: Utf8Text | null, mentions: () => PartyMention[]): Span[] {
  const { span, bytes } = subject;
  if (regex.hasIndices) {
    // A possessive pronoun must stand for its party (possessive-hits.ts).
    if (bytes && utf8) return possessiveMatches(regex as never, bytes, mentions(), (b) => utf8.charIndex(subject.byteStart + b));
    return possessiveMatches(regex as never, text.slice(span.start, span.end), mentions(), (i) => span.start + i);
  }
  const onSlice = () => allMatches(regex, text.slice(span.start, span.end), span.start);
  if (!bytes || !utf8) return onSlice();
  const out: Span[] = [];
  regex.lastIndex = 0;
  for (let m = execBytes(regex, bytes); m; m = execBytes(regex, bytes)) {
    const length = m[0].length;
    // Stepping over an empty match byte by byte could land inside a character; the string path steps by unit.
    if (length === 0) return onSlice();
    const from = subject.byteStart + m.index;
    out.push({ start: utf8.charIndex(from), end: utf8.charIndex(from + length) });
  }
  return out;
}

/** Sorted hit spans for every leaf of `ruleset` in the document. */
export function findLeafHits(ruleset: Ruleset, facts: DocumentFacts, clock?: RuleClock): Span[][] {
  const hits: Span[][] = ruleset.leaves.map(() => []);
  const prefilter = ruleset.prefilter;
  if (!prefilter) return hits;
  const party = partyMatchers(ruleset, facts.document.parties);
  const utf8 = facts.utf8();
  const mentions = () => facts.mentions();
  for (const paragraph of facts.units('paragraph')) {
    const subject = subjectOf(facts.text, utf8, paragraph);
    let named: boolean | undefined;
    for (const leaf of prefilter.match(subject.bytes ?? facts.text.slice(paragraph.start, paragraph.end))) {
      named ??= party.namedIn(facts.text.slice(paragraph.start, paragraph.end));
      const regex = party.regexOf(leaf, named);
      if (!regex) continue;
      const found = clock ? clock.timeLeaf(leaf, () => matchesIn(regex, subject, facts.text, utf8, mentions)) : matchesIn(regex, subject, facts.text, utf8, mentions);
      appendAll(hits[leaf]!, found);
    }
  }
  return hits;
}
