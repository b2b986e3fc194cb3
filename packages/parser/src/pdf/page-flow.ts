/**
 * One page's reading order: columns resolved, tables placed where they sit, and each line
 * tagged with the edges of its column (paragraph and heading tests need them).
 */
import { orderColumns } from './columns.ts';
import type { FlowEntry, PageTable, TextLine } from './pdf-types.ts';

function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;
}

/** Flow entries for a page, top to bottom in reading order. */
export function pageFlow(lines: readonly TextLine[], tables: readonly PageTable[], pageWidth: number): FlowEntry[] {
  const ordered = orderColumns(lines);
  const edges = new Map<string, { left: number; right: number }>();
  for (const side of ['full', 'left', 'right'] as const) {
    const own = ordered.filter((o) => o.side === side).map((o) => o.line);
    const all = own.length >= 3 ? own : lines;
    edges.set(side, { left: all.length ? Math.min(...all.map((l) => l.x0)) : 0, right: all.length ? quantile(all.map((l) => l.x1), 0.9) : pageWidth });
  }
  const flow: FlowEntry[] = [];
  const pending = [...tables].sort((a, b) => a.top - b.top);
  for (const o of ordered) {
    while (pending.length > 0 && pending[0]!.top < o.line.baseline && o.side !== 'right') flow.push({ kind: 'table', table: pending.shift()! });
    const edge = edges.get(o.side)!;
    flow.push({ kind: 'line', line: o.line, columnBreak: o.columnBreak, leftEdge: edge.left, rightEdge: Math.max(edge.right, o.line.x1) });
  }
  for (const table of pending) flow.push({ kind: 'table', table });
  return flow;
}
