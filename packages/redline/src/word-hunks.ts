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
  return hunks;
}
