/**
 * A user's corrections laid over the key terms read from the contract. The correction wins
 * wherever the terms are shown or exported; what the reading gave stays in `corrected.original`
 * so counsel can see what was changed. Pure.
 */
import { displayValue, valueFromText } from './display-value.ts';
import type { KeyTerm, KeyTermsReport, TermCorrection } from './key-term-types.ts';

/** Corrections by field id. */
export type TermCorrections = Readonly<Record<string, TermCorrection>>;

/** One term with its correction applied. A blank correction text means "not stated". */
export function correctTerm(term: KeyTerm, correction: TermCorrection): KeyTerm {
  const original: NonNullable<KeyTerm['corrected']>['original'] = { status: term.status };
  if (term.asWritten !== undefined) original.asWritten = term.asWritten;
  if (term.display !== undefined) original.display = term.display;
  const { asWritten: _a, value: _v, display: _d, searched: _s, corrected: _c, ...rest } = term;
  const corrected = { ...correction, original };
  const text = correction.text.trim();
  if (text === '' || /^not stated$/i.test(text)) return { ...rest, status: 'not-stated', corrected };
  const value = valueFromText(term.read, text) ?? { kind: 'text' as const, text };
  return { ...rest, status: 'stated', asWritten: text, value, display: displayValue(value, text), corrected };
}

/** The report with every correction whose field it has applied (corrections of unknown fields are ignored). */
export function applyCorrections(report: KeyTermsReport, corrections: TermCorrections): KeyTermsReport {
  return { ...report, terms: report.terms.map((t) => (corrections[t.id] ? correctTerm(t, corrections[t.id]!) : t)) };
}
