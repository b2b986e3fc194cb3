/**
 * What reading a contract's key terms gives: one entry per field, with the value as written,
 * the value normalized (days, percent, ISO date, yes/no…), the quote and where it is, or
 * "not stated". Plain data, versioned, safe to serialise; later features (deadlines, the
 * portfolio matrix) read `value`, people read `display`.
 */
import type { FindingLocation, Span } from '../types.ts';
import type { TermReadKind } from './term-schema.ts';

/** The version of the key-terms output format. */
export const KEY_TERMS_VERSION = 1;

/** A value normalized for comparison and computation. */
export type TermValue =
  /** `days` is null when the contract sets no limit ("at any time"): then `unlimited` is true. */
  | { kind: 'duration'; days: number | null; unlimited: boolean }
  | { kind: 'percent'; percent: number }
  | { kind: 'money'; dollars: number }
  /** ISO yyyy-mm-dd. */
  | { kind: 'date'; date: string }
  | { kind: 'yes-no'; yes: boolean }
  | { kind: 'text'; text: string }
  | { kind: 'parties'; payer?: string; provider?: string }
  /** A rate: percent of a fee schedule (`schedule`: medicare, medicaid, billed-charges, fee-schedule), its year, and a "lesser of billed charges" cap. */
  | { kind: 'rate'; percent?: number; schedule?: string; year?: number; lesserOfCharges: boolean }
  /** The named items a list field found ("Medicaid", "Medicare Advantage"), in the contract's order. */
  | { kind: 'list'; items: string[] };

/** A user's correction of one field, kept with the review. */
export interface TermCorrection {
  /** The value as the user typed it ("120 days", "No", "2025-01-01"). */
  text: string;
  /** When it was saved (ISO timestamp). */
  at: string;
  note?: string;
}

/** One key term of one contract. */
export interface KeyTerm {
  id: string;
  title: string;
  help?: string;
  read: TermReadKind;
  status: 'stated' | 'not-stated';
  /** The contract's words for the value ("ninety (90) days"). */
  asWritten?: string;
  value?: TermValue;
  /** The normalized value in plain words ("90 days", "Yes", "2025-01-01"). */
  display?: string;
  /** The clause that states the term: its range of `ContractDocument.text` and its text. */
  span?: Span;
  quote?: string;
  /** The value's own words inside the quote. */
  valueSpan?: Span;
  location?: FindingLocation;
  /** Not stated: where it was looked for, in plain words. */
  searched?: string;
  /** Set when the user corrected the value: `value`/`display` are then the user's, and `original` what the contract reading gave. */
  corrected?: TermCorrection & { original: { status: KeyTerm['status']; asWritten?: string; display?: string } };
}

/** The key terms of one contract. */
export interface KeyTermsReport {
  version: typeof KEY_TERMS_VERSION;
  /** The definitions that produced it: ruleset name and the definitions' `version:`. */
  definitions: { ruleset: string; version: string };
  document: { name: string; sha256?: string };
  terms: KeyTerm[];
}
