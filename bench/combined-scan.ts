/**
 * The reference the rules benchmark compares against: every pattern of a ruleset joined into
 * one alternation and run once over the document text with RE2, the regex library the engine
 * must use (linear time). It is about the least work any engine could do to know where the
 * ruleset's patterns occur, so "analyze is N× this" measures the engine's own overhead. A
 * vocabulary-sized ruleset (megabytes of pattern source) is more than one RE2 automaton may
 * hold, so its alternation is split into the fewest automata RE2 builds, each run once.
 */
import type { Parties } from '@redliner/parser';
import { compileSafePattern, resolvePatternPlaceholders, type Ruleset, type SafeRegex } from '@redliner/rules';

/** A match of the combined pattern. */
export interface ScanMatch {
  start: number;
  end: number;
}

/** Each distinct pattern of the ruleset, `{payer}`/`{provider}` filled with this contract's terms as the engine fills them. */
function leafSources(ruleset: Ruleset, parties: Parties): string[] {
  return ruleset.leaves.map((leaf) => (leaf.hasPlaceholder ? resolvePatternPlaceholders(leaf.source, parties) : leaf.source));
}

/** One regex source for `sources`: each pattern a non-capturing branch of one alternation. */
export function combinedSource(sources: readonly string[]): string {
  return sources.map((source) => `(?:${source})`).join('|');
}

/** Source characters per combined automaton to start from; a group RE2 refuses is halved. */
const GROUP_CHARS = 200_000;

/**
 * The ruleset's patterns combined into as few RE2 automata as RE2 will build (RE2 caps each
 * automaton's memory): a ruleset whose vocabulary makes its patterns megabytes long does not
 * fit in one, so the reference is one pass of each group, the fewest passes RE2 can do. With
 * one group this is exactly "one combined pass".
 */
export function compileCombined(ruleset: Ruleset, parties: Parties): SafeRegex[] {
  const groups: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const source of leafSources(ruleset, parties)) {
    if (size + source.length > GROUP_CHARS && current.length > 0) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(source);
    size += source.length;
  }
  if (current.length > 0) groups.push(current);
  const out: SafeRegex[] = [];
  const compileGroup = (group: string[]): void => {
    const compiled = compileSafePattern(combinedSource(group), 'gi');
    if (compiled.ok) out.push(compiled.regex);
    else if (group.length > 1) {
      compileGroup(group.slice(0, group.length >> 1));
      compileGroup(group.slice(group.length >> 1));
    } else throw new Error(`a ruleset pattern does not compile on its own: ${compiled.message}`);
  };
  groups.forEach(compileGroup);
  return out;
}

/** Every match of each combined automaton (from `compileCombined`) in `text`, one left-to-right pass each. */
export function combinedScan(regexes: readonly SafeRegex[], text: string): ScanMatch[] {
  const out: ScanMatch[] = [];
  for (const regex of regexes) scanOne(regex, text, out);
  return out;
}

function scanOne(regex: SafeRegex, text: string, out: ScanMatch[]): void {
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    // The loader refuses patterns that match empty text, but never loop forever.
    if (m[0].length === 0) regex.lastIndex++;
    else out.push({ start: m.index, end: m.index + m[0].length });
  }
}
