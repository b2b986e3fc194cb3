/**
 * A clause the reader rewrote whole, from the clause as it would read. Their text is the new
 * wording of the clause's body: the label and caption stay as the document has them (a Word
 * number cannot be typed over, and a lost caption breaks cross-references), so a restated
 * label or caption at the start of their text is taken off. Every other change in that clause
 * gives way: the reader's wording already has them in it, or left them out on purpose.
 */
import type { Block, ContractDocument } from '@redliner/parser';
import { blockAt, changePosition, leadEnd, OMITTED_TEXT } from './clause-units.ts';
import type { PlannedChange, PlannedFinding } from './decisions.ts';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `text` without a leading copy of `words` (spaces and straight/curly quotes compared loosely). */
function withoutLeading(text: string, words: string): string | null {
  const tokens = words.trim().split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return null;
  const loose = tokens.map((t) => escapeRe(t).replace(/["“”]/g, '["“”]').replace(/['‘’]/g, "['‘’]")).join('\\s+');
  const m = new RegExp(`^\\s*${loose}`).exec(text);
  return m ? text.slice(m[0].length) : null;
}

/** The clause's body: after its label and caption, up to its last non-space character. */
function bodyOf(doc: ContractDocument, block: Block): { start: number; end: number } {
  let end = block.end;
  while (end > block.start && /\s/.test(doc.text[end - 1]!)) end--;
  return { start: Math.min(leadEnd(doc, block), end), end };
}

/** The rewrite fitted to its clause's body, or undefined when the finding is not in a clause that can be rewritten. */
export function rewrittenClause(doc: ContractDocument, change: PlannedChange): PlannedChange | undefined {
  if (!change.span) return undefined;
  const block = blockAt(doc, change.span.start);
  if (!block || block.kind === 'heading') return undefined;
  const body = bodyOf(doc, block);
  let text = change.text;
  const lead = doc.text.slice(block.start, body.start);
  const afterLead = withoutLeading(text, lead);
  if (afterLead !== null) text = afterLead;
  else if (block.label) text = withoutLeading(text, block.label) ?? text;
  text = text.trim();
  return { ...change, op: 'replace', span: body, text: text === '' ? OMITTED_TEXT : text };
}

/**
 * Drop every change that falls in a rewritten clause, and all but the latest rewrite of one
 * clause (`rank`: the order the decisions were made in). New paragraphs after the clause stay.
 */
export function yieldToRewrites(doc: ContractDocument, plans: PlannedFinding[]): void {
  const rewrites = new Map<Block, number>();
  plans.forEach((plan, i) => {
    const c = plan.change;
    if (!c?.clause || !c.span) return;
    const block = blockAt(doc, c.span.start);
    if (!block) return;
    const earlier = rewrites.get(block);
    if (earlier === undefined || (plans[earlier]!.change!.rank ?? 0) <= (c.rank ?? 0)) rewrites.set(block, i);
  });
  if (rewrites.size === 0) return;
  plans.forEach((plan, i) => {
    const c = plan.change;
    if (!c || c.newParagraph) return;
    const block = blockAt(doc, changePosition(c));
    const keep = block ? rewrites.get(block) : undefined;
    if (keep === undefined || keep === i) return;
    const { change: _dropped, ...rest } = plan;
    plans[i] = rest;
  });
}
