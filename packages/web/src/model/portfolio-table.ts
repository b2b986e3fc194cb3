/** Sorting and filtering the portfolio matrix. Pure, so they are tested without a browser. */
import type { PortfolioRow } from '../types.ts';

/** What the matrix can be sorted by: a fixed column or a key-term field id. */
export type SortKey = 'name' | 'payer' | 'product' | 'high' | 'medium' | 'low' | 'decided' | 'score' | `term:${string}`;

/** A sort: key and direction. */
export interface Sort {
  key: SortKey;
  descending: boolean;
}

type Comparable = { kind: 'number'; n: number } | { kind: 'text'; t: string } | { kind: 'none' };

function keyOf(row: PortfolioRow, key: SortKey): Comparable {
  if (key.startsWith('term:')) {
    const cell = row.cells[key.slice(5)];
    if (!cell?.stated) return { kind: 'none' };
    return cell.rank !== undefined ? { kind: 'number', n: cell.rank } : { kind: 'text', t: cell.display.toLowerCase() };
  }
  switch (key) {
    case 'name':
    case 'payer':
    case 'product':
      return { kind: 'text', t: row[key].toLowerCase() };
    case 'high':
    case 'medium':
    case 'low':
      return { kind: 'number', n: row.counts[key] };
    case 'decided':
      return { kind: 'number', n: row.total === 0 ? 1 : row.decided / row.total };
    default:
      return { kind: 'number', n: row.score };
  }
}

/** The rows sorted by `sort`; "not stated" always last whichever the direction, ties by name. */
export function sortRows(rows: readonly PortfolioRow[], sort: Sort): PortfolioRow[] {
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = keyOf(a, sort.key);
    const y = keyOf(b, sort.key);
    if (x.kind === 'none' || y.kind === 'none') return x.kind === y.kind ? a.name.localeCompare(b.name) : x.kind === 'none' ? 1 : -1;
    const order = x.kind === 'number' && y.kind === 'number' ? x.n - y.n : String(x.kind === 'text' ? x.t : x.n).localeCompare(String(y.kind === 'text' ? y.t : y.n));
    return order !== 0 ? sign * order : a.name.localeCompare(b.name);
  });
}

/** The rows whose contract, payer or product holds every word of `query` (case-insensitive). */
export function filterRows(rows: readonly PortfolioRow[], query: string): PortfolioRow[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((r) => {
    const hay = `${r.name} ${r.payer} ${r.product}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

/** "audit-lookback 1 high, 2 low": a row's risks by concept, worst first. */
export function conceptSummary(row: PortfolioRow): string[] {
  return Object.entries(row.concepts)
    .sort(([a, x], [b, y]) => y.high - x.high || y.medium - x.medium || y.low - x.low || a.localeCompare(b))
    .map(([concept, c]) => `${concept} ${(['high', 'medium', 'low'] as const).filter((s) => c[s] > 0).map((s) => `${c[s]} ${s}`).join(', ')}`);
}

/** Concepts a matrix row lists before "n more" (a payer draft has twenty or more: all of them made each row a page tall). */
export const CONCEPTS_SHOWN = 3;

/** A row's concept lines split into those shown and those behind "n more", worst first. */
export function conceptPreview(row: PortfolioRow, shown = CONCEPTS_SHOWN): { shown: string[]; more: string[] } {
  const lines = conceptSummary(row);
  // Hiding a single line saves nothing: "1 more" takes the same room as the line.
  if (lines.length <= shown + 1) return { shown: lines, more: [] };
  return { shown: lines.slice(0, shown), more: lines.slice(shown) };
}

/** Characters of a long text value (a forum, a products clause) a matrix cell shows; the whole value is its tooltip. */
export const CELL_CHARS = 60;

/** `text` cut to `max` characters at a word where one is near, with "…"; `full` is set only when cut. */
export function clipped(text: string, max = CELL_CHARS): { text: string; full?: string } {
  if (text.length <= max) return { text };
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return { text: `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`, full: text };
}
