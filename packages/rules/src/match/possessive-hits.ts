/**
 * `{payer}'s policies` holds for "Plan's policies" and also for "its policies", "our fee
 * schedule" or "their manual" where the pronoun stands for the payer: contracts name a party
 * once and then refer back to it. The pattern matches any possessive pronoun in a named group
 * (placeholders.ts); a match is kept only when each such pronoun is a mention of the right side
 * (actors/party-mentions.ts, actors/pronoun-mentions.ts: "Provider shall follow its own
 * policies" is the provider's, and a pronoun with both sides just named is nobody's).
 */
import type { PartyMention } from '../actors/party-mentions.ts';
import { POSSESSIVE_GROUP } from '../compile/placeholders.ts';
import { lowerBound } from './spans.ts';
import type { Span } from '../types.ts';

/** A match as RE2 gives it with the `d` flag: where it starts, its text and each named group's offsets. */
export interface IndexedMatch {
  index: number;
  0: { length: number };
  indices?: { groups?: Record<string, [number, number] | undefined> };
}

/** Whether a mention of `side` starts at `start` and ends at `end`. */
function mentionedAs(mentions: readonly PartyMention[], side: string, start: number, end: number): boolean {
  const m = mentions[lowerBound(mentions, start)];
  return m !== undefined && m.start === start && m.end === end && m.role === side;
}

/**
 * The first possessive pronoun of `match` that does not stand for its side, as an offset in the
 * input (where matching should resume, past it), or null when every pronoun does. `toText`
 * maps an input offset to a text offset.
 */
export function wrongPossessive(match: IndexedMatch, mentions: readonly PartyMention[], toText: (offset: number) => number): number | null {
  const groups = match.indices?.groups;
  if (!groups) return null;
  for (const [name, range] of Object.entries(groups)) {
    if (!range) continue;
    const side = POSSESSIVE_GROUP.exec(name)?.[1];
    if (side && !mentionedAs(mentions, side, toText(range[0]), toText(range[1]))) return range[0];
  }
  return null;
}

/**
 * Every match of `regex` (global, with indices) in `input`, as text spans, leaving out matches
 * whose pronoun stands for another party. A match left out resumes one character past its
 * pronoun, so a later "Plan's policies" it overlapped is still found.
 */
export function possessiveMatches(
  regex: { lastIndex: number; exec(input: never): IndexedMatch | null },
  input: string | Uint8Array,
  mentions: readonly PartyMention[],
  toText: (offset: number) => number,
): Span[] {
  const out: Span[] = [];
  const exec = regex.exec.bind(regex) as (input: string | Uint8Array) => IndexedMatch | null;
  regex.lastIndex = 0;
  for (let m = exec(input); m; m = exec(input)) {
    const length = m[0].length;
    if (length === 0) {
      regex.lastIndex++;
      continue;
    }
    const wrong = wrongPossessive(m, mentions, toText);
    if (wrong !== null) {
      // The pronoun is ASCII, so one past its first letter is a character boundary in bytes too.
      regex.lastIndex = wrong + 1;
      continue;
    }
    out.push({ start: toText(m.index), end: toText(m.index + length) });
  }
  return out;
}
