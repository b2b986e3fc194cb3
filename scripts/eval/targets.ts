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
    // Measured 0.804 recall, 0.007 false alarms (393/489, 3/425); was 0.434 / 0.031.
    seen: { recall: 0.8, maxFalseAlarmRate: 0.02 },
    // Measured 0.645 recall, 0.061 false alarms (71/110, 6/98); was 0.391 / 0.061.
    aside: { recall: 0.6, maxFalseAlarmRate: 0.1 },
  },
  // Six HiLabs agreements labeled in gold/hilabs_2025/: measured 0.608 recall, 0.566 precision.
  selfLabeled: { recall: 0.6, precision: 0.55, maxDecoyHits: 0 },
} as const;
