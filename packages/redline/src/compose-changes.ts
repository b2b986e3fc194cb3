/**
 * Compose the planned changes into clean contract text before any XML is written, for both
 * the DOCX and the PDF path: each change is fitted to its clause (clause-units.ts) and the
 * contract's quote style, the same language is proposed only once in a document, findings on
 * the same clause become one change, and a clause whose whole text is struck keeps its label
 * and caption with "Intentionally omitted." so the numbering and cross-references still hold.
 * Changes that would damage the text are dropped: the finding then only gets its comment.
 * A clause the reader rewrote whole takes the place of every other change in it (clause-rewrite.ts);
 * a new clause gets the next typed number of the clause it follows (new-clause-label.ts).
 */
import type { Block, ContractDocument } from '@redliner/parser';
import { absorbSpace, agreeingUnit, blockAt, changePosition, durationUnit, leadEnd, lesserOfInClause, lesserOfUnit, OMITTED_TEXT, sentenceCase, startAfterLead, withoutRepeatedEdgeWords, withoutRestatedCaption } from './clause-units.ts';
import { rewrittenClause, yieldToRewrites } from './clause-rewrite.ts';
import { numberNewClauses } from './new-clause-label.ts';
import type { PlannedChange, PlannedFinding } from './decisions.ts';
export { changePosition, OMITTED_TEXT } from './clause-units.ts';
import { inQuoteStyle, quoteStyleOf } from './quote-style.ts';
import { DEFINES, DEFINITION, definedTerm, termSource } from './definition-heads.ts';
import { plainWordsForUndefinedTerms } from './undefined-terms.ts';
import type { QuoteStyle } from './quote-style.ts';


// Language this long, written as a sentence, is a clause of its own: proposing it twice duplicates it.
const MIN_WORDS_FOR_ONCE = 8;

const squash = (s: string) => s.replace(/[“”"]/g, '"').replace(/[‘’']/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
const TITLE_LINE = /^[A-Z][\p{L}'’&/-]*(?:[ \t]+(?:[A-Z][\p{L}'’&/-]*|of|and|or|the|to|for|in|on|by|with|a|an))*:?$/u;

/** The plans with their changes composed; the array keeps its order and length. */
export function composeChanges(doc: ContractDocument, plans: PlannedFinding[]): PlannedFinding[] {
  const style = quoteStyleOf(doc.text);
  // Compared as the rule wrote it: fitting to one place (". For purposes…", a dropped "the") does not make it other language.
  const keys = plans.map((p) => (p.change && !p.change.clause ? definitionKey(p.change.text) ?? onceKey(p.change.text) : null));
  const out = plans.map((p) => (p.change ? withChange(p, p.change.clause ? rewrittenClause(doc, p.change) : fitted(doc, p.change, style, p.finding.span)) : p));
  const order = out.map((_, i) => i).filter((i) => out[i]!.change).sort((a, b) => changePosition(out[a]!.change!) - changePosition(out[b]!.change!) || a - b);
  proposeOnce(doc, out, order, keys);
  withoutRepeatedSentences(out, order, keys);
  mergeInsertionsAtOnePoint(out, order);
  mergeDeletions(doc, out, order);
  yieldToRewrites(doc, out);
  // Before numbering: a new clause's label would hide the definition that opens its text.
  plainWordsForUndefinedTerms(doc, out);
  numberNewClauses(doc, out);
  return out;
}

/** A definition's key is its term: two findings that each define "Clean Claim" propose one definition, whatever their wording. */
function definitionKey(text: string): string | null {
  const term = definedTerm(text);
  return term ? `definition:${squash(term)}` : null;
}

