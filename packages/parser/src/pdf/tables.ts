/**
 * Tables drawn with ruling lines: vertical rules give the column boundaries, horizontal rules
 * the row boundaries, and every item falls into the cell that contains its centre. Cells keep
 * their wrapped lines together, so a rate description stays one block.
 */
import { buildLines } from './text-lines.ts';
import type { PageTable, PdfItem, RulingSegment, TextLine } from './pdf-types.ts';

const SNAP = 2;

interface Region {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  cols: number[];
}

/** Distinct positions, merging those closer than SNAP. */
function distinct(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) if (out.length === 0 || v - out[out.length - 1]! > SNAP) out.push(v);
  return out;
}

/** Group vertical rules whose y ranges overlap into table regions with at least two columns. */
function regions(rulings: readonly RulingSegment[]): Region[] {
  const verticals = rulings.filter((r) => r.orientation === 'v').sort((a, b) => a.from - b.from);
  const groups: RulingSegment[][] = [];
  let current: RulingSegment[] = [];
  let reach = -Infinity;
  for (const v of verticals) {
    if (current.length > 0 && v.from > reach + SNAP) {
      groups.push(current);
      current = [];
    }
    current.push(v);
    reach = current.length === 1 ? v.to : Math.max(reach, v.to);
  }
  if (current.length > 0) groups.push(current);
  const out: Region[] = [];
  for (const group of groups) {
    const cols = distinct(group.map((v) => v.at));
    if (cols.length < 3) continue;
    out.push({ x0: cols[0]!, x1: cols[cols.length - 1]!, y0: Math.min(...group.map((v) => v.from)), y1: Math.max(...group.map((v) => v.to)), cols });
  }
  return out;
}

function rowBoundaries(region: Region, rulings: readonly RulingSegment[]): number[] {
  const width = region.x1 - region.x0;
  const ys = rulings
    .filter((r) => r.orientation === 'h' && r.at >= region.y0 - SNAP && r.at <= region.y1 + SNAP)
    .filter((r) => Math.min(r.to, region.x1) - Math.max(r.from, region.x0) >= width * 0.3)
    .map((r) => r.at);
  return distinct([region.y0, region.y1, ...ys]);
}

function indexOf(bounds: readonly number[], value: number): number {
  for (let i = 0; i < bounds.length - 1; i++) if (value < bounds[i + 1]!) return i;
  return bounds.length - 2;
}

/** Pull the items of ruled tables out of the page's lines. Returns the tables and the lines left over. */
export function extractRuledTables(lines: readonly TextLine[], rulings: readonly RulingSegment[]): { tables: PageTable[]; lines: TextLine[] } {
  const found = regions(rulings);
  if (found.length === 0) return { tables: [], lines: [...lines] };
  const buckets = found.map(() => new Map<string, PdfItem[]>());
  const bounds = found.map((r) => rowBoundaries(r, rulings));
  const rest: PdfItem[][] = [];
  let moved = false;
  for (const line of lines) {
    const kept: PdfItem[] = [];
    for (const fragment of line.fragments) {
      for (const item of fragment.items) {
        const cx = item.x + item.width / 2;
        const cy = item.baseline - item.size * 0.3;
        const at = found.findIndex((r) => cx > r.x0 && cx < r.x1 && cy > r.y0 && cy < r.y1);
        if (at < 0) {
          kept.push(item);
          continue;
        }
        moved = true;
        const region = found[at]!;
        const key = `${indexOf(bounds[at]!, cy)}:${indexOf(region.cols, cx)}`;
        const bucket = buckets[at]!;
        const list = bucket.get(key) ?? [];
        list.push(item);
        bucket.set(key, list);
      }
    }
    if (kept.length > 0) rest.push(kept);
  }
  const tables: PageTable[] = [];
  found.forEach((region, at) => {
    const bucket = buckets[at]!;
    if (bucket.size === 0) return;
    const cells = [...bucket.entries()]
      .map(([key, items]) => {
        const [row, col] = key.split(':').map(Number) as [number, number];
        return { row, col, lines: buildLines(items) };
      })
      .sort((a, b) => a.row - b.row || a.col - b.col);
    // Renumber rows densely so empty ruled rows do not leave gaps.
    const rowIds = [...new Set(cells.map((c) => c.row))];
    for (const cell of cells) cell.row = rowIds.indexOf(cell.row);
    tables.push({ page: lines[0]?.page ?? 0, top: region.y0, cells });
  });
  const leftover = moved ? buildLines(rest.flat()) : [...lines];
  return { tables, lines: leftover };
}
