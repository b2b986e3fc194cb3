/**
 * A new clause as tracked inserted paragraph(s) after an anchor paragraph, formatted like it:
 * same paragraph properties (style, indentation, numbering) and the anchor's dominant run
 * formatting. The paragraph mark itself is marked inserted (`w:pPr/w:rPr/w:ins`), so
 * "Reject All" removes the paragraph entirely instead of leaving an empty one. When no
 * paragraph follows in the same container (the last of a table cell, of the body, or before a
 * table), a removed mark would have nothing to join, so we do what Word does on Enter at the
 * end of a paragraph: the anchor's mark is the inserted one and the last new paragraph carries
 * the anchor's original mark.
 */
import type { Element } from '@xmldom/xmldom';
import { cleanRunProperties, dominantRunProperties, textModel } from './split-runs.ts';
import { revision, textRun } from './tracked-change-context.ts';
import type { EditContext } from './tracked-change-context.ts';
import { childElements, insertAfter, isW, wChild } from './xml.ts';

// Paragraph properties that must not be duplicated onto a new paragraph.
const DROP_FROM_PPR = new Set(['sectPr', 'pPrChange', 'rPr']);
const MARK_REVISIONS = new Set(['ins', 'del', 'moveFrom', 'moveTo']);

/** Insert `text` (one paragraph per line) after `anchor`; returns the new paragraphs. */
export function insertParagraphsAfter(ctx: EditContext, anchor: Element, text: string): Element[] {
  const model = textModel(anchor);
  const rPr = dominantRunProperties(model, 0, model.text.length);
  const pPr = wChild(anchor, 'pPr');
  const created: Element[] = [];
  let after = anchor;
  for (const line of text.split(/\n+/).map((l) => l.trim()).filter((l) => l !== '')) {
    const p = ctx.w.el('p');
    p.appendChild(paragraphProperties(ctx, pPr));
    const ins = revision(ctx, 'ins');
    ins.appendChild(textRun(ctx, line, cleanRunProperties(rPr)));
    p.appendChild(ins);
    insertAfter(p, after);
    created.push(p);
    after = p;
  }
  const last = created[created.length - 1];
  if (last && !isW(nextElementSibling(last), 'p')) moveMarkTo(ctx, anchor, last);
  return created;
}

/** The anchor keeps its text, gives its paragraph mark (properties, section break, any revision of it) to `last` and gets an inserted mark. */
function moveMarkTo(ctx: EditContext, anchor: Element, last: Element): void {
  let pPr = wChild(anchor, 'pPr');
  const lastPPr = wChild(last, 'pPr');
  if (lastPPr) last.removeChild(lastPPr);
  if (pPr) {
    const moved = pPr.cloneNode(true) as Element;
    // A formatting revision stays with the anchor: its id must stay unique.
    for (const c of childElements(moved)) if (isW(c, 'pPrChange')) moved.removeChild(c);
    last.insertBefore(moved, last.firstChild);
    const sectPr = wChild(pPr, 'sectPr');
    if (sectPr) pPr.removeChild(sectPr);
  } else {
    pPr = ctx.w.el('pPr');
    anchor.insertBefore(pPr, anchor.firstChild);
  }
  let rPr = wChild(pPr, 'rPr');
  // Another author's revision of the mark moved with it to `last` (so accepting theirs and
  // rejecting ours still gives their paragraph back whole); the anchor's mark is ours alone.
  if (rPr) for (const c of childElements(rPr)) if (isW(c) && MARK_REVISIONS.has(c.localName ?? '')) rPr.removeChild(c);
  if (!rPr) {
    rPr = ctx.w.el('rPr');
    // rPr comes before a pPrChange, after every other child we kept.
    pPr.insertBefore(rPr, wChild(pPr, 'pPrChange'));
  }
  // The revision marks come first in a paragraph mark's run properties (CT_ParaRPr).
  rPr.insertBefore(revision(ctx, 'ins'), rPr.firstChild);
}

function nextElementSibling(el: Element): Element | null {
  let n = el.nextSibling;
  while (n && n.nodeType !== 1) n = n.nextSibling;
  return n as Element | null;
}

function paragraphProperties(ctx: EditContext, source: Element | null): Element {
  const pPr = source ? (source.cloneNode(true) as Element) : ctx.w.el('pPr');
  for (const c of childElements(pPr)) if (isW(c) && DROP_FROM_PPR.has(c.localName ?? '')) pPr.removeChild(c);
  const markRPr = ctx.w.el('rPr');
  markRPr.appendChild(revision(ctx, 'ins'));
  // rPr comes after every other pPr child we kept (sectPr and pPrChange were dropped).
  pPr.appendChild(markRPr);
  return pPr;
}
