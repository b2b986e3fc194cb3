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
    // Measured 0.434 recall, 0.031 false alarms (212/489, 13/425).
    seen: { recall: 0.4, maxFalseAlarmRate: 0.05 },
    // Measured 0.391 recall, 0.061 false alarms (43/110, 6/98).
    aside: { recall: 0.35, maxFalseAlarmRate: 0.1 },
  },
  // No agreement was labeled yet when this was added, so nothing could be measured: set these
  // once gold/hilabs_2025/ has labels.
  selfLabeled: { recall: 0, precision: 0 },
} as const;
