/**
 * Walk a story (the body, or one footnote) in reading order and emit RawBlocks: paragraphs,
 * text boxes, tables cell by cell. Containers that only group content (content controls,
 * customXml, tracked insertions) are looked through; deleted content is skipped.
 */
import type { Element, Node } from '@xmldom/xmldom';
import type { Segment } from '../normalize-text.ts';
import type { RawBlock } from '../raw-document.ts';
import { buildBlock, paragraphSegments } from './block-builder.ts';
import type { DocxSource } from './block-builder.ts';
import { ListCounters } from './numbering.ts';
import type { NumberingDefs } from './numbering.ts';
import { MC_NS, childElements, isElementNS, isW, wChild, wDescendants, wVal } from './ooxml-dom.ts';
import { classifyParagraph, paragraphMarkDeleted } from './paragraph-kind.ts';
import type { StyleSheet } from './styles.ts';

/** Everything the walk of one part needs; `blocks` and `tableCount` are filled as it goes. */
export interface StoryContext {
  part: string;
  /** Index of each `w:p` among all `w:p` of the part, in document order. */
  paragraphIndex: Map<Element, number>;
  styles: StyleSheet;
  numbering: NumberingDefs;
  counters: ListCounters;
  blocks: RawBlock[];
  tableCount: { next: number };
  /** Set when content Redliner cannot read was skipped (embedded documents). */
  skipped: Set<string>;
}

/** Create a context for one part; paragraph indexes cover every `w:p` of `root`'s document. */
export function storyContext(part: string, root: Element, styles: StyleSheet, numbering: NumberingDefs, tableCount: { next: number }): StoryContext {
  const paragraphIndex = new Map<Element, number>();
  wDescendants(root, 'p').forEach((p, i) => paragraphIndex.set(p, i));
  return { part, paragraphIndex, styles, numbering, counters: new ListCounters(numbering), blocks: [], tableCount, skipped: new Set() };
}

// Block-level wrappers whose content is read as if it sat in the parent.
const BLOCK_TRANSPARENT = new Set(['sdt', 'sdtContent', 'customXml', 'ins', 'moveTo']);

/** Walk the block-level children of a body, cell, text box or note. */
export function walkBlocks(container: Element, ctx: StoryContext): void {
  let carry: Segment<DocxSource>[] = [];
  const flushCarry = () => {
    const block = carry.length > 0 ? buildBlock(carry, { kind: 'paragraph', generatedLabel: null, detectTypedLabel: true }) : null;
    if (block) ctx.blocks.push(block);
    carry = [];
  };
  const visit = (el: Element) => {
    if (isW(el, 'p')) {
      carry = emitParagraph(el, ctx, carry);
    } else if (isW(el, 'tbl')) {
      flushCarry();
      walkTable(el, ctx);
    } else if (isW(el, 'altChunk')) {
      ctx.skipped.add('altChunk');
    } else if (isW(el) && BLOCK_TRANSPARENT.has(el.localName ?? '')) {
      for (const child of childElements(el)) visit(child);
    } else if (isElementNS(el, MC_NS, 'AlternateContent')) {
      const choice = childElements(el).find((c) => isElementNS(c, MC_NS, 'Choice'));
      if (choice) for (const child of childElements(choice)) visit(child);
    }
  };
  for (const child of childElements(container)) visit(child);
  flushCarry();
}

/** Emit one paragraph (and its text boxes); returns the segments to carry into the next paragraph. */
function emitParagraph(p: Element, ctx: StoryContext, carry: Segment<DocxSource>[]): Segment<DocxSource>[] {
  const index = ctx.paragraphIndex.get(p) ?? -1;
  if (paragraphMarkDeleted(p)) {
    // Accepting the deletion of a paragraph mark joins this paragraph's text to the next one.
    return [...carry, ...paragraphSegments(p, ctx.part, index, null)];
  }
  const shape = classifyParagraph(p, ctx.styles, ctx.numbering, ctx.counters);
  // A merged paragraph keeps the surviving mark's numbering, so its label still comes first.
  const [label, ...text] = paragraphSegments(p, ctx.part, index, shape.generatedLabel);
  const segments = shape.generatedLabel && label ? [label, ...carry, ...text] : [...carry, ...(label ? [label] : []), ...text];
  const block = buildBlock(segments, { ...shape, detectTypedLabel: true });
  if (block) ctx.blocks.push(block);
  for (const box of textBoxes(p)) walkBlocks(box, ctx);
  return [];
}

