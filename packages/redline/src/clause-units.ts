/**
 * Where a change may start and end inside a clause, in `ContractDocument.text` offsets: a
 * clause's label and caption ("10.3 Assignment.") are never part of a change, a "lesser of"
 * construct or a period ("thirty (30) days") is replaced as a whole, a deletion takes one of
 * the spaces around it along, and new text does not repeat the word it is written next to
 * ("pay the the rate") or the caption it follows.
 */
import type { Block, ContractDocument } from '@redliner/parser';
import type { PlannedChange } from './decisions.ts';

// Title-case words ending in "." or ":", at most eight: "Assignment.", "Proceedings in Own Name.".
const CAPTION_WORD = String.raw`(?:[A-Z][\p{L}'’&/-]*|of|and|or|the|to|for|in|on|by|with|a|an)`;
const CAPTION = new RegExp(String.raw`^[A-Z][\p{L}'’&/-]*(?:[ \t]+${CAPTION_WORD}){0,7}[.:](?=\s)`, 'u');
const PHRASE = /^[A-Z][\p{L}'’&/-]*(?:[ \t]+[\p{L}'’&/-]+){0,5}[.:](?=\s)/u;
const VERB = /\b(?:shall|will|may|must|can|is|are|was|were|be|has|have|does|do|means|agrees?|pays?|applies|includes?)\b|n[’']t\b/i;

/** The block holding offset `at` (a block's end counts as inside it), or undefined. */
export function blockAt(doc: ContractDocument, at: number): Block | undefined {
  return doc.blocks.find((b) => b.start <= at && at <= b.end);
}

/** Offset right after a block's label and caption (and the spaces after them); `block.start` when it has neither. */
export function leadEnd(doc: ContractDocument, block: Block): number {
  let at = block.start;
  const skipSpaces = () => {
    while (at < block.end && /\s/.test(doc.text[at]!)) at++;
  };
  if (block.label && doc.text.startsWith(block.label, at)) {
    at += block.label.length;
    skipSpaces();
  }
  const rest = doc.text.slice(at, block.end);
  // A plain-language caption after a clause number: a few words without a verb ("Your best price.").
  const phrase = at > block.start ? PHRASE.exec(rest) : null;
  const caption = CAPTION.exec(rest) ?? (phrase && !VERB.test(phrase[0]) ? phrase : null);
  // A caption is followed by the clause's sentences; a short sentence on its own is not one.
  if (caption && block.end - at > caption[0].length + 20) {
    at += caption[0].length;
    skipSpaces();
  }
  return at;
}

const squash = (s: string) => s.replace(/[“”"‘’']/g, '').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The start of a replacement or deletion of `[start, end)` moved past the block's label and
 * caption, unless the new text restates them; null when nothing but the label and caption was
 * flagged (the change is dropped: captions and headings stay).
 */
export function startAfterLead(doc: ContractDocument, block: Block, start: number, end: number, text: string): number | null {
  if (block.kind === 'heading') return null;
  const lead = leadEnd(doc, block);
  if (start >= lead) return start;
  if (text && squash(text).startsWith(squash(doc.text.slice(start, lead)))) return start;
  return lead < end ? lead : null;
}

/** New text without the caption it restates ("Prompt Payment. Plan shall…" after "5.3 Prompt Payment."), for a change that now starts after the caption. */
export function withoutRestatedCaption(doc: ContractDocument, block: Block, text: string): string {
  const lead = doc.text.slice(block.start, leadEnd(doc, block)).trim();
  const caption = block.label && lead.startsWith(block.label) ? lead.slice(block.label.length).trim() : lead;
  const t = text.trimStart();
  if (!caption || squash(t.slice(0, caption.length)) !== squash(caption)) return text;
  return t.slice(caption.length).trimStart();
}

/**
 * A "lesser of (a) … or (b) …" construct is one unit: a replacement that starts inside it
 * covers it from "the lesser of" to the end of its sentence, and keeps the words before it.
 */
export function lesserOfUnit(doc: ContractDocument, block: Block, start: number, end: number, text: string): { start: number; end: number } | null {
  const flagged = doc.text.slice(start, end);
  const m = LESSER_OF.exec(flagged);
  if (!m || LESSER_OF.test(text)) return null;
  const from = start + m.index;
  const rest = doc.text.slice(from, block.end);
  let depth = 0;
  let to = rest.length;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i]!;
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && c === ',' && /^,\s+(?:in each case|less|provided|except|subject to)\b/i.test(rest.slice(i))) {
      to = i;
      break;
    } else if (depth === 0 && (c === ';' || (c === '.' && (i + 1 === rest.length || /\s/.test(rest[i + 1]!)) && !/\b(?:e\.g|i\.e|etc|Inc|No)$/.test(rest.slice(0, i))))) {
      to = i;
      break;
    }
  }
  return { start: from, end: Math.max(end, from + to) };
}

const LESSER_OF = /\b(?:the\s+)?(?:lesser|greater|lower)\s+of\b/i;