/** The language a change proposes, compared across findings; null for a phrase edited into each clause on its own. */
function onceKey(text: string): string | null {
  const t = text.trim();
  if (t.split(/\s+/).length < MIN_WORDS_FOR_ONCE) return null;
  // "the rate set forth in …" inside a sentence is one edit per clause; sentences and clauses are proposed once.
  if (!/^["“'‘A-Z]/.test(t) && !/[.;:]$/.test(t)) return null;
  return squash(t);
}

function withChange(plan: PlannedFinding, change: PlannedChange | undefined): PlannedFinding {
  const { change: _old, ...rest } = plan;
  return change ? { ...rest, change } : rest;
}


/** One change fitted to its clause, or undefined when it would delete a caption or misplace a definition. */
function fitted(doc: ContractDocument, change: PlannedChange, style: QuoteStyle, clause: { start: number; end: number } | null): PlannedChange | undefined {
  let text = inQuoteStyle(change.text, style);
  if (change.op === 'insert' || !change.span) {
    const at = change.insertAt;
    const block = at === undefined ? undefined : blockAt(doc, at);
    if (change.newParagraph || change.op !== 'insert' || at === undefined || !block) return { ...change, text };
    // No double space where the new words meet the old ones.
    if (/^\s/.test(text) && (at === block.start || /\s/.test(doc.text[at - 1]!))) text = text.trimStart();
    if (/\s$/.test(text) && /\s/.test(doc.text[at] ?? '\n')) text = text.trimEnd();
    // A sentence added after a table entry or heading-like line without a full stop gets one first.
    if (at === block.end && /^\s*[A-Z]/.test(text) && /[\p{L}\p{N}]$/u.test(doc.text.slice(block.start, at))) text = `.${/^\s/.test(text) ? '' : ' '}${text}`;
    return { ...change, text: withoutRepeatedEdgeWords(doc, block, at, at, text) };
  }
  const target = change.op === 'replace' ? lesserOfInClause(doc, change.span, clause, text) ?? change.span : change.span;
  const block = blockAt(doc, target.start);
  // Changes across paragraphs are refused (and reported) further down the line.
  if (!block || target.end > block.end) return { ...change, text };
  if (TITLE_LINE.test(doc.text.slice(block.start, block.end).trim())) return undefined;
  const start = startAfterLead(doc, block, target.start, target.end, text);
  if (start === null) return undefined;
  if (start > target.start) text = withoutRestatedCaption(doc, block, text);
  let span = { start, end: target.end };
  if (change.op === 'delete') return { ...change, text: '', span: absorbSpace(doc, block, span.start, span.end) };
  const definition = DEFINITION.exec(text);
  // A definition replaces only the definition of the same term, never an operative clause.
  if (definition && !squash(doc.text.slice(block.start, block.end)).includes(`"${squash(definition[1]!)}"`)) return undefined;
  // A definition flagged for a later sentence replaces the definition from its head, or the term would be defined twice.
  if (definition) span = { start: definitionHead(doc, block, span.start, definition[1]!) ?? span.start, end: span.end };
  if (definition) text = withDefinedHead(doc.text.slice(span.start, block.end), definition, text);
  span = lesserOfUnit(doc, block, span.start, span.end, text) ?? durationUnit(doc, block, span.start, span.end, text) ?? span;
  text = sentenceCase(doc, block, span.start, agreeingUnit(doc, span.end, text));
  return { ...change, span, text: withoutRepeatedEdgeWords(doc, block, span.start, span.end, text) };
}

/** Where the clause defines `term` before `before` ("“Clean Claim” means", "… has the meaning"), or null. */
function definitionHead(doc: ContractDocument, block: Block, before: number, term: string): number | null {
  const head = new RegExp(`[“"]${termSource(term)}[”"](?:\\s*(?:,|or|and|, or)\\s*[“"][^”"]{2,80}[”"])*${DEFINES}`, 'gi');
  let at: number | null = null;
  for (const m of doc.text.slice(block.start, before).matchAll(head)) at = block.start + m.index;
  return at;
}

/**
 * A new definition keeps the head the contract wrote: "“Medically Necessary” or “Medical
 * Necessity” means" stays whole when the suggestion defines only the first name, so the other
 * name, used elsewhere, is not left undefined.
 */
function withDefinedHead(original: string, definition: RegExpExecArray, text: string): string {
  const head = new RegExp(`^\\s*[“"]${termSource(definition[1]!)}[”"](?:\\s*(?:,|or|and|, or)\\s*[“"][^”"]{2,80}[”"])+(?=${DEFINES})`, 'i').exec(original);
  return head ? head[0] + text.slice(definition[0].length) : text;
}

/**
 * The same language is proposed once, at its first place. A later finding on the same clause
 * is merged into that change (adjacent replacements become one, others strike their words);
 * elsewhere it changes nothing.
 */
function proposeOnce(doc: ContractDocument, plans: PlannedFinding[], order: number[], keys: Array<string | null>): void {
  const first = new Map<string, { change: PlannedChange; block: Block | undefined }>();
  for (const i of order) {
    const change = plans[i]!.change!;
    const key = keys[i];
    if (!key) continue;
    const block = blockAt(doc, changePosition(change));
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, { change, block });
      continue;
    }
    const e = earlier.change;
    const sameClause = !!block && block === earlier.block && !change.newParagraph && !e.newParagraph && change.span && e.span;
    if (sameClause && key.startsWith('definition:') && change.op === 'replace' && e.op === 'replace') {
      // One definition of the term: the earlier wording, over every sentence either finding flagged.
      e.span = { start: Math.min(e.span!.start, change.span!.start), end: Math.max(e.span!.end, change.span!.end) };
      plans[i] = withChange(plans[i]!, undefined);
    } else if (sameClause && change.op === 'replace' && e.op === 'replace' && doc.text.slice(e.span!.end, change.span!.start).trim() === '') {
      e.span = { start: e.span!.start, end: change.span!.end };
      plans[i] = withChange(plans[i]!, undefined);
    } else if (sameClause && change.op === 'replace' && change.span!.start >= e.span!.end) {
      plans[i] = withChange(plans[i]!, { ...change, op: 'delete', text: '', span: absorbSpace(doc, block, change.span!.start, change.span!.end) });
    } else plans[i] = withChange(plans[i]!, undefined);
  }
}

