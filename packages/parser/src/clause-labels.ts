/**
 * Clause labels as a reader sees them at the start of a paragraph: "4.2", "5.3(b)(ii)", "(b)",
 * "ARTICLE IV", "Section 7.3", "§ 4.2", "Exhibit A". Used for PDFs (where the label is plain
 * text) and for DOCX paragraphs whose number is typed rather than generated.
 */
import { trailingNumberValues } from './number-words.ts';

/** A label found at the start of a block's text. */
export interface DetectedLabel {
  /** The label as written, without a trailing "." or ":" ("4.2", "(b)", "ARTICLE IV"). */
  label: string;
  /** Length of the label in the text, including any trailing "." or ":". */
  length: number;
  /** How deep the label usually sits: Article = 1, "4" = 1, "4.2" = 2, "(a)" = 3, "(i)" = 4. */
  depth: number;
}

const ROMAN = '(?:M{0,3})(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})';
const ROMAN_RE = new RegExp(`^${ROMAN}$`, 'i');
const PAREN_ITEM = '\\((?:[0-9]{1,3}|[a-z]{1,2}|[A-Z]{1,2}|[ivxlc]{1,6}|[IVXLC]{1,6})\\)';

// Ordered: the first that matches wins. Each has a named group `label` and an optional trailing punctuation.
const PATTERNS: Array<{ re: RegExp; depth: (label: string) => number; needsCapitalAfter?: boolean; keepPunct?: boolean }> = [
  // ARTICLE IV / Article 4 / ARTICLE ONE
  { re: /^(?<label>(?:ARTICLE|Article)\s+(?:[0-9]{1,3}|[IVXLC]{1,7}|ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN|ELEVEN|TWELVE|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten))(?<punct>[.:]|\s*[-–—])?(?=\s|$)/u, depth: () => 1 },
  // Section 7.3 / SECTION 7 / § 4.2 / Sec. 4.2
  { re: new RegExp(`^(?<label>(?:SECTION|Section|Sec\\.|§{1,2})\\s*[0-9]{1,3}(?:\\.[0-9]{1,3})*(?:${PAREN_ITEM})*)(?<punct>[.:])?(?=\\s|$)`, 'u'), depth: (l) => numericDepth(l) },
  // Exhibit A / Attachment B / Schedule 1 / Appendix C / Addendum 2
  { re: /^(?<label>(?:EXHIBIT|Exhibit|ATTACHMENT|Attachment|SCHEDULE|Schedule|APPENDIX|Appendix|ADDENDUM|Addendum)\s+(?:[A-Z]{1,2}|[0-9]{1,2})(?:-[0-9]{1,2})?)(?<punct>[.:]|\s*[-–—])?(?=\s|$)/u, depth: () => 1 },
  // 4.2 / 4.2.1 / 5.3(b)(ii) / 4.2. — multi-part numbers
  { re: new RegExp(`^(?<label>[0-9]{1,3}(?:\\.[0-9]{1,3})+(?:${PAREN_ITEM})*)(?<punct>\\.)?(?=\\s|$)`, 'u'), depth: (l) => numericDepth(l), needsCapitalAfter: true },
  // A.1 / B.2.3 — attachment and exhibit numbering
  { re: new RegExp(`^(?<label>[A-Z]\\.[0-9]{1,3}(?:\\.[0-9]{1,3})*(?:${PAREN_ITEM})*)(?<punct>\\.)?(?=\\s|$)`, 'u'), depth: (l) => numericDepth(l) + 1, needsCapitalAfter: true },
  // 4. / 12) — a bare number needs its punctuation to be a label
  { re: /^(?<label>[0-9]{1,3})(?<punct>[.)])(?=\s|$)/u, depth: () => 1, needsCapitalAfter: true, keepPunct: true },
  // (a) / (iv) / (12) / (A), possibly chained "(a)(i)"
  { re: new RegExp(`^(?<label>(?:${PAREN_ITEM})+)(?<punct>[.:])?(?=\\s|$)`, 'u'), depth: (l) => parenDepth(l) },
  // a) / iv) style
  { re: /^(?<label>(?:[a-z]{1,2}|[ivx]{1,5}))(?<punct>\))(?=\s)/u, depth: (l) => parenDepth(`(${l})`), keepPunct: true },
  // A. / B. — a single capital letter needs a capitalised word after it
  { re: /^(?<label>[A-Z])(?<punct>\.)(?=\s)/u, depth: () => 2, needsCapitalAfter: true, keepPunct: true },
];

