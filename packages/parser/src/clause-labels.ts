/**
 * Clause labels as a reader sees them at the start of a paragraph: "4.2", "5.3(b)(ii)", "(b)",
 * "ARTICLE IV", "Section 7.3", "§ 4.2", "Exhibit A". Used for PDFs (where the label is plain
 * text) and for DOCX paragraphs whose number is typed rather than generated.
 */

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

const CAPITAL_AFTER = /^\s+(?:["“‘'(\[]|\p{Lu}|$)/u;

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
