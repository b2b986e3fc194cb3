/**
 * Minimal word-level changes between a clause and its new wording, so counsel sees "sixty (60)
 * → one hundred eighty (180)" instead of a struck-out paragraph. Falls back (null) to a whole
 * replacement when most of the text changed, because a confetti of small changes is harder to
 * read than one replacement.
 */
import { diffWordsWithSpace } from 'diff';

/** Replace `[start, end)` of the old text with `text`. */
export interface Hunk {
  start: number;
  end: number;
  text: string;
}

/** Share of characters that must stay unchanged for a minimal diff to be worth it. */
export const MIN_UNCHANGED = 0.5;

const SHORT_GAP = /^[^\p{L}\p{N}]{1,3}$/u;

/** Hunks in left-to-right order, or null when a whole replacement reads better. */
export function wordHunks(oldText: string, newText: string): Hunk[] | null {
  if (oldText === newText) return [];
  const changes = diffWordsWithSpace(oldText, newText);
  let unchanged = 0;
  for (const c of changes) if (!c.added && !c.removed) unchanged += c.value.length;
  if (unchanged < MIN_UNCHANGED * Math.max(oldText.length, newText.length)) return null;

  const hunks: Hunk[] = [];
  let at = 0;
  let open: Hunk | null = null;
  let gap = '';
  for (const c of changes) {
    if (!c.added && !c.removed) {
      // A short gap of spaces or punctuation between two changes is folded into one change
      // ("thirty (30)" → "sixty (60)", not "thirty→sixty (30→60)").
      if (open && SHORT_GAP.test(c.value)) gap = c.value;
      else {
        if (open) hunks.push(open);
        open = null;
        gap = '';
      }
      at += c.value.length;
      continue;
    }
    if (!open) open = { start: at, end: at, text: '' };
    else if (gap) {
      open.end += gap.length;
      open.text += gap;
      gap = '';
    }
    if (c.removed) {
      open.end += c.value.length;
      at += c.value.length;
    } else open.text += c.value;
  }
  if (open) hunks.push(open);
  return pairedBrackets(oldText, hunks);
}

function depth(s: string): number {
  let d = 0;
  for (const c of s) d += c === '(' || c === '[' ? 1 : c === ')' || c === ']' ? -1 : 0;
  return d;
}

/**
 * Widen each hunk over unchanged characters until what it strikes and what it inserts each
 * hold whole bracket pairs: "[-thirty (30)-][+sixty (60)+]", never "thirty (30" struck with ")"
 * kept. Null (a whole replacement) when widening would run into the next hunk.
 */
function pairedBrackets(oldText: string, hunks: Hunk[]): Hunk[] | null {
  for (let k = 0; k < hunks.length; k++) {
    const h = hunks[k]!;
    const min = k > 0 ? hunks[k - 1]!.end : 0;
    const max = k + 1 < hunks.length ? hunks[k + 1]!.start : oldText.length;
    for (;;) {
      const removed = depth(oldText.slice(h.start, h.end));
      const added = depth(h.text);
      if (removed === 0 && added === 0) break;
      if ((removed > 0 || added > 0) && h.end < max) {
        h.text += oldText[h.end];
        h.end++;
      } else if ((removed < 0 || added < 0) && h.start > min) {
        h.start--;
        h.text = oldText[h.start] + h.text;
      } else return null;
    }
  }
  return hunks;
}
