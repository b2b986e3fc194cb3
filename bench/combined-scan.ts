/**
 * The reference the rules benchmark compares against: every pattern of a ruleset joined into
 * one alternation and run once over the document text with RE2, the regex library the engine
 * must use (linear time). It is about the least work any engine could do to know where the
 * ruleset's patterns occur, so "analyze is N× this" measures the engine's own overhead.
 */
import type { Parties } from '@redliner/parser';
import type { Ruleset } from '@redliner/rules';
import { resolvePatternPlaceholders } from '../packages/rules/src/placeholders.ts';
import { compileSafePattern, type SafeRegex } from '../packages/rules/src/safe-pattern.ts';

/** A match of the combined pattern. */
export interface ScanMatch {
  start: number;
  end: number;
}

/**
 * One regex source for the whole ruleset: each distinct pattern (phrases already turned into
 * patterns by the loader) as a non-capturing branch, `{payer}`/`{provider}` filled with this
 * contract's terms exactly as the engine fills them.
 */
export function combinedSource(ruleset: Ruleset, parties: Parties): string {
  return ruleset.leaves
    .map((leaf) => (leaf.hasPlaceholder ? resolvePatternPlaceholders(leaf.source, parties) : leaf.source))
    .map((source) => `(?:${source})`)
    .join('|');
}

/**
 * The combined pattern compiled with the engine's flags (global, case-insensitive), or null
 * when RE2 cannot hold it in one automaton (a vocabulary-heavy ruleset outgrows its memory
 * limit); the V8 pass is then the only reference.
 */
export function compileCombined(ruleset: Ruleset, parties: Parties): SafeRegex | null {
  const compiled = compileSafePattern(combinedSource(ruleset, parties), 'gi');
  return compiled.ok ? compiled.regex : null;
}

/** Every match of `regex` (from `compileCombined`) in `text`, in one left-to-right pass. */
export function combinedScan(regex: SafeRegex, text: string): ScanMatch[] {
  const out: ScanMatch[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    // The loader refuses patterns that match empty text, but never loop forever.
    if (m[0].length === 0) regex.lastIndex++;
    else out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * The same combined pattern on V8's backtracking RegExp, for information only: the engine may
 * not use it (no linear-time guarantee), so it is not the target's reference. Null when the
 * source uses RE2-only syntax.
 */
export function compileCombinedV8(ruleset: Ruleset, parties: Parties): RegExp | null {
  try {
    return new RegExp(combinedSource(ruleset, parties), 'gi');
  } catch {
    return null;
  }
}

/** Every match of a V8 `regex` (from `compileCombinedV8`) in `text`. */
export function combinedScanV8(regex: RegExp, text: string): ScanMatch[] {
  const out: ScanMatch[] = [];
  for (const m of text.matchAll(regex)) if (m[0].length > 0) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}
