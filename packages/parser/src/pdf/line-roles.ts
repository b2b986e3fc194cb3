/**
 * Cues a single line gives about document structure: does it end a sentence, start a clause,
 * look like a heading? Pure text and geometry tests, shared by paragraph building and heading levels.
 */
import { continuesSentence, detectLabel, startsWithLabel } from '../clause-labels.ts';
import type { TextLine } from './pdf-types.ts';

const SENTENCE_END = /[.!?:;]["'”’)\]]*$/;
const BULLET = /^[•▪◦●·○■□➢►\-–*]\s/u;
// A label-looking start right after these words is a cross-reference wrapped onto the next line ("Section\n4.2").
const REFERENCE_TAIL = /(?:\b(?:sections?|articles?|paragraphs?|subsections?|clauses?|exhibits?|schedules?|attachments?|appendix|no\.|pursuant to|under|of|in|and|or|to|with)|§§?)\s*$/i;
// A citation broken across lines: a code cut at its hyphen ("WAC 284-170-" / "440.") or a code's
// name before its section number ("42 C.F.R." / "438.230(b)", "RCW" / "48.43.055").
const CITATION_TAIL = /(?:\d[-‐–]|\b(?:WAC|RCW|CFR|C\.F\.R\.|U\.S\.C\.|USC|T\.C\.A\.|TCA|Stat\.)\s*(?:§+\s*)?)$/;
// "…; and" / "…; or" at a line end announces the next list item.
const LIST_JOINER = /;\s*(?:and|or|and\/or)\s*$/;
const WORD_LABEL = /^(?:ARTICLE|Article|EXHIBIT|Exhibit|ATTACHMENT|Attachment|SCHEDULE|Schedule|APPENDIX|Appendix|ADDENDUM|Addendum|SECTION|Section|Sec\.|§)/;
const ARTICLE_LIKE = /^(?:ARTICLE|Article|EXHIBIT|Exhibit|ATTACHMENT|Attachment|SCHEDULE|Schedule|APPENDIX|Appendix|ADDENDUM|Addendum)\b/;

/** True when the text ends like a finished sentence or list entry. */
export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text);
}

/** True when the line opens a clause or list entry. */
export function opensClause(line: TextLine, prevText: string | undefined): boolean {
  if (BULLET.test(line.text)) return true;
  if (!startsWithLabel(line.text)) return false;
  if (prevText === undefined) return true;
  // "…for a term of one" / "(1) year, and…": the numeral, citation or run-in item of the same sentence.
  if (continuesSentence(prevText, line.text)) return false;
  if (CITATION_TAIL.test(prevText.trimEnd()) && /^\d/.test(line.text)) return false;
  // "…fails to pay; or" / "(b) loses…": a list joiner after a semicolon announces the next item, not a cross-reference.
  if (LIST_JOINER.test(prevText)) return true;
  // "…may update\nExhibit C by posting…": a word label after an unfinished sentence is a cross-reference.
  if (WORD_LABEL.test(line.text) && !endsSentence(prevText)) return false;
  return !REFERENCE_TAIL.test(prevText);
}

/** True when the line starts with a bullet glyph. */
export function isBullet(text: string): boolean {
  return BULLET.test(text);
}

function mostlyCapitals(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 3) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  return upper / letters.length >= 0.9;
}

/**
 * A line that could be a heading on its own: short, not ending mid-sentence with a comma, and
 * set apart by capitals, a larger font, centring or an Article/Exhibit label.
 */
export function headingLike(line: TextLine, bodySize: number, leftEdge: number, rightEdge: number): boolean {
  const text = line.text;
  if (text.length > 100 || /[,;]$/.test(text)) return false;
  const width = rightEdge - leftEdge;
  const short = line.x1 < rightEdge - width * 0.15;
  const centred = width > 0 && Math.abs((line.x0 + line.x1) / 2 - (leftEdge + rightEdge) / 2) < width * 0.06 && line.x0 > leftEdge + width * 0.1;
  if (ARTICLE_LIKE.test(text) && detectLabel(text) && text.length <= 80 && !/\.$/.test(text)) return true;
  if (line.size >= bodySize * 1.08 && text.length <= 90) return true;
  if (mostlyCapitals(text) && (short || centred) && !/[.]$/.test(text.replace(/\b[A-Z]\.$/, ''))) return true;
  return centred && text.length <= 60 && !endsSentence(text) && /^\p{Lu}/u.test(text);
}

/** Heading level: Article/Exhibit 1; numbered section headings by their depth (at least 2 under Articles). */
export function headingLevel(text: string, size: number, bodySize: number, hasArticles: boolean): number {
  const label = detectLabel(text);
  if (ARTICLE_LIKE.test(text) && label) return 1;
  if (label) return Math.min(6, Math.max(label.depth, hasArticles ? 2 : 1));
  return size >= bodySize * 1.2 ? 1 : 2;
}

/** True for Article-style labels (used to decide whether numbered headings sit one level down). */
export function isArticleHeading(text: string): boolean {
  return /^(?:ARTICLE|Article)\s/.test(text) && detectLabel(text) !== null;
}
