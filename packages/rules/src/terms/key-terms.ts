/**
 * `readKeyTerms(document, definitions)`: every key-term field over one contract. For each
 * field, the clauses where its `match` holds (and no `unless` does) are candidates; one in a
 * preferred section wins over one elsewhere, then the earliest; the first that holds a value
 * of the field's kind gives the value. A field no clause states is "not stated". Pure.
 */
import type { ContractDocument } from '@redliner/parser';
import { documentFacts } from '../match/document-facts.ts';
import { readerLocation } from '../analysis/findings.ts';
import { findLeafHits } from '../match/leaf-hits.ts';
import { anchorHits, evaluate, type Hit, type MatchContext } from '../match/match-rule.ts';
import { unitIndexAt } from '../match/spans.ts';
import type { Span } from '../types.ts';
import type { CompiledTerm, KeyTermDefinitions } from './compiled-terms.ts';
import { displayValue } from './display-value.ts';
import { KEY_TERMS_VERSION, type KeyTerm, type KeyTermsReport, type TermValue } from './key-term-types.ts';
import { readValue, type ReadValue } from './read-value.ts';

// A clause caption run in with its text ("10.1 Term and renewal.", "8.4 Mediation; No Mandatory Arbitration.").
const CAPTION = /^\s*(?:(?:section|article)\s+)?[\dIVXivx]+(?:\.[\dA-Za-z]+)*\.?\s+[^.]{1,60}[.:]?\s*$/i;

function isHeading(ctx: MatchContext, unit: Span): boolean {
  const block = ctx.facts.document.blocks.find((b) => b.start <= unit.start && unit.start < b.end);
  if (block?.kind === 'heading' && block.end <= unit.end + 1) return true;
  const text = ctx.facts.text.slice(unit.start, unit.end);
  return CAPTION.test(text) && text.trim().split(/\s+/).length <= 7;
}

interface Candidate {
  unit: Span;
  hits: Hit[];
  preferred: boolean;
}

/** Units where the field's match holds, preferred sections first, then in text order. */
function candidates(term: CompiledTerm, ctx: MatchContext): Candidate[] {
  if (!term.match) return [];
  const units = ctx.facts.units(term.scope);
  const anchors = anchorHits(term.match, ctx);
  let list = units;
  if (anchors) {
    const indexes = new Set<number>();
    for (const hits of anchors) for (const hit of hits) {
      const i = unitIndexAt(units, hit.start);
      if (i >= 0) indexes.add(i);
    }
    list = [...indexes].sort((a, b) => a - b).map((i) => units[i]!);
  }
  const out: Candidate[] = [];
  for (const unit of list) {
    // A heading ("9.2 Arbitration.") names the topic but states no term; it still may carry a
    // number or date ("Effective Date: March 1, 2026"), which the value readers look for.
    if ((term.read === 'text' || term.read === 'yes-no' || term.read === 'list') && isHeading(ctx, unit)) continue;
    const titles = term.sectionOnly || term.sectionPrefer ? ctx.facts.sectionTitles(unit.start) : '';
    if (term.sectionOnly && !term.sectionOnly.test(titles)) continue;
    const hits = evaluate(term.match, unit, ctx);
    if (!hits || term.unless.some((node) => evaluate(node, unit, ctx))) continue;
    out.push({ unit, hits, preferred: term.sectionPrefer?.test(titles) ?? false });
  }
  return out.sort((a, b) => Number(b.preferred) - Number(a.preferred) || a.unit.start - b.unit.start);
}

function base(term: CompiledTerm): KeyTerm {
  const out: KeyTerm = { id: term.id, title: term.title, read: term.read, status: 'not-stated' };
  if (term.help) out.help = term.help;
  return out;
}

function searchedWords(term: CompiledTerm): string {
  const where = term.sectionOnly ? `sections titled ${term.sectionOnly.source.replace(/^\\b\(\?:|\)$/g, '').replace(/\|/g, ', ')}` : 'the whole contract';
  return `No clause in ${where} states it.`;
}

