/**
 * The portfolio matrix from each contract's key terms and findings: the values side by side,
 * each compared field marked where a contract is worse than the best in the portfolio
 * (directions in `term-directions.ts`), and a payer scorecard. Pure.
 */
import type { KeyTerm, Severity } from '@redliner/rules';
import type { PayerScore, Portfolio, PortfolioCell, PortfolioColumn, PortfolioInput, PortfolioRow } from './portfolio-types.ts';
import { TERM_DIRECTIONS, type TermDirection } from './term-directions.ts';

const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low'];

/**
 * Risk points: each concept flagged counts once, at its worst severity (ten findings of one
 * concept are one problem to negotiate, not ten), plus each term worse than the portfolio's best.
 */
export const SCORE_WEIGHTS = { high: 10, medium: 5, low: 2, worseTerm: 3 } as const;

/**
 * Points that take the score to about 37 (1/e). A plain "100 minus points" reached 0 for every real
 * payer draft (a dozen high findings), so drafts could not be ranked; the decay keeps every
 * difference visible and never goes below 0.
 */
export const SCORE_SCALE = 100;

/** The scorecard's formula, shown with it. */
export const SCORE_FORMULA = `score = 100 × e^(−points ÷ ${SCORE_SCALE}), rounded; points = ${SCORE_WEIGHTS.high} per concept with a high finding, ${SCORE_WEIGHTS.medium} per concept whose worst is medium, ${SCORE_WEIGHTS.low} per concept whose worst is low, + ${SCORE_WEIGHTS.worseTerm} per term worse than the portfolio's best; a payer's score is the mean of its contracts'`;

/** The score of one contract from its findings by concept and its terms worse than the best. */
export function contractScore(concepts: PortfolioRow['concepts'], worseTerms: number): number {
  let points = SCORE_WEIGHTS.worseTerm * worseTerms;
  for (const counts of Object.values(concepts)) {
    const worst = SEVERITIES.find((s) => counts[s] > 0);
    if (worst) points += SCORE_WEIGHTS[worst];
  }
  return Math.round(100 * Math.exp(-points / SCORE_SCALE));
}

// Fields shown in their own columns (payer, product) or not useful side by side (whole clauses).
const NOT_COLUMNS = new Set(['parties', 'products-covered']);

/** The number a field compares by; "no limit" ranks beyond any number; rates compare only on the same schedule (`group`). */
function rankOf(term: KeyTerm | undefined): { rank: number; group: string } | undefined {
  const v = term?.status === 'stated' ? term.value : undefined;
  if (!v) return undefined;
  if (v.kind === 'duration') return { rank: v.days ?? Number.POSITIVE_INFINITY, group: '' };
  if (v.kind === 'percent') return { rank: v.percent, group: '' };
  if (v.kind === 'rate' && v.percent !== undefined) return { rank: v.percent, group: v.schedule ?? '' };
  return undefined;
}

function payerOf(term: KeyTerm | undefined): string {
  const v = term?.status === 'stated' ? term.value : undefined;
  if (v?.kind === 'parties' && v.payer) return v.payer;
  if (v?.kind === 'text' && v.text) return v.text;
  return 'Payer not named';
}

/** Build the matrix of `inputs` (in the order given). */
export function buildPortfolio(inputs: readonly PortfolioInput[], directions: Readonly<Record<string, TermDirection>> = TERM_DIRECTIONS): Portfolio {
  const columns: PortfolioColumn[] = [];
  for (const input of inputs) {
    for (const t of input.terms.terms) {
      if (NOT_COLUMNS.has(t.id) || columns.some((c) => c.id === t.id)) continue;
      const d = directions[t.id];
      columns.push({ id: t.id, title: t.title, ...(d ? { better: d.better, why: d.why } : {}) });
    }
  }
  // The best rank per compared field (per schedule for rates).
  const best = new Map<string, number>();
  for (const input of inputs) {
    for (const t of input.terms.terms) {
      const d = directions[t.id];
      const r = rankOf(t);
      if (!d || !r) continue;
      const key = `${t.id}|${r.group}`;
      const current = best.get(key);
      if (current === undefined || (d.better === 'higher' ? r.rank > current : r.rank < current)) best.set(key, r.rank);
    }
  }
  const concepts = new Set<string>();
  const rows = inputs.map((input): PortfolioRow => {
    const cells: Record<string, PortfolioCell> = {};
    let worseTerms = 0;
    for (const column of columns) {
      const t = input.terms.terms.find((x) => x.id === column.id);
      const r = rankOf(t);
      const top = r ? best.get(`${column.id}|${r.group}`) : undefined;
      const worse = Boolean(column.better && r && top !== undefined && r.rank !== top);
      if (worse) worseTerms += 1;
      cells[column.id] = { display: t?.status === 'stated' ? (t.display ?? t.asWritten ?? '') : 'not stated', stated: t?.status === 'stated', corrected: Boolean(t?.corrected), ...(r && column.better ? { rank: r.rank } : {}), worse, best: Boolean(column.better && r && top === r.rank) };
    }
    const counts: Record<Severity, number> = { high: 0, medium: 0, low: 0 };
    const byConcept: PortfolioRow['concepts'] = {};
    for (const f of input.findings) {
      counts[f.severity] += 1;
      concepts.add(f.concept);
      byConcept[f.concept] ??= { high: 0, medium: 0, low: 0 };
      byConcept[f.concept]![f.severity] += 1;
    }
    const products = input.terms.terms.find((t) => t.id === 'products-covered');
    const score = contractScore(byConcept, worseTerms);
    return {
      id: input.id,
      name: input.name,
      payer: payerOf(input.terms.terms.find((t) => t.id === 'parties')),
      product: products?.status === 'stated' ? (products.display ?? '') : 'not stated',
      cells,
      counts,
      concepts: byConcept,
      decided: input.decided,
      total: input.total,
      worseTerms,
      score,
    };
  });
  return { columns, rows, concepts: [...concepts].sort(), scorecard: scorecard(rows), formula: SCORE_FORMULA };
}

function scorecard(rows: readonly PortfolioRow[]): PayerScore[] {
  const byPayer = new Map<string, PortfolioRow[]>();
  for (const row of rows) byPayer.set(row.payer, [...(byPayer.get(row.payer) ?? []), row]);
  return [...byPayer]
    .map(([payer, list]): PayerScore => ({
      payer,
      contracts: list.length,
      score: Math.round((list.reduce((s, r) => s + r.score, 0) / list.length) * 10) / 10,
      high: list.reduce((s, r) => s + r.counts.high, 0),
      medium: list.reduce((s, r) => s + r.counts.medium, 0),
      low: list.reduce((s, r) => s + r.counts.low, 0),
      worseTerms: list.reduce((s, r) => s + r.worseTerms, 0),
    }))
    .sort((a, b) => a.score - b.score || a.payer.localeCompare(b.payer));
}
