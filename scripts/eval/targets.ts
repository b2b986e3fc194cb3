/**
 * Accuracy targets that `pnpm eval --strict` enforces. Payer-dev targets are the team's long-standing
 * bar. The clause-bank and self-labeled ones started at what the ruleset measured when they were
 * added (rounded down to 0.05 for recall/precision, up for false alarms), so `--strict` passed on
 * day one; raise them as the rules improve, never lower them to make a run pass.
 */

/** Payer-dev, per format (docx, pdf). */
export const PAYER_DEV_TARGETS = { recall: 0.95, precision: 0.95, maxDecoyHits: 0 } as const;

/** Clause bank (overall, across concepts) and self-labeled real agreements (overall). */
export const TARGETS = {
  bank: {
    // Measured 0.982 recall, 0.002 false alarms (480/489, 1/425); was 0.804 / 0.007, and 0.434 / 0.031 before vocabulary rules.
    seen: { recall: 0.95, maxFalseAlarmRate: 0.01 },
    // Measured 0.727 recall, 0.031 false alarms (80/110, 3/98); was 0.645 / 0.061, and 0.391 / 0.061 before.
    aside: { recall: 0.7, maxFalseAlarmRate: 0.05 },
  },
  // Six HiLabs agreements labeled in gold/hilabs_2025/: measured 0.959 recall, 0.942 precision (was 0.938 / 0.821, 0.608 / 0.566).
  selfLabeled: { recall: 0.95, precision: 0.9, maxDecoyHits: 0 },
  // Four HiLabs agreements labeled by readers who never saw the rules (gold/hilabs_2025_unseen/):
  // first measured 0.753 recall (64/85), 0.850 precision, 0 decoy hits, before any rule work looked at them;
  // 0.776 / 0.946 after the parser fixes and the drafting workbooks (which never read them).
  heldOut: { recall: 0.75, precision: 0.9, maxDecoyHits: 0 },
} as const;

/**
 * Key terms (`redliner terms`), per labeled set: the share of fields a contract states that are
 * read right, and fields read where the contract states none. `team` is issue 12's target
 * (>= 95%, none invented), printed beside each set. The gate per set follows the rule above: the
 * HiLabs gold gained five fields on 2026-12-07 (rate basis, products covered, late-payment
 * interest, dispute forum, TN governing law), labeled before the extractor's output was read;
 * measured then 0.922 (59/64) seen and 0.875 (28/32) held out, both 0 invented, so the gates start
 * at 0.90 and 0.85. Products covered then became a list of product lines read from the
 * networks attachment (`read: list`): 0.984 (63/64) seen, 0.906 (29/32) held out, so the gates
 * are 0.95 and 0.90. Left: a Medicaid waiver rate basis (a schedule row whose "lesser of" sits in
 * the rate's definition) seen; the held-out misses are not looked at.
 */
export const TERM_TARGETS = {
  team: { correct: 0.95, maxInvented: 0 },
  bySet: {
    'payer-dev': { correct: 0.95, maxInvented: 0 },
    'HiLabs seen': { correct: 0.95, maxInvented: 0 },
    'HiLabs held-out': { correct: 0.9, maxInvented: 0 },
  } as Record<string, { correct: number; maxInvented: number }>,
} as const;
