/**
 * Turns a plain phrase ("without cause", "{payer}'s sole discretion") into a regex source that
 * is safe by construction: every character is literal except flexible whitespace, hyphens and
 * quote styles, and the phrase is bounded by whole words.
 */

const HYPHENS = '[-‐‑–—]';
const APOSTROPHES = "['’‘]";
const QUOTES = '["“”]';

function literal(ch: string): string {
  if (/[-‐‑–—]/.test(ch)) return HYPHENS;
  if (/['’‘]/.test(ch)) return APOSTROPHES;
  if (/["“”]/.test(ch)) return QUOTES;
  return ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** Regex source for `phrase`; `{payer}`/`{provider}` are kept for later resolution. */
export function phraseSource(phrase: string): string {
  const words = phrase.trim().split(/\s+/);
  const body = words
    .map((word) =>
      word
        .split(/(\{[a-z][a-z-]*\})/)
        .map((part, i) => (i % 2 === 1 ? part : [...part].map(literal).join('')))
        .join(''),
    )
    .join('\\s+');
  const trimmedPhrase = phrase.trim();
  const open = /^[\w{]/.test(trimmedPhrase) ? '\\b' : '';
  const close = /[\w}]$/.test(trimmedPhrase) ? '\\b' : '';
  return `${open}${body}${close}`;
}
