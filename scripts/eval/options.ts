/**
 * Command-line options of `pnpm eval`.
 */

/**
 * Which parts to run: payer-dev gold (`dev`), the clause bank (`bank`), self-labeled agreements
 * (`self`), held-out labels (`held-out`), key terms on payer-dev and the seen HiLabs agreements
 * (`terms`) and on the held-out ones, aggregate only (`terms-held-out`).
 */
export type EvalPart = 'dev' | 'bank' | 'self' | 'held-out' | 'terms' | 'terms-held-out';

/** Parsed options. */
export interface EvalOptions {
  strict: boolean;
  verbose: boolean;
  /** Print every clause that satisfied an absence rule (payer-dev and self-labeled only, never the bank or held-out). */
  evidence: boolean;
  /** Restrict clause-bank rows and verbose notes to one concept. */
  concept: string | null;
  parts: EvalPart[];
  /**
   * Read the HiLabs agreements' scanned pages with OCR (default; `--no-ocr` turns it off). The
   * self labels cover the scanned pages too, quoting their text as OCR reads it; labels marked
   * `"ocr": true` are left out when OCR is off, as their text is then never read.
   */
  ocr: boolean;
  /**
   * Print the clause bank's aside aggregate (`--aside`; `--strict` implies it, as its gate needs
   * the slice). Opt-in so that routine runs during rule work never show it by accident.
   */
  aside: boolean;
}

const PARTS: readonly EvalPart[] = ['dev', 'bank', 'self', 'held-out', 'terms', 'terms-held-out'];

/** Parse argv (without node and script); throws with a usage message on a bad value. */
export function parseEvalOptions(argv: readonly string[]): EvalOptions {
  const value = (flag: string): string | null => {
    const at = argv.indexOf(flag);
    if (at < 0) return null;
    const next = argv[at + 1];
    if (!next || next.startsWith('-')) throw new Error(`${flag} needs a value`);
    return next;
  };
  const only = value('--only');
  if (only !== null && !PARTS.includes(only as EvalPart)) throw new Error(`--only must be one of ${PARTS.join(', ')}`);
  return {
    strict: argv.includes('--strict'),
    verbose: argv.includes('--verbose') || argv.includes('-v'),
    evidence: argv.includes('--evidence'),
    concept: value('--concept'),
    parts: only === null ? [...PARTS] : [only as EvalPart],
    ocr: !argv.includes('--no-ocr'),
    aside: argv.includes('--aside') || argv.includes('--strict'),
  };
}
