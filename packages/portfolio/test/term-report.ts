/** Key-terms reports for tests: every deadline field "not stated", then filled in the way a user corrects them. */
import { applyCorrections, type KeyTerm, type KeyTermsReport, type TermReadKind } from '@redliner/rules';

const FIELDS: Array<[string, TermReadKind]> = [
  ['effective-date', 'date'],
  ['initial-term', 'duration'],
  ['automatic-renewal', 'yes-no'],
  ['renewal-term', 'duration'],
  ['non-renewal-notice', 'duration'],
  ['timely-filing-initial', 'duration'],
  ['audit-lookback', 'duration'],
  ['parties', 'parties'],
  ['rate-basis', 'rate'],
];

/** A report of `name` whose fields read as the typed `values` ("2027-01-01", "3 years", "Yes"). */
export function termReport(values: Record<string, string>, name = 'contract.docx'): KeyTermsReport {
  const terms: KeyTerm[] = FIELDS.map(([id, read]) => ({ id, title: id, read, status: 'not-stated' }));
  const base: KeyTermsReport = { version: 1, definitions: { ruleset: 'test', version: '1' }, document: { name }, terms };
  const corrections = Object.fromEntries(Object.entries(values).map(([id, text]) => [id, { text, at: '2026-01-01T00:00:00Z' }]));
  return applyCorrections(base, corrections);
}
