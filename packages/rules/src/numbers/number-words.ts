/**
 * English number words as contracts write them ("ninety", "one hundred eighty",
 * "forty-five", "one hundred and twenty"), read into numbers.
 */

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000 };

const WORDS = [...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(SCALES)]
  // Longest first so "seventeen" wins over "seven" inside the alternation.
  .sort((a, b) => b.length - a.length);

/** One number word (regex source, no groups). */
const NUMBER_WORD = `(?:${WORDS.join('|')})`;

/**
 * Regex source for a run of number words: "one hundred eighty", "forty-five",
 * "one hundred and twenty". Each repetition consumes a whole word, so it cannot backtrack badly.
 */
export const NUMBER_WORDS_SOURCE = `\\b${NUMBER_WORD}(?:(?:[\\s-]+|\\s+and\\s+)${NUMBER_WORD})*\\b`;

/** The value of a run of number words, or null when it is not a well-formed number. */
export function parseNumberWords(text: string): number | null {
  const words = text.toLowerCase().split(/[\s-]+/).filter((w) => w && w !== 'and');
  if (words.length === 0) return null;
  let total = 0;
  let current = 0;
  for (const word of words) {
    const unit = UNITS[word] ?? TENS[word];
    if (unit !== undefined) {
      current += unit;
    } else if (word === 'hundred') {
      current = (current || 1) * 100;
    } else if (word === 'thousand') {
      total += (current || 1) * 1000;
      current = 0;
    } else {
      return null;
    }
  }
  return total + current;
}
