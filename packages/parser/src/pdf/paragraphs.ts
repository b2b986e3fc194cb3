/**
 * Joins the reading-order flow of lines into paragraphs and headings, across column and page
 * breaks: a paragraph continues onto the next page when the previous page ended mid-sentence.
 */
import type { FlowEntry, PageTable, TextLine } from './pdf-types.ts';
import { endsSentence, headingLike, opensClause } from './line-roles.ts';

/** A paragraph or heading as lines, or a table to be turned into cell blocks. */
export type FlowUnit = { kind: 'text'; heading: boolean; lines: TextLine[]; /** The column edges of each line. */ edges: ColumnEdges[] } | { kind: 'table'; table: PageTable };

/** Left and right edge of the column a line sits in. */
export interface ColumnEdges {
  left: number;
  right: number;
}

/** Typical baseline step as a multiple of font size (the document's line spacing). */
export function lineSpacingRatio(flow: readonly FlowEntry[]): number {
  const ratios: number[] = [];
  let prev: TextLine | undefined;
  for (const entry of flow) {
    if (entry.kind !== 'line') {
      prev = undefined;
      continue;
    }
    const line = entry.line;
    if (prev && prev.page === line.page && !entry.columnBreak && Math.abs(prev.size - line.size) < 0.5) {
      const r = (line.baseline - prev.baseline) / line.size;
      if (r > 0.9 && r < 3) ratios.push(r);
    }
    prev = line;
  }
  if (ratios.length === 0) return 1.2;
  ratios.sort((a, b) => a - b);
  return ratios[Math.floor(ratios.length * 0.3)]!;
}

/** The font size most characters are set in. */
export function bodyFontSize(flow: readonly FlowEntry[]): number {
  const weights = new Map<number, number>();
  for (const entry of flow) {
    if (entry.kind !== 'line') continue;
    weights.set(entry.line.size, (weights.get(entry.line.size) ?? 0) + entry.line.text.length);
  }
  let best = 10;
  let weight = -1;
  for (const [size, w] of weights) if (w > weight) [best, weight] = [size, w];
  return best;
}

// A heading line ending on a word that needs more after it.
const HEADING_LEADS_ON = /\b(?:THE|OF|AND|TO|FOR|BETWEEN|the|of|and|to|for|between)$/;

interface Open {
  lines: TextLine[];
  edges: ColumnEdges[];
  heading: boolean;
  contX: number | undefined;
  leftEdge: number;
  /** Heading lines joined as stacked heading lines (not after "TO THE"): only one may be. */
  stacked: number;
}

/** Split the flow into paragraphs, headings and tables. */
export function buildParagraphs(flow: readonly FlowEntry[]): FlowUnit[] {
  const ratio = lineSpacingRatio(flow);
  const body = bodyFontSize(flow);
  const units: FlowUnit[] = [];
  let open: Open | undefined;
  const close = () => {
    if (open) units.push({ kind: 'text', heading: open.heading, lines: open.lines, edges: open.edges });
    open = undefined;
  };
  for (const entry of flow) {
    if (entry.kind === 'table') {
      close();
      units.push(entry);
      continue;
    }
    const { line, columnBreak, leftEdge, rightEdge } = entry;
    const heading = headingLike(line, body, leftEdge, rightEdge);
    if (open && continues(open, line, columnBreak, heading, ratio, rightEdge)) {
      // A heading's line after "TO THE" stays part of the heading whatever it looks like.
      const leadsOn = open.heading && HEADING_LEADS_ON.test(open.lines[open.lines.length - 1]!.text);
      open.lines.push(line);
      open.edges.push({ left: leftEdge, right: rightEdge });
      if (open.lines.length === 2 && line.page === open.lines[0]!.page) open.contX = line.x0;
      if (open.heading && !leadsOn) open.stacked++;
      open.heading = open.heading && (heading || leadsOn);
      continue;
    }
    close();
    open = { lines: [line], edges: [{ left: leftEdge, right: rightEdge }], heading, contX: undefined, leftEdge, stacked: 0 };
  }
  close();
  return units;
}

function continues(open: Open, line: TextLine, columnBreak: boolean, heading: boolean, ratio: number, rightEdge: number): boolean {
  const prev = open.lines[open.lines.length - 1]!;
  const prevEnds = endsSentence(prev.text);
  if (opensClause(line, prev.text)) return false;
  if (open.heading) {
    const lines = (n: number) => line.page === prev.page && !columnBreak && line.baseline - prev.baseline < ratio * line.size * n;
    const near = lines(2.2);
    // A title broken after "TO THE" goes on in the next line, whatever that line looks like
    // ("MEDICAID PARTICIPATION ATTACHMENT TO THE" / "[REDACTED] WASHINGTON, INC."), even past
    // a blank line where an erased name's line was.
    if (lines(3.2) && HEADING_LEADS_ON.test(prev.text) && line.text.length <= 100) return true;
    // Two stacked heading lines ("ARTICLE II" / "SERVICES") read as one heading; body text after a heading never joins it.
    return heading && open.stacked === 0 && near && !prevEnds;
  }
  if (heading && (prevEnds || line.page !== prev.page || columnBreak)) return false;
  if (Math.abs(line.size - prev.size) > Math.max(prev.size, line.size) * 0.12) return false;
  if (line.page !== prev.page || columnBreak) return !prevEnds;
  const step = line.baseline - prev.baseline;
  if (step <= 0 || step > ratio * line.size * 1.3) return false;
  if (prevEnds && prev.x1 < rightEdge - (rightEdge - open.leftEdge) * 0.12) return false;
  if (open.contX !== undefined) {
    // Left of where the paragraph's second line started: a new, outdented paragraph, unless the
    // sentence plainly wraps here (the line before runs to the margin mid-sentence). Then it was
    // the second line that sat off the margin, pushed right by a name erased at its start.
    if (line.x0 < open.contX - line.size) {
      if (prevEnds || prev.x1 < rightEdge - line.size) return false;
      open.contX = line.x0;
    }
    if (prevEnds && line.x0 > open.contX + line.size * 1.5) return false;
  }
  return true;
}
