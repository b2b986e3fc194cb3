/**
 * End-of-line hyphens: "reim-" + "bursement" is one word broken by the typesetter, while
 * "non-" + "participating" and "CMS-" + "1500" keep their hyphen. The document's own
 * vocabulary decides, as it does for a human reader.
 */

/** Words and hyphenated compounds seen anywhere in the document (lowercase). */
export interface Vocabulary {
  words: Set<string>;
  compounds: Set<string>;
  /** True when the document shows signs of automatic hyphenation (joined forms confirmed elsewhere). */
  autoHyphenated: boolean;
}

const TOKEN = /[\p{L}][\p{L}'’]*(?:-[\p{L}][\p{L}'’]*)*/gu;
// Prefixes and number words that form real compounds; a break after them keeps the hyphen.
const COMPOUND_PREFIX = new Set(
  'non co pre re self multi anti semi sub cross post inter intra over under well long short full part third first second high low out ex de mid quasi pseudo one two three four five six seven eight nine ten twenty thirty forty fifty sixty seventy eighty ninety hundred thousand year month day state health on off in follow set'.split(
    ' ',
  ),
);

/**
 * Split a line ending in a hyphen into the word before it, or null when the line does not end in
 * a broken word. A number counts: a code broken at its hyphen ("WAC 284-170-" / "440") is glued
 * back with its hyphen.
 */
export function trailingHyphenWord(text: string): string | null {
  // Most lines do not end in a hyphen; the regex alone tries every start position of the line.
  const last = text.at(-1);
  if (last !== '-' && last !== '\u00ad') return null;
  const m = /(\p{L}[\p{L}'’]*|(?<![\p{L}0-9])[0-9]+)[-\u00ad]$/u.exec(text);
  return m ? m[1]! : null;
}

/** The first word of a line, or null. */
export function leadingWord(text: string): string | null {
  const m = /^([\p{L}0-9][\p{L}0-9'’]*)/u.exec(text);
  return m ? m[1]! : null;
}

/** Build the vocabulary from every line of the document; `pairs` are the line-end hyphen breaks. */
export function buildVocabulary(lines: Iterable<string>, pairs: ReadonlyArray<[string, string]>): Vocabulary {
  const words = new Set<string>();
  const compounds = new Set<string>();
  for (const text of lines) {
    for (const m of text.matchAll(TOKEN)) {
      const token = m[0].toLowerCase();
      // A token touching the line end with a hyphen is half a word; it must not vouch for itself.
      if (m.index + m[0].length === text.length - 1 && /[-\u00ad]$/.test(text)) continue;
      if (token.includes('-')) {
        compounds.add(token);
        for (const part of token.split('-')) words.add(part);
      } else words.add(token);
    }
  }
  let joined = 0;
  for (const [a, b] of pairs) if (words.has((a + b).toLowerCase()) && !compounds.has(`${a}-${b}`.toLowerCase())) joined++;
  return { words, compounds, autoHyphenated: joined >= 2 && joined >= pairs.length * 0.3 };
}

/** Decide whether "before-" at a line end and "after" at the next line's start form one word (drop the hyphen). */
export function shouldJoin(before: string, after: string, vocab: Vocabulary, softHyphen = false): boolean {
  if (softHyphen) return true;
  const joined = (before + after).toLowerCase();
  const compound = `${before}-${after}`.toLowerCase();
  if (vocab.compounds.has(compound)) return false;
  if (vocab.words.has(joined)) return true;
  if (/[0-9]/.test(after) || /^\p{Lu}/u.test(after) || /^\p{Lu}{1,5}$/u.test(before)) return false;
  if (COMPOUND_PREFIX.has(before.toLowerCase())) return false;
  return vocab.autoHyphenated;
}
