/**
 * Which way is worse for the provider, per key-term field: the data the portfolio marks
 * contracts by. A field not listed here is shown but never marked (parties, dates, governing
 * law, or terms where neither direction is plainly worse, such as the renewal term).
 */

/** `higher`: more is better for the provider (a longer filing window); `lower`: less is better (a shorter lookback). */
export type Better = 'higher' | 'lower';

/** One field's direction and the reason, in words shown beside the mark. */
export interface TermDirection {
  better: Better;
  why: string;
}

/** The bundled directions, by key-term field id. */
export const TERM_DIRECTIONS: Readonly<Record<string, TermDirection>> = {
  'termination-without-cause-payer': { better: 'higher', why: 'a shorter notice lets the payer drop the provider sooner' },
  'termination-without-cause-provider': { better: 'lower', why: 'a longer notice keeps the provider in a contract it wants to leave' },
  'cure-period': { better: 'higher', why: 'a shorter cure period leaves less time to fix an alleged breach' },
  'timely-filing-initial': { better: 'higher', why: 'a shorter filing window denies more late claims' },
  'timely-filing-corrected': { better: 'higher', why: 'a shorter window for corrected claims denies more corrections' },
  'appeal-window': { better: 'higher', why: 'a shorter appeal window loses more disputes by default' },
  'clean-claim-payment': { better: 'lower', why: 'a longer payment deadline delays cash' },
  'audit-lookback': { better: 'lower', why: 'a longer lookback exposes more paid claims to recoupment' },
  'recoupment-notice': { better: 'higher', why: 'a shorter notice leaves less time to contest an offset' },
  'amendment-notice': { better: 'higher', why: 'a shorter notice leaves less time to object to an amendment' },
  'policy-change-notice': { better: 'higher', why: 'a shorter notice leaves less time to prepare for a policy change' },
  'rate-basis': { better: 'higher', why: 'a lower percentage of the same fee schedule pays less (compared only between contracts on the same schedule)' },
};
