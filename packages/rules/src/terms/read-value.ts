/**
 * Reads a field's value from the clause that states it: the number of the right kind nearest
 * to the words that matched (a clause often holds several durations: "upon ninety (90) days'
 * notice ... within thirty (30) days after"), a date, yes/no, captured text or a rate.
 */
import type { DocumentFacts } from '../match/document-facts.ts';
import { evaluate, type Hit, type MatchContext } from '../match/match-rule.ts';
import { extractYears } from '../numbers/quantities.ts';
import type { Span } from '../types.ts';
import type { CompiledTerm } from './compiled-terms.ts';
import { extractDates } from './dates.ts';
import { displayValue, scheduleOf } from './display-value.ts';
import { readListItems } from './read-list.ts';
import type { TermValue } from './key-term-types.ts';

const PERIOD_WORDS = /\b(?:from\s+)?(?<unit>year|month)[\s-]+to[\s-]+(?:year|month)\b|\b(?:another|an\s+additional|each\s+additional)\s+(?<unit2>year|month)\b|\b(?<annual>annually)\b/gi;

/** "year to year", "month-to-month", "another year", "annually": a period the number reader does not see (renewals). */
function periodWords(text: string, unit: Span): Array<Span & { value: number }> {
  const out: Array<Span & { value: number }> = [];
  for (const m of text.slice(unit.start, unit.end).matchAll(PERIOD_WORDS)) {
    const days = (m.groups?.unit ?? m.groups?.unit2)?.toLowerCase() === 'month' ? 365.25 / 12 : 365.25;
    out.push({ start: unit.start + m.index, end: unit.start + m.index + m[0].length, value: days });
  }
  return out;
}

/** A value read from a clause. */
export interface ReadValue {
  asWritten: string;
  value: TermValue;
  display: string;
  valueSpan: Span;
}

