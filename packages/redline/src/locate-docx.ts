/**
 * Map offsets of `ContractDocument.text` back to paragraphs of the original DOCX through the
 * parser's source map. Characters without a source (generated list labels, block separators)
 * map to nothing: a range is narrowed to the characters that exist in the file.
 */
import type { ContractDocument, DocxSourceSpan } from '@redliner/parser';

/** `[start, end)` of one paragraph's text model. */
export interface ParagraphSlice {
  part: string;
  paragraph: number;
  start: number;
  end: number;
}

function docxSpans(doc: ContractDocument): DocxSourceSpan[] {
  return doc.sourceMap.format === 'docx' ? doc.sourceMap.spans : [];
}

/** The paragraph slices `[start, end)` covers, in document order (one per paragraph). */
export function sliceRange(doc: ContractDocument, start: number, end: number): ParagraphSlice[] {
  const out: ParagraphSlice[] = [];
  for (const span of docxSpans(doc)) {
    if (span.end <= start || span.start >= end) continue;
    const s = span.offset + Math.max(start, span.start) - span.start;
    const e = span.offset + Math.min(end, span.end) - span.start;
    const last = out[out.length - 1];
    if (last && last.part === span.part && last.paragraph === span.paragraph) last.end = e;
    else out.push({ part: span.part, paragraph: span.paragraph, start: s, end: e });
  }
  return out;
}

/** The paragraph point where text inserted at `at` belongs: after the preceding character that exists in the file. */
export function pointAt(doc: ContractDocument, at: number): ParagraphSlice | null {
  let best: DocxSourceSpan | null = null;
  for (const span of docxSpans(doc)) {
    if (span.start < at) best = span;
    else if (span.start === at && !best) best = span;
    else break;
  }
  if (!best) return null;
  const offset = best.offset + Math.min(at, best.end) - best.start;
  return { part: best.part, paragraph: best.paragraph, start: offset, end: offset };
}

/**
 * Narrow an edit range so it leaves a clause number alone: rules often flag a whole block
 * ("1.3 “Clean Claim” means…") while the suggested wording starts after the number.
 */
export function withoutLeadingLabel(doc: ContractDocument, start: number, end: number, newText: string): number {
  const block = doc.blocks.find((b) => b.start === start && b.label);
  if (!block?.label || newText.trimStart().startsWith(block.label)) return start;
  const rest = doc.text.slice(start, end);
  if (!rest.startsWith(block.label)) return start;
  const skip = block.label.length + (/^\s*/.exec(rest.slice(block.label.length))?.[0].length ?? 0);
  return Math.min(end, start + skip);
}
