/**
 * Short quotes for pointing a reader at a clause: an excerpt around the words that matter, and
 * the matched words themselves, trimmed to what fits in a line of a checklist.
 */
import type { Span } from '../types.ts';

const EXCERPT_LIMIT = 140;
const WORDS_LIMIT = 60;

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Up to ~140 characters of `span`, starting at the sentence around `focus` when the clause is longer. */
export function excerpt(text: string, span: Span, focus?: number, sentences: readonly Span[] = []): string {
  const whole = squash(text.slice(span.start, span.end));
  if (whole.length <= EXCERPT_LIMIT) return whole;
  let from = span.start;
  if (focus !== undefined) {
    const sentence = sentences.find((s) => s.start <= focus && focus < s.end && s.start >= span.start);
    // A very long sentence is entered a little before the focus, so the related words show.
    from = sentence && focus - sentence.start < EXCERPT_LIMIT / 2 ? sentence.start : Math.max(span.start, focus - 40);
    while (from > span.start && /\S/.test(text[from - 1]!) && from > focus - 60) from--;
  }
  const body = squash(text.slice(from, span.end));
  const cut = body.length > EXCERPT_LIMIT ? `${body.slice(0, EXCERPT_LIMIT - 1).replace(/\s+\S*$/, '')}…` : body;
  return from > span.start ? `…${cut}` : cut;
}

/** The distinct words of `hits` (case-insensitively), each at most ~60 characters, at most `max` of them. */
export function hitWords(text: string, hits: readonly Span[], max = 3): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const hit of [...hits].sort((a, b) => a.start - b.start)) {
    let words = squash(text.slice(hit.start, hit.end));
    if (!words) continue;
    if (words.length > WORDS_LIMIT) words = `${words.slice(0, WORDS_LIMIT - 1).replace(/\s+\S*$/, '')}…`;
    const key = words.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(words);
    if (out.length >= max) break;
  }
  return out;
}

/** “a”, “b” — words in curly quotes, comma-separated. */
export function quoted(words: readonly string[]): string {
  return words.map((w) => `“${w}”`).join(', ');
}
