/**
 * `read: list`: which named items (product lines, programs…) a clause names. A participation
 * clause often names none itself and points to the part of the contract that lists them ("only
 * in those Networks designated on the Provider Networks Attachment"), so the reader follows that
 * reference to the attachment, exhibit or schedule it names and reads the list there too; a clause
 * that introduces its list ("in the following Networks:") is read with the list after it.
 */
import { evaluate, type MatchContext } from '../match/match-rule.ts';
import { unitIndexAt } from '../match/spans.ts';
import type { Span } from '../types.ts';
import type { CompiledTerm } from './compiled-terms.ts';

// "the Provider Networks Attachment", "Exhibit A", "Schedule No. 2", "the Products Addendum".
const REFERENCE = /((?:[A-Z][\p{L}/&'’-]*[ \t]+){0,4})(Attachment|Exhibit|Schedule|Appendix|Addendum|Rider)\b(?:[ \t]+(?:No\.[ \t]*)?([A-Z]{1,2}|\d{1,2}|[IVX]{1,4})\b)?/gu;
// Capitalized words that open a sentence or a reference without naming it.
const NOT_NAME = new Set(['the', 'this', 'that', 'such', 'each', 'any', 'an', 'a', 'its', 'said', 'applicable', 'in', 'on', 'under', 'per']);
// An item named after these in its sentence is excluded, not covered ("other than Medicare Advantage").
const EXCLUDED = /\b(?:not|except|excluding|exclude[sd]?|other\s+than|no)\b[^.;]*$/i;
// An attachment is read from its start: a whole exhibit of rates may name every product line in passing.
const LIST_REACH = 4000;

const normal = (s: string) => s.toLowerCase().replace(/\[redacted\]/g, ' ').replace(/[^a-z0-9]+/g, ' ').trim();

/** The names of the attachments, exhibits or schedules `text` points to, normalized ("provider networks attachment", "exhibit a"). */
export function referencedParts(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(REFERENCE)) {
    const words = m[1]!.trim().split(/\s+/).filter(Boolean);
    while (words.length && NOT_NAME.has(words[0]!.toLowerCase())) words.shift();
    const name = normal([...words, m[2]!, m[3] ?? ''].join(' '));
    // A bare "Attachment" or "Schedule" names nothing to look up.
    if (name.split(' ').length > 1 && !out.includes(name)) out.push(name);
  }
  return out;
}

// A heading that opens another part ends the list read from the one before it.
const PART_HEADING = /\b(?:attachment|exhibit|schedule|appendix|addendum|rider|article)\b/i;

/** From `start` to the next heading that opens another part, at most LIST_REACH characters. */
function partFrom(start: number, ctx: MatchContext): Span {
  const { blocks, text } = ctx.facts.document;
  const next = blocks.find((b) => b.start > start && b.kind === 'heading' && PART_HEADING.test(text.slice(b.start, b.end)));
  return { start, end: Math.min(next?.start ?? text.length, start + LIST_REACH) };
}

/** The parts `unit` points to by name (from their heading to the next part's heading), other than the one it sits in. */
function partsPointedTo(unit: Span, ctx: MatchContext): Span[] {
  const names = referencedParts(ctx.facts.text.slice(unit.start, unit.end));
  if (!names.length) return [];
  const { blocks, text } = ctx.facts.document;
  const headings = blocks.filter((b) => b.kind === 'heading' && b.end - b.start <= 200 && (b.end <= unit.start || b.start >= unit.end));
  const out: Span[] = [];
  for (const name of names) {
    // Words may sit between the name's words ("Provider [REDACTED] Networks Attachment").
    const pattern = new RegExp(`(?:^| )${name.replace(/ /g, ' (?:[a-z0-9]+ )?')}(?: |$)`);
    const heading = headings.find((h) => pattern.test(normal(text.slice(h.start, h.end))));
    if (heading) out.push(partFrom(heading.start, ctx));
  }
  return out;
}

// A clause that introduces its list ("in the following Networks:") is followed by it.
const INTRODUCES = /(?:\bfollowing\b[^.;]*|:)\s*$/i;

/** The list that follows a clause introducing one, to the next part's heading. */
function listAfter(unit: Span, ctx: MatchContext): Span[] {
  return INTRODUCES.test(ctx.facts.text.slice(unit.start, unit.end)) ? [partFrom(unit.end, ctx)] : [];
}

/** Whether the hit at `at` is named as excluded in its sentence. */
function excluded(at: number, ctx: MatchContext): boolean {
  const sentences = ctx.facts.units('sentence');
  const sentence = sentences[unitIndexAt(sentences, at)];
  return sentence !== undefined && EXCLUDED.test(ctx.facts.text.slice(sentence.start, at));
}

/** The items of `term` named in `unit`, in the list it introduces and in the parts it points to, in the contract's order. */
export function readListItems(term: CompiledTerm, unit: Span, ctx: MatchContext): string[] {
  const spans = [unit, ...listAfter(unit, ctx), ...partsPointedTo(unit, ctx)];
  const found: Array<{ name: string; at: number; order: number }> = [];
  spans.forEach((span, order) => {
    for (const item of term.items ?? []) {
      const hits = (evaluate(item.match, span, ctx) ?? []).filter((h) => !excluded(h.start, ctx));
      if (hits.length) found.push({ name: item.name, at: Math.min(...hits.map((h) => h.start)), order });
    }
  });
  found.sort((a, b) => a.order - b.order || a.at - b.at);
  return [...new Set(found.map((f) => f.name))];
}