/** The candidate nearest to a matched word (number hits of the match count as matched words too). */
function nearest<T extends Span>(candidates: readonly T[], hits: readonly Hit[]): T | undefined {
  const marks = hits.filter((h) => !h.number);
  const chosen = candidates.filter((c) => hits.some((h) => h.number && h.start === c.start));
  if (chosen.length === 1 || (chosen.length > 1 && marks.length === 0)) return chosen[0];
  const pool = chosen.length ? chosen : candidates;
  if (marks.length === 0) return pool[0];
  let best: T | undefined;
  let bestDistance = Infinity;
  for (const c of pool) {
    const d = Math.min(...marks.map((m) => (c.end <= m.start ? m.start - c.end : c.start >= m.end ? c.start - m.end : 0)));
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function result(facts: DocumentFacts, span: Span, value: TermValue): ReadValue {
  const asWritten = facts.text.slice(span.start, span.end);
  return { asWritten, value, display: displayValue(value, asWritten), valueSpan: { start: span.start, end: span.end } };
}

function readRate(facts: DocumentFacts, unit: Span, hits: readonly Hit[]): ReadValue | null {
  const text = facts.text.slice(unit.start, unit.end);
  const percent = nearest(facts.numbersIn('percent', unit), hits);
  const schedule = scheduleOf(text);
  const lesserOfCharges = /\blesser\s+of\b[^.;]{0,80}\bcharges?\b/i.test(text);
  // "the lesser of charges or the amount in the Payment Exhibit" is a rate by a schedule, named or not.
  if (!percent && !schedule && !lesserOfCharges) return null;
  const value: TermValue = { kind: 'rate', lesserOfCharges: /\blesser\s+of\b/i.test(text) };
  // "the lesser of one hundred percent (100%) of Eligible Charges or the amount in the schedule":
  // the percentage is the charges cap, not the rate.
  const ofCharges = percent && value.lesserOfCharges && /^\s*of\s+(?:the\s+)?(?:provider'?s\s+|eligible\s+|billed\s+|usual\s+)*charges/i.test(facts.text.slice(percent.end, percent.end + 60));
  if (percent && !ofCharges) value.percent = percent.value;
  if (schedule) value.schedule = schedule;
  const year = extractYears(text, unit.start).find((y) => !percent || Math.abs(y.start - percent.end) < 120);
  if (year) value.year = year.value;
  // Without a percentage the value's words start at its "lesser of" (not at a clause number).
  const lesser = /\blesser\s+of\b/i.exec(text);
  const span = percent ? { start: percent.start, end: Math.max(percent.end, Math.min(unit.end, percent.end + 60)) } : { start: unit.start + (lesser?.index ?? 0), end: unit.end };
  // The value's words: from the percentage to the end of its schedule name, within the sentence
  // (a full stop ends it, a decimal point does not).
  const words = facts.text.slice(span.start, span.end).replace(/(?:;|\.(?!\d)).*$/s, '');
  return { asWritten: words.trim(), value, display: displayValue(value), valueSpan: { start: span.start, end: span.start + words.trimEnd().length } };
}

/** The value of `term` in `unit`, where its match gave `hits`; null when the clause holds no value of the kind. */
export function readValue(term: CompiledTerm, unit: Span, matched: readonly Hit[], ctx: MatchContext): ReadValue | null {
  const { facts } = ctx;
  let hits = matched;
  // The value nearest to the `near` words when they occur in the clause, else to the matched words.
  const nearHits = term.near ? evaluate(term.near, unit, ctx) : null;
  if (nearHits?.length) hits = nearHits.map((h) => ({ start: h.start, end: h.end }));
  switch (term.read) {
    case 'duration': {
      // "at any time" in a clause that also sets a period is not the period: finite values first,
      // and only fields that allow it (lookbacks) read "no limit" at all.
      const all = [...facts.numbersIn('duration', unit), ...periodWords(facts.text, unit)].sort((a, b) => a.start - b.start);
      const finite = all.filter((d) => Number.isFinite(d.value));
      // Nearest to the matched words; which durations the match's own test counted does not
      // matter here (fields test for any duration), and "year to year" is no number hit.
      const hit = nearest(finite.length || !term.unlimited ? finite : all, hits.filter((h) => !h.number));
      if (!hit) return null;
      // "at any time" reads as an unlimited duration (Infinity), which JSON cannot carry.
      const days = Number.isFinite(hit.value) ? Math.round(hit.value * 100) / 100 : null;
      return result(facts, hit, { kind: 'duration', days, unlimited: days === null });
    }
    case 'percent': {
      const hit = nearest(facts.numbersIn('percent', unit), hits);
      return hit ? result(facts, hit, { kind: 'percent', percent: hit.value }) : null;
    }
    case 'money': {
      const hit = nearest(facts.numbersIn('money', unit), hits);
      return hit ? result(facts, hit, { kind: 'money', dollars: hit.value }) : null;
    }
    case 'date': {
      const hit = nearest(extractDates(facts.text.slice(unit.start, unit.end), unit.start), hits);
      return hit ? result(facts, hit, { kind: 'date', date: hit.iso }) : null;
    }
    case 'yes-no': {
      const yes = term.yes ? evaluate(term.yes, unit, ctx) : null;
      const span = yes?.length ? { start: Math.min(...yes.map((h) => h.start)), end: Math.max(...yes.map((h) => h.end)) } : unit;
      return result(facts, span, { kind: 'yes-no', yes: yes !== null });
    }
    case 'text': {
      if (!term.value) return result(facts, unit, { kind: 'text', text: facts.text.slice(unit.start, unit.end).trim() });
      const text = facts.text.slice(unit.start, unit.end);
      term.value.lastIndex = 0;
      const m = term.value.exec(text);
      const words = m?.groups?.value;
      if (!m || !words) return null;
      const start = unit.start + m.index + m[0].indexOf(words);
      return result(facts, { start, end: start + words.length }, { kind: 'text', text: words.trim() });
    }
    case 'rate':
      return readRate(facts, unit, hits);
    case 'list': {
      // The first clause that says which decides; when it names no item and points nowhere
      // readable ("the Networks designated in writing"), its own words are the value.
      const items = readListItems(term, unit, ctx);
      return result(facts, unit, items.length ? { kind: 'list', items } : { kind: 'text', text: facts.text.slice(unit.start, unit.end).trim() });
    }
    case 'parties':
      return null; // read from the parser's parties (key-terms.ts)
  }
}
