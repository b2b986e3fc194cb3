/** What the deadline computation gives for one contract: dated events, or why one cannot be dated. */

/** The kinds of deadline a contract's term creates. */
export type DeadlineKind = 'term-end' | 'non-renewal-notice' | 'renegotiate';

/** One dated deadline. */
export interface Deadline {
  kind: DeadlineKind;
  /** yyyy-mm-dd, an all-day date. */
  date: string;
  /** "Last day to send non-renewal notice". */
  title: string;
  /** How the date was counted, in plain words, naming the terms it comes from. */
  why: string;
  /** The key-term fields the date is computed from. */
  from: string[];
  /** The date is before today (kept so a missed deadline is visible, never silently dropped). */
  passed: boolean;
}

/** A deadline that cannot be dated, and what is missing. */
export interface MissingDeadline {
  kind: DeadlineKind;
  /** "cannot compute: the initial term is not stated". */
  reason: string;
  /** The fields to correct (in the Key terms panel) to date it. */
  needs: string[];
}

/** Options of the computation. */
export interface DeadlineOptions {
  /** yyyy-mm-dd: deadlines roll forward past this day. */
  today: string;
  /** Months before renewal or the notice deadline to start renegotiating (default 6). */
  renegotiateMonths?: number;
}

/** The deadlines of one contract. */
export interface ContractDeadlines {
  document: { name: string; sha256?: string };
  /** The day the computation counted from. */
  today: string;
  renegotiateMonths: number;
  /** The effective date used, when known. */
  effectiveDate?: string;
  /** Whether the contract renews automatically (undefined: not stated). */
  automaticRenewal?: boolean;
  /** Dated deadlines, earliest first. */
  deadlines: Deadline[];
  missing: MissingDeadline[];
}