/** Text boxes anchored in `p` that Word shows: not the mc:Fallback copy, not deleted, not nested in another box. */
function textBoxes(p: Element): Element[] {
  return wDescendants(p, 'txbxContent').filter((box) => {
    for (let n: Node | null = box.parentNode; n && n !== p; n = n.parentNode) {
      if (isElementNS(n, MC_NS, 'Fallback') || isW(n, 'txbxContent') || isW(n, 'del') || isW(n, 'moveFrom')) return false;
    }
    return true;
  });
}

function insideFallback(node: Element, stop: Element): boolean {
  for (let n: Node | null = node.parentNode; n && n !== stop; n = n.parentNode) if (isElementNS(n, MC_NS, 'Fallback')) return true;
  return false;
}

/** Rows of a table, looking through row-level content controls; rows deleted as a tracked change are gone. */
function tableRows(tbl: Element): Element[] {
  const rows: Element[] = [];
  const visit = (el: Element) => {
    if (isW(el, 'tr')) {
      const trPr = wChild(el, 'trPr');
      if (!wChild(trPr, 'del')) rows.push(el);
    } else if (isW(el) && BLOCK_TRANSPARENT.has(el.localName ?? '')) childElements(el).forEach(visit);
  };
  childElements(tbl).forEach(visit);
  return rows;
}

function rowCells(tr: Element): Element[] {
  const cells: Element[] = [];
  const visit = (el: Element) => {
    if (isW(el, 'tc')) cells.push(el);
    else if (isW(el) && BLOCK_TRANSPARENT.has(el.localName ?? '')) childElements(el).forEach(visit);
  };
  childElements(tr).forEach(visit);
  return cells;
}

/**
 * One block per cell: its paragraphs joined by a space. A nested table splits the cell's block
 * so reading order stays right; its cells become blocks of a table of their own.
 */
function walkTable(tbl: Element, ctx: StoryContext): void {
  const table = ctx.tableCount.next++;
  tableRows(tbl).forEach((tr, row) => {
    let col = Number(wVal(wChild(tr, 'trPr'), 'gridBefore') ?? 0) || 0;
    for (const tc of rowCells(tr)) {
      const tcPr = wChild(tc, 'tcPr');
      const span = Math.max(1, Number(wVal(tcPr, 'gridSpan') ?? 1) || 1);
      if (!wChild(tcPr, 'cellDel')) walkCell(tc, { table, row, col }, ctx);
      col += span;
    }
  });
}

function walkCell(tc: Element, ref: { table: number; row: number; col: number }, ctx: StoryContext): void {
  let segments: Segment<DocxSource>[] = [];
  let label: string | null = null;
  let first = true;
  let joinNext = false;
  const flush = () => {
    const block = buildBlock(segments, { kind: 'table-cell', generatedLabel: label, table: ref, detectTypedLabel: false });
    if (block) ctx.blocks.push(block);
    segments = [];
    label = null;
    first = true;
    joinNext = false;
  };
  const addParagraph = (p: Element, withBoxes: boolean) => {
    const index = ctx.paragraphIndex.get(p) ?? -1;
    const deletedMark = paragraphMarkDeleted(p);
    const shape = deletedMark ? null : classifyParagraph(p, ctx.styles, ctx.numbering, ctx.counters);
    // After a deleted paragraph mark the two paragraphs are one in the accepted view: no separator.
    if (!first && !joinNext) segments.push({ text: ' ', source: null });
    if (first && shape?.generatedLabel) label = shape.generatedLabel;
    segments.push(...paragraphSegments(p, ctx.part, index, shape?.generatedLabel ?? null));
    first = false;
    joinNext = deletedMark;
    if (!withBoxes) return;
    for (const box of textBoxes(p)) {
      for (const inner of wDescendants(box, 'p')) if (!insideFallback(inner, box)) addParagraph(inner, false);
    }
  };
  const visit = (el: Element) => {
    if (isW(el, 'p')) addParagraph(el, true);
    else if (isW(el, 'tbl')) {
      flush();
      walkTable(el, ctx);
    } else if (isW(el) && BLOCK_TRANSPARENT.has(el.localName ?? '')) childElements(el).forEach(visit);
  };
  childElements(tc).forEach(visit);
  flush();
}
