/**
 * Scoring key terms against gold, field by field. A field is "stated" when its gold value is
 * not "not stated": then the extractor is correct (an accepted value), missed (not stated) or
 * wrong (another value). A field whose gold is "not stated" is either right (not stated) or
 * invented (a value the contract does not give), the worst outcome for a reader.
 */
import { acceptedValues, NOT_STATED } from './key-term-gold.ts';
import type { GoldTerms } from './key-term-gold.ts';

/** How one field came out. */
export type TermOutcome = 'correct' | 'wrong' | 'missed' | 'invented' | 'none';

/** Counts over fields. */
export interface TermTally {
  /** Fields the gold states. */
  stated: number;
  correct: number;
  wrong: number;
  missed: number;
  /** Fields the gold says are not stated. */
  notStated: number;
  invented: number;
}

/** One field's result, for `--verbose`. */
export interface TermResult {
  id: string;
  outcome: TermOutcome;
  expected: string[];
  got: string;
}

/** A zero tally. */
export const emptyTermTally = (): TermTally => ({ stated: 0, correct: 0, wrong: 0, missed: 0, notStated: 0, invented: 0 });

/** Add `from` into `into`. */
export function addTermTally(into: TermTally, from: TermTally): void {
  for (const key of Object.keys(into) as Array<keyof TermTally>) into[key] += from[key];
}

/** The outcome of one field: `got` is the display value or "not stated". */
export function termOutcome(expected: readonly string[], got: string): TermOutcome {
  const norm = (s: string) => s.trim().toLowerCase();
  const statedGold = !expected.some((e) => norm(e) === NOT_STATED);
  const gotNone = norm(got) === NOT_STATED;
  if (!statedGold) return gotNone ? 'none' : 'invented';
  if (gotNone) return 'missed';
  return expected.some((e) => norm(e) === norm(got)) ? 'correct' : 'wrong';
}

/** Score one contract: `got` maps field id to display value ("not stated" for none). */
export function scoreTerms(gold: GoldTerms, got: ReadonlyMap<string, string>, byField: Map<string, TermTally>, total: TermTally): TermResult[] {
  const results: TermResult[] = [];
  for (const [id, term] of Object.entries(gold.fields)) {
    const expected = acceptedValues(term);
    const value = got.get(id) ?? NOT_STATED;
    const outcome = termOutcome(expected, value);
    const field = byField.get(id) ?? emptyTermTally();
    byField.set(id, field);
    for (const t of [field, total]) {
      if (outcome === 'none' || outcome === 'invented') {
        t.notStated += 1;
        if (outcome === 'invented') t.invented += 1;
      } else {
        t.stated += 1;
        t[outcome] += 1;
      }
    }
    results.push({ id, outcome, expected, got: value });
  }
  return results;
}
