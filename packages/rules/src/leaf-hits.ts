/**
 * Finds where every pattern of the ruleset occurs in a document. One RE2 set pass per
 * paragraph tells which patterns occur there at all; only those patterns then run to get
 * positions. Most patterns occur in few paragraphs, so the cost stays close to one pass.
 */
import type { Parties } from '@redliner/parser';
import type { PartyMatchers, Ruleset } from './compiled-types.ts';
import type { DocumentFacts } from './document-facts.ts';
import { partiesKey, resolvePatternPlaceholders } from './placeholders.ts';
import { allMatches, compilePatternSet, compileSafePattern, type PatternSet, type SafeRegex } from './safe-pattern.ts';
import type { Span } from './types.ts';

const PARTY_CACHE_LIMIT = 64;

/** Placeholder patterns compiled for one contract's party terms (cached on the ruleset). */
function partyMatchers(ruleset: Ruleset, parties: Parties): PartyMatchers {
  const key = partiesKey(parties);
  const cached = ruleset.partyCache.get(key);
  if (cached) return cached;
  const regexes: SafeRegex[] = [];
  const setLeaves: number[] = [];
  const sources: string[] = [];
  ruleset.leaves.forEach((leaf, i) => {
    if (!leaf.hasPlaceholder) return;
    const source = resolvePatternPlaceholders(leaf.source, parties);
    const compiled = compileSafePattern(source, 'gi');
    // Party terms are escaped literals, so a pattern valid at load stays valid; skip defensively if not.
    if (!compiled.ok) return;
    regexes[i] = compiled.regex;
    setLeaves.push(i);
    sources.push(source);
  });
  const matchers: PartyMatchers = { regexes, set: sources.length ? compilePatternSet(sources) : null, setLeaves };
  if (ruleset.partyCache.size >= PARTY_CACHE_LIMIT) ruleset.partyCache.delete(ruleset.partyCache.keys().next().value!);
  ruleset.partyCache.set(key, matchers);
  return matchers;
}

function scan(set: PatternSet | null, setLeaves: readonly number[], regexOf: (leaf: number) => SafeRegex | undefined, blockText: string, base: number, hits: Span[][]): void {
  if (!set) return;
  for (const index of set.match(blockText)) {
    const leaf = setLeaves[index]!;
    const regex = regexOf(leaf);
    if (regex) hits[leaf]!.push(...allMatches(regex, blockText, base));
  }
}

/** Sorted hit spans for every leaf of `ruleset` in the document. */
export function findLeafHits(ruleset: Ruleset, facts: DocumentFacts): Span[][] {
  const hits: Span[][] = ruleset.leaves.map(() => []);
  const party = ruleset.leaves.some((l) => l.hasPlaceholder) ? partyMatchers(ruleset, facts.document.parties) : null;
  for (const paragraph of facts.units('paragraph')) {
    const blockText = facts.text.slice(paragraph.start, paragraph.end);
    scan(ruleset.staticSet, ruleset.staticSetLeaves, (leaf) => ruleset.leaves[leaf]!.regex, blockText, paragraph.start, hits);
    if (party) scan(party.set, party.setLeaves, (leaf) => party.regexes[leaf], blockText, paragraph.start, hits);
  }
  return hits;
}
