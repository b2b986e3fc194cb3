/**
 * Numbers written in words at the end of a text ("a term of one", "within forty-five",
 * "the three hundred sixty-five"). Contracts write durations as "thirty (30) days"; when a PDF
 * line breaks between the words and the numeral, the numeral "(30)" opens the next line and
 * looks like a list label. Knowing the value the words spell lets the parser tell the two apart.
 */

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000 };

// Tokens after the last word that is not part of a written number; "and" may join ("one hundred and twenty").
const TRAILING_WORDS = /(?:[A-Za-z]+[\s-]+){0,7}[A-Za-z]+$/;

/** Value of a run of number words ("three hundred sixty five"), or null when a word is not one. */
function valueOf(words: readonly string[]): number | null {
  let total = 0;
  let current = 0;
  let any = false;
  for (const word of words) {
    if (word === 'and' && any) continue;
    const unit = UNITS[word];
    const scale = SCALES[word];
    if (unit !== undefined) current += unit;
    else if (scale === 100) current = (current || 1) * 100;
    else if (scale === 1000) {
      total += (current || 1) * 1000;
      current = 0;
    } else return null;
    any = true;
  }
  return any ? total + current : null;
}

/**
 * The values that the number words ending `text` can spell, shortest run first: "for a term of
 * one" → [1]; "the three hundred sixty-five" → [5, 65, 365] (the last word alone, then each
 * longer run that starts with a digit word). Empty when the text does not end with a number word.
 */
export function trailingNumberValues(text: string): number[] {
  const tail = TRAILING_WORDS.exec(text)?.[0];
  if (!tail) return [];
  const words = tail.toLowerCase().split(/[\s-]+/);
  const values: number[] = [];
  for (let from = words.length - 1; from >= 0; from--) {
    const run = words.slice(from);
    // A run starts with a digit word: "hundred sixty-five" alone is not how a number is written.
    if (run[0] === 'and' || SCALES[run[0]!] !== undefined) continue;
    const value = valueOf(run);
    if (value === null) break;
    values.push(value);
  }
  return values;
}