function partiesTerm(term: CompiledTerm, document: ContractDocument, ctx: MatchContext): KeyTerm {
  const out = base(term);
  const { payer, provider } = document.parties;
  if (!payer.name && !provider.name) {
    const redacted = payer.redacted || provider.redacted;
    return { ...out, searched: redacted ? 'The parties\' names are redacted in this copy.' : 'The preamble and signature blocks name neither party.' };
  }
  const value = { kind: 'parties' as const, ...(payer.name ? { payer: payer.name } : {}), ...(provider.name ? { provider: provider.name } : {}) };
  const evidence = [...payer.evidence, ...provider.evidence].sort((a, b) => a.start - b.start)[0];
  const paragraphs = ctx.facts.units('paragraph');
  const unit = evidence ? paragraphs[unitIndexAt(paragraphs, evidence.start)] : undefined;
  const named: KeyTerm = { ...out, status: 'stated', asWritten: [payer.name, provider.name].filter(Boolean).join(' and '), value, display: displayValue(value) };
  if (!unit) return named;
  return { ...named, span: { ...unit }, quote: document.text.slice(unit.start, unit.end), location: readerLocation(ctx.facts, unit.start) };
}

/** A rate that defers to a schedule without saying how much of it ("the lesser of charges or the amount in the Compensation Schedule"). */
function defersToSchedule(read: ReadValue): boolean {
  return read.value.kind === 'rate' && read.value.percent === undefined && (read.value.schedule ?? 'fee-schedule') === 'fee-schedule';
}

/**
 * A contract often splits its rate in two: a definition ("Rate means the lesser of Eligible
 * Charges or the amount in the Compensation Schedule") and the schedule's percentage ("100% of the
 * State waiver rate"). Whichever of the two is read first is completed by the other: the value
 * takes the percentage and its schedule, and keeps the definition's lesser-of; the clause cited
 * is the one with the percentage.
 */
function completeRate(own: { read: ReadValue; unit: Span }, others: readonly Candidate[], term: CompiledTerm, ctx: MatchContext): { read: ReadValue; unit: Span } {
  const value = own.read.value;
  if (value.kind !== 'rate') return own;
  const wantPercent = defersToSchedule(own.read);
  if (!wantPercent && (value.percent === undefined || value.lesserOfCharges)) return own;
  for (const c of others) {
    const other = readValue(term, c.unit, c.hits, ctx);
    if (other?.value.kind !== 'rate') continue;
    if (wantPercent && other.value.percent !== undefined) {
      const merged: TermValue = { ...other.value, lesserOfCharges: other.value.lesserOfCharges || value.lesserOfCharges };
      return { read: { ...other, value: merged, asWritten: `${other.asWritten}; ${own.read.asWritten}`, display: displayValue(merged) }, unit: c.unit };
    }
    if (!wantPercent && other.value.lesserOfCharges && defersToSchedule(other)) {
      const merged: TermValue = { ...value, lesserOfCharges: true };
      return { read: { ...own.read, value: merged, asWritten: `${own.read.asWritten}; ${other.asWritten}`, display: displayValue(merged) }, unit: own.unit };
    }
  }
  return own;
}

function readTerm(term: CompiledTerm, document: ContractDocument, ctx: MatchContext): KeyTerm {
  if (term.read === 'parties') return partiesTerm(term, document, ctx);
  const cands = candidates(term, ctx);
  for (const [i, c] of cands.entries()) {
    const own = readValue(term, c.unit, c.hits, ctx);
    if (!own) continue;
    const { read, unit } = term.read === 'rate' ? completeRate({ read: own, unit: c.unit }, cands.filter((_, j) => j !== i), term, ctx) : { read: own, unit: c.unit };
    return {
      ...base(term),
      status: 'stated',
      asWritten: read.asWritten,
      value: read.value,
      display: read.display,
      span: { ...unit },
      quote: document.text.slice(unit.start, unit.end),
      valueSpan: read.valueSpan,
      location: readerLocation(ctx.facts, unit.start),
    };
  }
  return { ...base(term), searched: searchedWords(term) };
}

/** The key terms of `document` per `definitions` (from `loadKeyTerms`), in definition order. */
export function readKeyTerms(document: ContractDocument, definitions: KeyTermDefinitions): KeyTermsReport {
  const facts = documentFacts(document);
  const ctx: MatchContext = { facts, leafHits: findLeafHits(definitions.patterns, facts) };
  return {
    version: KEY_TERMS_VERSION,
    definitions: { ruleset: definitions.ruleset, version: definitions.version },
    document: { name: document.name, sha256: document.sha256 },
    terms: definitions.fields.map((term) => readTerm(term, document, ctx)),
  };
}
