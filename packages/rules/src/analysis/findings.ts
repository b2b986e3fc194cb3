/**
 * Builds Findings (DESIGN.md) from rule outcomes: the quoted span, the reader's location, the
 * message and the redline with this contract's party terms filled in.
 */
import { locate, sectionPath } from '@redliner/parser';
import type { CompiledRule } from '../compiled-types.ts';
import type { DocumentFacts } from '../match/document-facts.ts';
import type { Hit } from '../match/match-rule.ts';
import { insertionSection } from './insertion-section.ts';
import { textValues } from '../compile/placeholders.ts';
import { fillAgreeing as fillText } from '../match/verb-agreement.ts';
import type { RuleOutcome, UnitMatch } from './run-rule.ts';
import { hullOf, unitIndexAt } from '../match/spans.ts';
import type { Finding, FindingLocation, NearMiss, Redline, Span } from '../types.ts';

const QUOTE_LIMIT = 160;

/** Location without the parser's internal block id. */
export function readerLocation(facts: DocumentFacts, offset: number): FindingLocation {
  const { section, label, page, printedPage } = locate(facts.document, offset);
  const out: FindingLocation = {};
  if (section !== undefined) out.section = section;
  if (label !== undefined) out.label = label;
  if (page !== undefined) out.page = page;
  if (printedPage !== undefined) out.printedPage = printedPage;
  return out;
}

const hull = (hits: readonly Hit[], fallback: Span): Span => hullOf(hits, fallback);

/**
 * The span a finding quotes: the unit for sentences and paragraphs (a sentence with the next one
 * when `reach: next-sentence` found evidence there), the matched sentence(s) for other scopes.
 */
function findingSpan(rule: CompiledRule, match: UnitMatch, facts: DocumentFacts): Span {
  if (rule.scope === 'paragraph' || match.hits.length === 0) return match.unit;
  const sentences = facts.units('sentence');
  const range = hull(match.hits, match.unit);
  if (rule.scope === 'sentence') {
    return range.end <= match.unit.end ? match.unit : { start: match.unit.start, end: sentences[unitIndexAt(sentences, range.end - 1)]!.end };
  }
  const first = sentences[unitIndexAt(sentences, range.start)];
  const last = sentences[unitIndexAt(sentences, range.end - 1)];
  if (!first) return range;
  const paragraphs = facts.units('paragraph');
  const sameBlock = last && unitIndexAt(paragraphs, first.start) === unitIndexAt(paragraphs, last.start);
  return { start: first.start, end: sameBlock ? last.end : first.end };
}

function sectionEnd(facts: DocumentFacts, offset: number): number {
  const path = sectionPath(facts.document, offset);
  const inner = path[path.length - 1];
  if (inner) return inner.end;
  const paragraphs = facts.units('paragraph');
  return paragraphs[unitIndexAt(paragraphs, offset)]?.end ?? facts.text.length;
}

/**
 * `span` cut to the one block that holds `anchor`. A table row reads as one unit, so a match
 * may span several cells; a tracked change cannot cross paragraphs, so the edit goes to the
 * cell with the risky words (the finding itself still quotes the whole row).
 */
function oneBlock(facts: DocumentFacts, span: Span, anchor: number): Span {
  const block = facts.document.blocks.find((b) => b.start <= anchor && anchor < b.end);
  if (!block || (block.start <= span.start && span.end <= block.end)) return span;
  const clipped = { start: Math.max(span.start, block.start), end: Math.min(span.end, block.end) };
  return clipped.start < clipped.end ? clipped : { start: block.start, end: block.end };
}