// A sentence boundary inside proposed language: after a period, semicolon or colon, before a capital or a quote.
const SENTENCE_BREAK = /(?<=[.;:])\s+(?=["“‘(]?[A-Z])/;

/**
 * A sentence already proposed is not proposed again in other findings' language: the lead may
 * edit one finding of a rule down to its first sentence and accept another whole, and both
 * would otherwise insert that sentence. A later change keeps its new sentences; one with none
 * left changes nothing (the finding keeps its comment). Only language proposed once counts
 * (`keys`): short phrases edited into each clause are left alone.
 */
function withoutRepeatedSentences(plans: PlannedFinding[], order: number[], keys: Array<string | null>): void {
  const proposed = new Set<string>();
  for (const i of order) {
    const change = plans[i]!.change;
    if (!change || !keys[i] || keys[i]!.startsWith('definition:')) continue;
    const sentences = change.text.trim().split(SENTENCE_BREAK);
    const fresh = sentences.filter((sentence) => !proposed.has(squash(sentence)));
    for (const sentence of sentences) if (sentence.split(/\s+/).length >= MIN_WORDS_FOR_ONCE) proposed.add(squash(sentence));
    if (fresh.length === sentences.length) continue;
    const text = fresh.join(' ');
    plans[i] = withChange(plans[i]!, fresh.length && /\w/.test(text) ? { ...change, text: /^\s/.test(change.text) ? ` ${text}` : text } : undefined);
  }
}

/** Several insertions at one point become one, in finding order (applied one by one they would come out reversed). */
function mergeInsertionsAtOnePoint(plans: PlannedFinding[], order: number[]): void {
  const at = new Map<number, PlannedChange>();
  for (const i of order) {
    const c = plans[i]!.change;
    if (!c || c.op !== 'insert' || c.newParagraph || c.insertAt === undefined) continue;
    const earlier = at.get(c.insertAt);
    if (!earlier) {
      at.set(c.insertAt, c);
      continue;
    }
    earlier.text = /\s$/.test(earlier.text) || /^\s/.test(c.text) ? earlier.text + c.text : `${earlier.text} ${c.text}`;
    plans[i] = withChange(plans[i]!, undefined);
  }
}

/**
 * Deletions in one clause separated only by spaces become one; when they strike everything
 * after the clause's label and caption, the clause reads "Intentionally omitted." instead of
 * leaving an empty number or a caption with nothing under it.
 */
function mergeDeletions(doc: ContractDocument, plans: PlannedFinding[], order: number[]): void {
  let open: { change: PlannedChange; block: Block } | null = null;
  for (const i of order) {
    const c = plans[i]!.change;
    if (!c || c.op !== 'delete' || !c.span) continue;
    const block = blockAt(doc, c.span.start);
    if (!block || c.span.end > block.end) continue;
    // Each deletion took a space along, so neighbours may now share one character.
    if (open && open.block === block && doc.text.slice(open.change.span!.end, c.span.start).trim() === '') {
      open.change.span = { start: open.change.span!.start, end: Math.max(open.change.span!.end, c.span.end) };
      plans[i] = withChange(plans[i]!, undefined);
    } else open = { change: c, block };
  }
  for (const plan of plans) {
    const c = plan.change;
    if (!c || c.op !== 'delete' || !c.span) continue;
    const block = blockAt(doc, c.span.start);
    if (!block) continue;
    const lead = leadEnd(doc, block);
    const rest = doc.text.slice(lead, block.end).trim();
    if (lead > block.start && c.span.start <= lead && c.span.end >= lead + rest.length) {
      c.op = 'replace';
      c.span = { start: lead, end: lead + rest.length };
      c.text = OMITTED_TEXT;
    }
  }
}