/**
 * Replacement wording written for a "lesser of" construct whose flagged words missed it (a
 * neighbouring table cell, say) goes to the construct in the finding's clause instead.
 */
export function lesserOfInClause(doc: ContractDocument, span: { start: number; end: number }, clause: { start: number; end: number } | null, text: string): { start: number; end: number } | null {
  if (!clause || !/^\s*the\s+(?:rate|amount)\b/i.test(text) || LESSER_OF.test(text) || LESSER_OF.test(doc.text.slice(span.start, span.end))) return null;
  const m = LESSER_OF.exec(doc.text.slice(clause.start, clause.end));
  return m ? { start: clause.start + m.index, end: clause.start + m.index + m[0].length } : null;
}

/** New text that starts a sentence (or a table entry) starts with a capital, as the words it replaces did. */
export function sentenceCase(doc: ContractDocument, block: Block, start: number, text: string): string {
  const startsSentence = start === block.start || start === leadEnd(doc, block) || /[.!?:]\s*$/.test(doc.text.slice(block.start, start));
  if (!startsSentence || !/^\p{Lu}/u.test(doc.text[start] ?? '') || !/^\s*\p{Ll}/u.test(text)) return text;
  return text.replace(/\p{Ll}/u, (c) => c.toUpperCase());
}

/** Drop from `text` a first or last word that repeats the word right before or after the change. */
export function withoutRepeatedEdgeWords(doc: ContractDocument, block: Block, start: number, end: number, text: string): string {
  let out = text;
  const before = /(\p{L}+)\s+$/u.exec(doc.text.slice(block.start, start));
  const first = /^(\s*)(\p{L}+)\s+/u.exec(out);
  if (before && first && before[1]!.toLowerCase() === first[2]!.toLowerCase()) out = first[1] + out.slice(first[0].length);
  const after = /^\s+(\p{L}+)/u.exec(doc.text.slice(end, block.end));
  const last = /\s+(\p{L}+)(\s*)$/u.exec(out);
  if (after && last && after[1]!.toLowerCase() === last[1]!.toLowerCase()) out = out.slice(0, last.index) + last[2];
  return out;
}

/** A deletion of `[start, end)` widened by one adjacent space, so no double space or space before punctuation is left. */
export function absorbSpace(doc: ContractDocument, block: Block, start: number, end: number): { start: number; end: number } {
  const t = doc.text;
  const spaceAfter = end < block.end && t[end] === ' ';
  const spaceBefore = start > block.start && t[start - 1] === ' ';
  if (spaceAfter && (spaceBefore || start === block.start || /\s/.test(t[start - 1] ?? '\n'))) return { start, end: end + 1 };
  if (spaceBefore && (end === block.end || /[.,;:)\]]/.test(t[end] ?? ''))) return { start: start - 1, end };
  return { start, end };
}

const NUMBER_WORD = String.raw`(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)`;
const DURATION_SOURCE = String.raw`(?<![A-Za-z])(?:${NUMBER_WORD}(?:[\s-]+(?:and\s+)?${NUMBER_WORD})*\s+)?\(\d+\)\s+(?:calendar\s+|business\s+)?(?:day|month|year)s?`;
const DURATION = new RegExp(DURATION_SOURCE, 'i');
const WHOLE_DURATION = new RegExp(String.raw`^\s*${DURATION_SOURCE}\s*$`, 'i');

/**
 * A new period ("one hundred twenty (120) days") replaces a period: when the flagged words
 * hold none ("reconsider it within"), the target moves to the first period written after them.
 */
export function durationUnit(doc: ContractDocument, block: Block, start: number, end: number, text: string): { start: number; end: number } | null {
  if (!WHOLE_DURATION.test(text) || DURATION.test(doc.text.slice(start, end))) return null;
  const after = DURATION.exec(doc.text.slice(end, Math.min(block.end, end + 80)));
  if (!after) return null;
  return { start: end + after.index, end: end + after.index + after[0].length };
}

/** "180 days" used as an adjective ("the sixty (60) day period") stays singular. */
export function agreeingUnit(doc: ContractDocument, end: number, text: string): string {
  const singular = /\b(day|month|year)$/i.exec(doc.text.slice(Math.max(0, end - 8), end));
  if (!singular || !new RegExp(`\\b${singular[1]}s\\s*$`, 'i').test(text)) return text;
  return text.replace(/s(\s*)$/, '$1');
}

/** What a clause whose text is struck whole reads after its label and caption. */
export const OMITTED_TEXT = 'Intentionally omitted.';

/** Where a change takes effect in the document text: an insertion at its point, anything else at its span. */
export function changePosition(c: PlannedChange): number {
  // An insertion also carries the span of its finding; where it goes is its insertion point.
  if (c.op === 'insert') return c.insertAt ?? c.span?.end ?? Number.MAX_SAFE_INTEGER;
  return c.span?.start ?? c.insertAt ?? Number.MAX_SAFE_INTEGER;
}
