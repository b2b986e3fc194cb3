/**
 * Pure view model for the contract text: blocks grouped into tables, and each block cut into
 * segments at every finding boundary so highlights can be rendered as plain text nodes.
 */
import type { Block, Finding, Severity } from '../types.ts';
import { blockAtOffset } from './clause-link.ts';

const RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1 };

/** A run of a block's text with the findings that cover it (empty when none). */
export interface Segment {
  text: string;
  start: number;
  end: number;
  /** Ids of the findings covering this run, most severe first. */
  findingIds: string[];
  /** The most severe covering finding's severity, or null for plain text. */
  severity: Severity | null;
  /** True for the clause number ("4.2", "(b)") at the start of the block. */
  label: boolean;
}

/** Findings that are shown as highlights: present language with a location in the text. */
export function highlightable(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.kind === 'presence' && f.span !== null && f.span.end > f.span.start);
}

/** Cut one block into segments. `findings` may be all findings; only overlapping ones count. */
export function blockSegments(text: string, block: Block, findings: readonly Finding[]): Segment[] {
  const { start, end } = block;
  const covering = highlightable(findings).filter((f) => f.span!.start < end && f.span!.end > start);
  const cuts = new Set<number>([start, end]);
  const labelEnd = block.label && text.startsWith(block.label, start) ? start + block.label.length : start;
  if (labelEnd > start && labelEnd < end) cuts.add(labelEnd);
  for (const f of covering) {
    cuts.add(Math.max(start, f.span!.start));
    cuts.add(Math.min(end, f.span!.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    if (b <= a) continue;
    const here = covering
      .filter((f) => f.span!.start <= a && f.span!.end >= b)
      .sort((x, y) => RANK[y.severity] - RANK[x.severity] || x.span!.start - y.span!.start);
    segments.push({
      text: text.slice(a, b),
      start: a,
      end: b,
      findingIds: here.map((f) => f.id),
      severity: here[0]?.severity ?? null,
      label: b <= labelEnd,
    });
  }
  return segments;
}

/** A block to render on its own, or a run of table cells of one table. */
export type LayoutItem =
  | { type: 'block'; block: Block; pageBreak: number | null }
  | { type: 'table'; table: number; rows: Block[][]; pageBreak: number | null };

/**
 * Group consecutive table cells of the same table into rows (ordered by row, then column), and
 * note where a new PDF page starts so the reader can see page numbers.
 */
export function layoutBlocks(blocks: readonly Block[]): LayoutItem[] {
  const items: LayoutItem[] = [];
  let page: number | undefined;
  const pageBreak = (block: Block): number | null => {
    if (block.page === undefined || block.page === page) return null;
    page = block.page;
    return block.page;
  };
  for (const block of blocks) {
    const brk = pageBreak(block);
    const last = items[items.length - 1];
    if (block.kind === 'table-cell' && block.table) {
      if (last && last.type === 'table' && last.table === block.table.table) {
        const rowIndex = block.table.row;
        let row = last.rows.find((r) => r[0]?.table?.row === rowIndex);
        if (!row) {
          row = [];
          last.rows.push(row);
        }
        row.push(block);
        continue;
      }
      items.push({ type: 'table', table: block.table.table, rows: [[block]], pageBreak: brk });
      continue;
    }
    items.push({ type: 'block', block, pageBreak: brk });
  }
  for (const item of items) {
    if (item.type !== 'table') continue;
    item.rows.sort((a, b) => (a[0]?.table?.row ?? 0) - (b[0]?.table?.row ?? 0));
    for (const row of item.rows) row.sort((a, b) => (a.table?.col ?? 0) - (b.table?.col ?? 0));
  }
  return items;
}

/** The block a finding should scroll to: where its span starts, or where missing language belongs. */
export function blockForFinding(blocks: readonly Block[], finding: Finding): Block | undefined {
  const at = finding.span?.start ?? finding.redline?.insertAt ?? finding.insertAt;
  return at === undefined ? undefined : blockAtOffset(blocks, at);
}