function makeRedline(rule: CompiledRule, facts: DocumentFacts, span: Span, hits: readonly Hit[], insertAt?: number): Redline | undefined {
  const spec = rule.spec.redline;
  if (!spec) return undefined;
  const values = { ...textValues(facts.document.parties), ...facts.terms() };
  const text = fillText(spec.text ?? '', values);
  const redline: Redline = { op: spec.op, text, alternatives: (spec.fallbacks ?? []).map((t) => fillText(t, values)) };
  if (spec.note) redline.note = spec.note;
  if (spec.payerComment) redline.payerComment = fillText(spec.payerComment, values);
  if (spec.op === 'insert') {
    const at = insertAt !== undefined && spec.at !== 'end-of-document' ? undefined : (spec.at ?? 'end-of-scope');
    if (at === undefined) {
      redline.insertAt = insertAt;
      redline.newParagraph = true;
    } else if (at === 'end-of-scope' || at === 'start-of-scope') {
      redline.insertAt = at === 'end-of-scope' ? span.end : span.start;
      // Inside a paragraph the new words need a space between them and the clause.
      const pad = (t: string) => (at === 'end-of-scope' ? ` ${t.trim()}` : `${t.trim()} `);
      redline.text = pad(redline.text);
      redline.alternatives = redline.alternatives.map(pad);
    } else {
      redline.insertAt = at === 'end-of-document' ? facts.text.length : sectionEnd(facts, span.start);
      redline.newParagraph = true;
    }
    return redline;
  }
  const numberHit = hits.find((h) => h.number);
  const target = spec.target ?? 'scope';
  const wanted = target === 'scope' ? span : target === 'number' && numberHit ? { start: numberHit.start, end: numberHit.end } : hull(hits, span);
  redline.span = oneBlock(facts, wanted, hits.length > 0 ? hull(hits, span).start : span.start);
  if (spec.op === 'delete') redline.text = '';
  return redline;
}

function quoteOf(text: string, span: Span): string {
  const quote = text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
  return quote.length > QUOTE_LIMIT ? `${quote.slice(0, QUOTE_LIMIT - 1)}…` : quote;
}

function base(rule: CompiledRule): Pick<Finding, 'ruleId' | 'concept' | 'severity' | 'kind' | 'explanation' | 'references'> {
  return {
    ruleId: rule.id,
    concept: rule.concept,
    severity: rule.severity,
    kind: rule.kind,
    explanation: rule.spec.explanation,
    references: (rule.spec.references ?? []).map((r) => (typeof r === 'string' ? { title: r } : r.url ? { title: r.title, url: r.url } : { title: r.title })),
  };
}

/** One finding per flagged unit of a presence rule. */
export function presenceFindings(outcome: RuleOutcome, facts: DocumentFacts): Finding[] {
  const rule = outcome.rule;
  const values = { ...textValues(facts.document.parties), ...facts.terms() };
  return outcome.matches.map((match) => {
    const span = findingSpan(rule, match, facts);
    const finding: Finding = {
      id: `${rule.id}@${span.start}`,
      ...base(rule),
      message: fillText(rule.spec.message, { ...values, quote: quoteOf(facts.text, hull(match.hits, span)) }),
      span,
      quote: quoteOf(facts.text, span),
      location: readerLocation(facts, span.start),
    };
    const redline = makeRedline(rule, facts, span, match.hits);
    if (redline) finding.redline = redline;
    return finding;
  });
}

/** Where missing language belongs: the preferred section's end, after the `when` anchor's paragraph, or the document's end. */
export function insertionPoint(outcome: RuleOutcome, facts: DocumentFacts): number {
  const rule = outcome.rule;
  if (rule.spec.redline?.at === 'end-of-document') return facts.text.length;
  const words = rule.spec.sections?.prefer;
  const preferred = words?.length ? insertionSection(facts.document.sections, words) : undefined;
  if (preferred) return preferred.end;
  if (outcome.anchor) {
    const paragraphs = facts.units('paragraph');
    return paragraphs[unitIndexAt(paragraphs, outcome.anchor.start)]?.end ?? outcome.anchor.end;
  }
  return facts.text.length;
}

/** The finding of an absence rule whose protective language is missing (with the closest language there is, when known). */
export function absenceFinding(outcome: RuleOutcome, facts: DocumentFacts, near?: NearMiss | null): Finding {
  const rule = outcome.rule;
  const insertAt = insertionPoint(outcome, facts);
  const values = { ...textValues(facts.document.parties), ...facts.terms() };
  const finding: Finding = {
    id: `${rule.id}@absent`,
    ...base(rule),
    message: fillText(rule.spec.message, { ...values, quote: '' }),
    span: null,
    quote: '',
    location: readerLocation(facts, Math.max(0, insertAt - 1)),
    insertAt,
  };
  if (near) finding.nearMiss = near;
  const redline = makeRedline(rule, facts, { start: insertAt, end: insertAt }, [], insertAt);
  if (redline) finding.redline = redline;
  return finding;
}

export { quoteOf };
