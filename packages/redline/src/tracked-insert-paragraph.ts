/**
 * A new clause as tracked inserted paragraph(s) after an anchor paragraph, formatted like it:
 * same paragraph properties (style, indentation, numbering) and the anchor's dominant run
 * formatting. The paragraph mark itself is marked inserted (`w:pPr/w:rPr/w:ins`), so
 * "Reject All" removes the paragraph entirely instead of leaving an empty one.
 */
import type { Element } from '@xmldom/xmldom';
import { cleanRunProperties, dominantRunProperties, textModel } from './split-runs.ts';
import { revision, textRun } from './tracked-change-context.ts';
import type { EditContext } from './tracked-change-context.ts';
import { childElements, insertAfter, isW, wChild } from './xml.ts';

// Paragraph properties that must not be duplicated onto a new paragraph.
const DROP_FROM_PPR = new Set(['sectPr', 'pPrChange', 'rPr']);

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
  return created;
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