function numericDepth(label: string): number {
  const numeric = label.match(/[0-9]+(?:\.[0-9]+)*/)?.[0] ?? '';
  const parens = label.match(/\(/g)?.length ?? 0;
  return numeric.split('.').filter(Boolean).length + parens;
}

function parenDepth(label: string): number {
  const last = label.match(/\(([^)]+)\)$/)?.[1] ?? '';
  if (/^[0-9]+$/.test(last)) return 5;
  if (/^[ivxlc]+$/.test(last) && ROMAN_RE.test(last) && last !== 'c') return 4;
  if (/^[IVXLC]+$/.test(last) && ROMAN_RE.test(last) && last.length > 1) return 5;
  if (/^[A-Z]+$/.test(last)) return 5;
  return 3;
}

const CAPITAL_AFTER = /^\s+(?:["“‘'([]|\p{Lu}|$)/u;

/** Detect the clause label at the start of `text`, or null when the block has none. */
export function detectLabel(text: string): DetectedLabel | null {
  for (const pattern of PATTERNS) {
    const match = pattern.re.exec(text);
    const label = match?.groups?.label;
    if (!match || !label) continue;
    const length = match[0].length;
    if (pattern.needsCapitalAfter && length < text.length && !CAPITAL_AFTER.test(text.slice(length))) continue;
    const shown = pattern.keepPunct ? label + (match.groups?.punct ?? '') : label;
    return { label: shown.replace(/\s+/g, ' '), length, depth: pattern.depth(label) };
  }
  return null;
}

/** True when a line starts with something that looks like a clause label (used to split PDF paragraphs). */
export function startsWithLabel(text: string): boolean {
  return detectLabel(text) !== null;
}

// A sentence is over, or a colon announces what follows (a list).
const SENTENCE_END = /[.!?:]["'”’)\]]*$/;
// A sentence or clause is over: terminal punctuation (then closing quotes/brackets), or a list
// joiner after a semicolon ("…; and", "…; or"), which announces the next item of a list.
const CLAUSE_END = /(?:[.!?:;]["'”’)\]]*|;\s*(?:and|or|and\/or))$/;
// Still inside a sentence: the line ends with a word, a number, a comma, a dash or a bracket.
const MID_SENTENCE = /(?:[\p{L}\p{N}]|[,()[\]–—-])$/u;
// A parenthesised citation part glued to what precedes it ("42 CFR § 422.504(i)"), which the
// next line may continue ("(4)").
const GLUED_PAREN_END = /[^\s(]\((?:[0-9]{1,3}|[a-zA-Z]{1,4})\)$/;
// A single list item "(12)", "(b)", "(iv)" or "b)", "iv)": the only labels a sentence can run into.
const ITEM = /^(?<open>\(?)(?<item>[0-9]{1,3}|[a-zA-Z]{1,6})\)[.:]?(?=\s|$)/;
// Units that follow the numeral of a quantity ("(30) days", "(12) months", "(5) business days").
const UNIT_AFTER = /^\s+(?:business |calendar |working |consecutive |full )?(?:days?|months?|years?|hours?|weeks?|minutes?|percent|per ?cent|times)\b/i;

const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

function romanValue(roman: string): number {
  let value = 0;
  for (let i = 0; i < roman.length; i++) {
    const here = ROMAN_VALUES[roman[i]!]!;
    const next = ROMAN_VALUES[roman[i + 1] ?? ''] ?? 0;
    value += here < next ? -here : here;
  }
  return value;
}

function toRoman(value: number): string {
  const table: Array<[number, string]> = [[100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [n, s] of table) while (value >= n) [value, out] = [value - n, out + s];
  return out;
}

/** The items either side of `item` in its series: numbers, letters, and roman numerals ("i" is both a letter and a numeral). */
function neighbours(item: string): { before: string[]; after: string[] } {
  const before: string[] = [];
  const after: string[] = [];
  if (/^[0-9]+$/.test(item)) {
    const n = Number(item);
    if (n > 0) before.push(String(n - 1));
    after.push(String(n + 1));
    return { before, after };
  }
  const upper = item === item.toUpperCase();
  const lower = item.toLowerCase();
  const cased = (s: string) => (upper ? s.toUpperCase() : s);
  if (lower.length === 1) {
    const code = lower.charCodeAt(0);
    if (lower > 'a') before.push(cased(String.fromCharCode(code - 1)));
    if (lower < 'z') after.push(cased(String.fromCharCode(code + 1)));
  }
  if (ROMAN_RE.test(lower)) {
    const value = romanValue(lower);
    if (value > 1) before.push(cased(toRoman(value - 1)));
    after.push(cased(toRoman(value + 1)));
  }
  return { before, after };
}

/** `item` written as a label inside running text, after a space or a list comma. */
function inText(open: string, item: string): RegExp {
  const label = open ? `\\(${item}\\)` : `${item}\\)`;
  return new RegExp(`[\\s,;]${label}(?=[\\s,;]|$)`);
}

/**
 * True when `line` starts with something that looks like a list label but, read after
 * `prevLine`, is the same sentence going on, so a PDF line break must not open a new clause
 * there. Never after a finished sentence or a colon. Otherwise the start is a continuation when:
 * - it is one item of an enumeration run into the sentence, which shows because a neighbouring
 *   item sits inside the text rather than at a line start: "must be" / "(i) from the same date,
 *   (ii) having…", or "…; (4) are reviewed; and" / "(5) are communicated…". A list whose items
 *   each open a line ("is" / "a) approved…" / "b) Denial…"; "(a) fails to pay; or" / "(b) …")
 *   stays a list;
 * and, when the previous line stops mid-sentence (no terminal punctuation, no "; and" / "; or"), when:
 * - it is the numeral of a number written in words just before it: "a term of one" / "(1) year",
 *   "within thirty" / "(30) days", "three hundred sixty-five" / "(365) day period";
 * - it is a quantity: a number followed by a unit ("(30) days", "(12) months");
 * - it continues a citation glued to the end of the previous line: "§ 422.504(i)" / "(4)".
 */
export function continuesSentence(prevLine: string, line: string): boolean {
  const prev = prevLine.trimEnd();
  const match = ITEM.exec(line);
  if (!match?.groups || prev.length === 0 || SENTENCE_END.test(prev)) return false;
  const { open = '', item = '' } = match.groups;
  const rest = line.slice(match[0].length);
  const { before, after } = neighbours(item);
  // The previous item inside the previous line; searching after a space never sees an item that
  // opens the line, which is a list item of its own ("(b) unless (a) applies; or" / "(c) …").
  const opensWithPrior = before.some((prior) => prev.startsWith(open ? `(${prior})` : `${prior})`));
  if (!opensWithPrior && before.some((prior) => inText(open, prior).test(prev))) return true;
  if (CLAUSE_END.test(prev) || !MID_SENTENCE.test(prev)) return false;
  if (/^[0-9]+$/.test(item)) {
    if (open && trailingNumberValues(prev).includes(Number(item))) return true;
    if (UNIT_AFTER.test(rest)) return true;
  }
  if (open && GLUED_PAREN_END.test(prev)) return true;
  return after.some((next) => inText(open, next).test(rest));
}
