/** What every tracked change needs: a writer for the part, fresh ids, author and date. */
import type { Element } from '@xmldom/xmldom';
import type { IdAllocator } from './revision-ids.ts';
import { textElement } from './xml.ts';
import type { WWriter } from './xml.ts';

/** Shared state for the edits of one part. */
export interface EditContext {
  w: WWriter;
  ids: IdAllocator;
  author: string;
  /** ISO 8601 without milliseconds. */
  date: string;
}

/** A new `w:ins`/`w:del` (or any revision element) with id, author and date. */
export function revision(ctx: EditContext, localName: 'ins' | 'del'): Element {
  return ctx.w.el(localName, { id: String(ctx.ids.next()), author: ctx.author, date: ctx.date });
}

/** A run with `rPr` (copied by the caller) holding `text`; tabs and line breaks become `w:tab`/`w:br`. */
export function textRun(ctx: EditContext, text: string, rPr: Element | null): Element {
  const run = ctx.w.el('r');
  if (rPr) run.appendChild(rPr);
  text.split(/(\t|\n)/).forEach((piece) => {
    if (piece === '\t') run.appendChild(ctx.w.el('tab'));
    else if (piece === '\n') run.appendChild(ctx.w.el('br'));
    else if (piece !== '') run.appendChild(textElement(ctx.w, piece));
  });
  return run;
}
