/**
 * `within: N` words: is there one hit from each condition such that the hits lie within N
 * words of each other? A sliding window over the hits merged in text order finds the tightest
 * group in linear time.
 */
import { countBefore } from './spans.ts';
import type { Hit } from './match-rule.ts';
import type { RuleClock } from '../analysis/rule-budget.ts';

/** The closest group with one hit per list, if it spans at most `maxWords` words between hits. */
export function closeTogether(lists: readonly Hit[][], maxWords: number, wordStarts: readonly number[], clock?: RuleClock): Hit[] | null {
  const merged = lists.flatMap((list, owner) => list.map((hit) => ({ hit, owner }))).sort((a, b) => a.hit.start - b.hit.start);
  const counts = new Array<number>(lists.length).fill(0);
  let covered = 0;
  let left = 0;
  let best: { gap: number; from: number; to: number } | null = null;
  for (let right = 0; right < merged.length; right++) {
    // A document-scope `within` over common words can slide over millions of hits: stay on the rule's budget.
    if ((right & 1023) === 1023) clock?.check();
    if (counts[merged[right]!.owner]!++ === 0) covered++;
    while (covered === lists.length) {
      const first = merged[left]!.hit;
      const last = merged[right]!.hit;
      // Words that start after the first hit ends and before the last hit starts.
      const gap = Math.max(0, countBefore(wordStarts, last.start) - countBefore(wordStarts, first.end));
      if (!best || gap < best.gap) best = { gap, from: left, to: right };
      if (--counts[merged[left]!.owner]! === 0) covered--;
      left++;
    }
  }
  if (!best || best.gap > maxWords) return null;
  const chosen = new Map<number, Hit>();
  for (let i = best.from; i <= best.to; i++) if (!chosen.has(merged[i]!.owner)) chosen.set(merged[i]!.owner, merged[i]!.hit);
  return [...chosen.values()].sort((a, b) => a.start - b.start);
}
