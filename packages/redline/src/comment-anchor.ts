/**
 * Anchor a comment on a range of text: `w:commentRangeStart` before its first character,
 * `w:commentRangeEnd` and the reference run after its last. The markers are zero-width in the
 * text model, so placing them before the edits leaves every offset valid, and they survive
 * the edits because runs are only wrapped, never removed.
 */
import type { Element, Node } from '@xmldom/xmldom';
import { splitAt, textModel } from './split-runs.ts';
import type { WWriter } from './xml.ts';
import { insertAfter, isW, wChild } from './xml.ts';

/** A point in a paragraph's text model. */
export interface ParagraphPoint {
  p: Element;
  offset: number;
}

// Inline containers a marker climbs out of, so markers never sit inside a revision or a link.
const CONTAINERS = new Set(['ins', 'del', 'moveTo', 'moveFrom', 'hyperlink', 'smartTag', 'customXml', 'sdtContent', 'sdt', 'fldSimple', 'dir', 'bdo']);

/** Place the markers for comment `id` from `start` to `end` (may be different paragraphs). */
export function anchorComment(w: WWriter, id: number, start: ParagraphPoint, end: ParagraphPoint): void {
  splitAt(end.p, end.offset, w);
  splitAt(start.p, start.offset, w);
  const rangeStart = w.el('commentRangeStart', { id: String(id) });
  const first = textModel(start.p).segments.find((s) => s.start >= start.offset && s.run);
  if (first?.run) {
    const top = outermost(first.run, start.p);
    top.parentNode!.insertBefore(rangeStart, top);
  } else start.p.insertBefore(rangeStart, firstContent(start.p));

  const rangeEnd = w.el('commentRangeEnd', { id: String(id) });
  const reference = w.el('r', {}, [w.el('rPr', {}, [w.el('rStyle', { val: 'CommentReference' })]), w.el('commentReference', { id: String(id) })]);
  const last = [...textModel(end.p).segments].reverse().find((s) => s.end <= end.offset && s.run);
  if (last?.run) {
    const top = outermost(last.run, end.p);
    insertAfter(rangeEnd, top);
  } else end.p.insertBefore(rangeEnd, firstContent(end.p));
  insertAfter(reference, rangeEnd);
}

function outermost(run: Element, p: Element): Node {
  let top: Node = run;
  while (top.parentNode && top.parentNode !== p && isW(top.parentNode, undefined) && CONTAINERS.has((top.parentNode as Element).localName ?? '')) top = top.parentNode;
  return top;
}

// The first child after the paragraph properties (null: append).
function firstContent(p: Element): Node | null {
  const pPr = wChild(p, 'pPr');
  return pPr ? pPr.nextSibling : p.firstChild;
}
