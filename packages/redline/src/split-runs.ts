/**
 * Character-exact run surgery on one paragraph, in the parser's text model
 * (`docxParagraphText`), so the offsets the rules produced land on the same characters here.
 */
import type { Element, Node } from '@xmldom/xmldom';
import { docxParagraphText } from '@redliner/parser';
import { MC_NS, XML_NS, childElements, insertAfter, isW, wChild } from './xml.ts';
import type { WWriter } from './xml.ts';

/** The paragraph text model (re-exported type of the parser's result). */
export type TextModel = ReturnType<typeof docxParagraphText>;
/** One segment of the text model. */
export type Segment = TextModel['segments'][number];

/** The current text model of a paragraph (recompute after every edit). */
export function textModel(p: Element): TextModel {
  return docxParagraphText(p);
}

/**
 * Make `off` a run boundary: split the `w:t` that straddles it and move the rest of its run
 * into a shallow clone of the run carrying a deep copy of its `w:rPr`, so each piece keeps
 * its exact formatting. Offsets at the paragraph end are already boundaries.
 */
export function splitAt(p: Element, off: number, w: WWriter): void {
  const { segments } = textModel(p);
  const seg = segments.find((s) => s.start <= off && off < s.end);
  if (!seg || !seg.run) return;
  let first: Element = seg.node;
  if (seg.start < off) {
    // Only w:t spans several characters; every other kind is one character wide.
    const value = seg.node.textContent ?? '';
    const cut = off - seg.start;
    const tail = w.el('t');
    for (const el of [seg.node, tail]) el.setAttributeNS(XML_NS, 'xml:space', 'preserve');
    tail.appendChild(w.doc.createTextNode(value.slice(cut)));
    while (seg.node.firstChild) seg.node.removeChild(seg.node.firstChild);
    seg.node.appendChild(w.doc.createTextNode(value.slice(0, cut)));
    insertAfter(tail, seg.node);
    first = tail;
  }
  splitRunBefore(seg.run, first);
}

/** Move `node` and its following siblings into a clone of `run` placed right after it. */
function splitRunBefore(run: Element, node: Element): void {
  if (node.parentNode !== run) return;
  const before = childElements(run).filter((c) => !isW(c, 'rPr'));
  if (before[0] === node) return;
  const clone = run.cloneNode(false) as Element;
  const rPr = wChild(run, 'rPr');
  if (rPr) clone.appendChild(rPr.cloneNode(true));
  const moving = [];
  for (let n: Node | null = node; n; n = n.nextSibling) moving.push(n);
  for (const n of moving) clone.appendChild(n);
  insertAfter(clone, run);
}

/** Segments that cover characters of `[start, end)`. */
export function segmentsIn(model: TextModel, start: number, end: number): Segment[] {
  return model.segments.filter((s) => s.end > start && s.start < end);
}

/** Why `[start, end)` of this paragraph cannot be edited safely, or null when it can. */
export function unsafeRange(model: TextModel, start: number, end: number): string | null {
  if (start < 0 || end > model.text.length || start > end) return 'the range no longer matches the paragraph text';
  const hit = start === end ? neighbours(model, start) : segmentsIn(model, start, end);
  for (const s of hit) {
    if (s.inField) return 'it touches a field result, which Word regenerates when fields update';
    if (s.locked && start !== end) return 'it touches a locked content control, a drawing, a symbol or a note reference';
    if (!s.run || s.node.parentNode !== s.run) return 'the text sits outside a plain run (e.g. inside equation markup)';
    if (insideTextBox(s.run)) return 'the text is inside a text box, whose second (fallback) copy cannot be kept in step';
    if (insideLockedControl(s.run)) return 'it is inside a locked content control';
  }
  return null;
}

// New text at an insertion point goes right after the run of the preceding character (or
// before the first character at the paragraph start), so that run is what must be safe.
function neighbours(model: TextModel, at: number): Segment[] {
  const before = model.segments.find((s) => s.start < at && s.end === at);
  return before ? [before] : model.segments.filter((s) => s.start === at).slice(0, 1);
}

function insideTextBox(node: Element): boolean {
  for (let n = node.parentNode; n; n = n.parentNode) if (n.nodeType === 1 && (n as Element).namespaceURI === MC_NS) return true;
  return false;
}

function insideLockedControl(node: Element): boolean {
  for (let n = node.parentNode; n; n = n.parentNode) {
    if (!isW(n, 'sdt')) continue;
    const lock = wChild(wChild(n, 'sdtPr'), 'lock')?.getAttributeNS(n.namespaceURI, 'val');
    if (lock === 'contentLocked' || lock === 'sdtContentLocked') return true;
  }
  return false;
}

/** The distinct runs that carry `[start, end)`, in document order (call after splitting at both ends). */
export function runsIn(model: TextModel, start: number, end: number): Element[] {
  const runs: Element[] = [];
  for (const s of segmentsIn(model, start, end)) if (s.run && runs[runs.length - 1] !== s.run) runs.push(s.run);
  return runs;
}

/** The `w:rPr` of the run carrying most characters of `[start, end)`: the formatting a reader sees as "the clause's". */
export function dominantRunProperties(model: TextModel, start: number, end: number): Element | null {
  const weight = new Map<Element, number>();
  for (const s of segmentsIn(model, start, end)) {
    if (!s.run) continue;
    const n = Math.min(end, s.end) - Math.max(start, s.start);
    weight.set(s.run, (weight.get(s.run) ?? 0) + n);
  }
  let best: Element | null = null;
  let most = -1;
  for (const [run, n] of weight) if (n > most) [best, most] = [run, n];
  return best ? wChild(best, 'rPr') : null;
}

/** A copy of run properties fit for new text: no revision marks of their own. */
export function cleanRunProperties(rPr: Element | null): Element | null {
  if (!rPr) return null;
  const copy = rPr.cloneNode(true) as Element;
  for (const c of childElements(copy)) if (isW(c) && ['rPrChange', 'ins', 'del', 'moveFrom', 'moveTo'].includes(c.localName ?? '')) copy.removeChild(c);
  return copy;
}
