/**
 * Small printing helpers shared by the `pnpm eval` parts, so every table reads the same way.
 */
import { precisionOf, recallOf } from './document-scoring.ts';
import type { Tally } from './document-scoring.ts';

/** `0.724 (21/29)`, or `-` when the denominator is 0 (nothing to measure). */
export function fraction(numerator: number, denominator: number): string {
  return denominator === 0 ? '-' : `${(numerator / denominator).toFixed(3)} (${numerator}/${denominator})`;
}

/** A pipe-separated row, the format the team pastes into notes. */
export const row = (...cells: Array<string | number>): string => cells.join(' | ');

/** Section heading between parts. */
export function heading(title: string): void {
  console.log(`\n== ${title} ==`);
}

/** Print a recall / precision / decoy-hit table, one row per key plus the per-concept rows. */
export function printGoldTables(firstColumn: string, rows: Array<[string, Tally]>, byConcept: Map<string, Tally> | null, concept: string | null): void {
  console.log(`\n${row(firstColumn, 'recall', 'precision', 'decoy hits', 'gold', 'findings')}`);
  for (const [key, t] of rows) console.log(row(key, recallOf(t).toFixed(3), precisionOf(t).toFixed(3), t.decoyHits, t.gold, t.findings));
  if (!byConcept) return;
  console.log(`\n${row('concept', 'gold', 'found', 'findings', 'false pos', 'decoy hits')}`);
  for (const [id, t] of [...byConcept].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (concept && id !== concept) continue;
    console.log(row(id, t.gold, t.found, t.findings, t.findings - t.truePositives, t.decoyHits));
  }
}
