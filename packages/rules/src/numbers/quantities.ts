/**
 * Percentages, money and calendar years: the other numbers payer rules compare
 * ("110% of the 2025 Medicare Physician Fee Schedule", "$5,000", "one hundred percent (100%)").
 */
import { NUMBER_WORDS_SOURCE, parseNumberWords } from './number-words.ts';

/** A number of one kind found in the text. */
export interface QuantityHit {
  start: number;
  end: number;
  value: number;
}

const PERCENT = new RegExp(
  `(?:(?<words>${NUMBER_WORDS_SOURCE})\\s+percent\\s*\\(\\s*(?<wdigits>\\d+(?:\\.\\d+)?)\\s*%\\s*\\)|(?<digits>\\d+(?:\\.\\d+)?)\\s*(?:%|\\bper\\s?cent\\b)|(?<only>${NUMBER_WORDS_SOURCE})\\s+per\\s?cent\\b)`,
  'gi',
);
const MONEY = /\$\s?(?<amount>\d{1,3}(?:,\d{3})+|\d+)(?<cents>\.\d{1,2})?(?:\s+(?<scale>thousand|million|billion)\b)?|\b(?<plain>\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?\s+(?:dollars|USD)\b/gi;
// Years from 1980 to 2099, not part of a longer number, a money amount or a decimal.
const YEAR = /(?<![\d$.,])\b(?:19[89]\d|20\d\d)\b(?![\d]|\.\d|,\d{3})/g;

const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };

function collect(text: string, base: number, re: RegExp, value: (groups: Record<string, string | undefined>, whole: string) => number | null): QuantityHit[] {
  const hits: QuantityHit[] = [];
  for (const match of text.matchAll(re)) {
    const v = value(match.groups ?? {}, match[0]);
    if (v === null || Number.isNaN(v)) continue;
    const start = base + match.index;
    hits.push({ start, end: start + match[0].length, value: v });
  }
  return hits;
}

/** Every percentage in `text`. */
export function extractPercents(text: string, base = 0): QuantityHit[] {
  return collect(text, base, PERCENT, (g) => {
    if (g.wdigits) return Number(g.wdigits);
    if (g.digits) return Number(g.digits);
    return g.only ? parseNumberWords(g.only) : null;
  });
}

/** Every amount of money in `text`, in dollars. */
export function extractMoney(text: string, base = 0): QuantityHit[] {
  return collect(text, base, MONEY, (g) => {
    const digits = (g.amount ?? g.plain ?? '').replace(/,/g, '');
    if (!digits) return null;
    const scale = SCALE[g.scale?.toLowerCase() ?? ''] ?? 1;
    return (Number(digits) + Number(g.cents ?? 0)) * scale;
  });
}

/** Every calendar year (1980–2099) in `text`. */
export function extractYears(text: string, base = 0): QuantityHit[] {
  return collect(text, base, YEAR, (_g, whole) => Number(whole));
}
