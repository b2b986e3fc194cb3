/**
 * Tracked replacement inside one paragraph: `w:del` around the old characters (each run keeps
 * its own formatting) and a `w:ins` with the new text right after them. With `minimal`, only
 * the words that differ are marked (see word-hunks.ts).
 */
import type { Element, Node } from '@xmldom/xmldom';
import { cleanRunProperties, dominantRunProperties, runsIn, splitAt, textModel, unsafeRange } from './split-runs.ts';
import { revision, textRun } from './tracked-change-context.ts';
import type { EditContext } from './tracked-change-context.ts';
import { wordHunks } from './word-hunks.ts';
import { childElements, insertAfter, isW, textElement } from './xml.ts';

/**
 * Replace `[start, end)` of paragraph `p` (text-model offsets) with `text` as tracked changes.
 * Returns null on success or the reason the range cannot be edited safely (nothing changed then).
 */
export function trackedReplace(ctx: EditContext, p: Element, start: number, end: number, text: string, minimal = true): string | null {
  const model = textModel(p);
  const unsafe = unsafeRange(model, start, end);
  if (unsafe) return unsafe;
  const hunks = minimal && start < end && text !== '' ? wordHunks(model.text.slice(start, end), text) : null;
  if (!hunks) {
    // Whole replacement: the new text takes the clause's dominant formatting.
    const rPr = start < end ? dominantRunProperties(model, start, end) : null;
    applyHunk(ctx, p, start, end, text, rPr);
    if (text === '' && start === 0 && end === model.text.length && end > 0) deleteParagraphMark(ctx, p);
    return null;
  }
  // Right to left, so earlier offsets stay valid.
  for (const h of [...hunks].reverse()) applyHunk(ctx, p, start + h.start, start + h.end, h.text, null);
  return null;
}

/** One deletion and/or insertion. `rPr` null: new text copies the preceding character's formatting, as typing in Word does. */
function applyHunk(ctx: EditContext, p: Element, start: number, end: number, text: string, rPr: Element | null): void {
  splitAt(p, end, ctx.w);
  splitAt(p, start, ctx.w);
  const model = textModel(p);
  let anchor: { node: Node; after: boolean } | null = null;
  let formatFrom = rPr;
  if (start < end) {
    const groups = deleteRuns(ctx, runsIn(model, start, end));
    const first = groups[0]!;
    // New text never goes into a container (hyperlink, content control) that the range merely ends in.
    const last = groups.filter((g) => g.parentNode === first.parentNode).pop()!;
    anchor = { node: last, after: true };
    formatFrom ??= dominantRunProperties(model, start, end);
  } else {
    const before = model.segments.find((s) => s.start < start && s.end === start);
    const after = model.segments.find((s) => s.start === start);
    if (before?.run) anchor = { node: before.run, after: true };
    else if (after?.run) anchor = { node: after.run, after: false };
    formatFrom = (before ?? after)?.run ? childElements((before ?? after)!.run!).find((c) => isW(c, 'rPr')) ?? null : null;
  }
  if (text === '') return;
  const ins = revision(ctx, 'ins');
  ins.appendChild(textRun(ctx, text, cleanRunProperties(formatFrom)));
  if (!anchor) {
    p.appendChild(ins);
    return;
  }
  placeOutsideForeignInsertion(ctx, ins, anchor);
}

/** Wrap runs in `w:del`, one per group of adjacent siblings; `w:t` becomes `w:delText`. */
function deleteRuns(ctx: EditContext, runs: Element[]): Element[] {
  const groups: Element[] = [];
  let current: Element | null = null;
  let previous: Element | null = null;
  for (const run of runs) {
    dropProofErrorsBefore(run, previous);
    if (!current || !previous || nextElement(previous) !== run) {
      current = revision(ctx, 'del');
      run.parentNode!.insertBefore(current, run);
      groups.push(current);
    }
    current.appendChild(run);
    for (const c of childElements(run)) {
      if (isW(c, 't')) run.replaceChild(textElement(ctx.w, c.textContent ?? '', 'delText'), c);
      else if (isW(c, 'instrText')) renameInstr(ctx, run, c);
    }
    previous = run;
  }
  return groups;
}

function renameInstr(ctx: EditContext, run: Element, el: Element): void {
  const replacement = ctx.w.el('delInstrText');
  replacement.appendChild(ctx.w.doc.createTextNode(el.textContent ?? ''));
  run.replaceChild(replacement, el);
}

// A run we just moved into a w:del is followed in its old place by its next sibling.
function nextElement(run: Element): Element | null {
  const del = run.parentNode as Element;
  let n = del.nextSibling;
  while (n && n.nodeType !== 1) n = n.nextSibling;
  return n as Element | null;
}

/** Stale spelling/grammar marks between runs we delete only block grouping; Word recomputes them. */
function dropProofErrorsBefore(run: Element, previous: Element | null): void {
  if (!previous) return;
  let n = run.previousSibling;
  while (n && (n.nodeType !== 1 || isW(n, 'proofErr'))) {
    const prev = n.previousSibling;
    if (n.nodeType === 1) n.parentNode!.removeChild(n);
    n = prev;
  }
}

/**
 * Insert `ins` at the anchor. Revisions may not nest, so inside another author's `w:ins` (or
 * `w:moveTo`) we split their insertion in two around ours.
 */
function placeOutsideForeignInsertion(ctx: EditContext, ins: Element, anchor: { node: Node; after: boolean }): void {
  const parent = anchor.node.parentNode as Element;
  if (!isForeignInsertion(parent)) {
    if (anchor.after) insertAfter(ins, anchor.node);
    else parent.insertBefore(ins, anchor.node);
    return;
  }
  const tail = parent.cloneNode(false) as Element;
  ctx.w.set(tail, 'id', String(ctx.ids.next()));
  let n = anchor.after ? anchor.node.nextSibling : anchor.node;
  while (n) {
    const next = n.nextSibling;
    tail.appendChild(n);
    n = next;
  }
  insertAfter(ins, parent);
  if (tail.firstChild) insertAfter(tail, ins);
  if (!parent.firstChild) parent.parentNode!.removeChild(parent);
}

function isForeignInsertion(el: Element): boolean {
  return isW(el, 'ins') || isW(el, 'moveTo');
}

/**
 * A paragraph whose whole text is deleted loses its mark too, so Accept All leaves no empty
 * paragraph (or empty list number). Only when a paragraph follows in the same container: a
 * mark with nothing to join cannot go.
 */
function deleteParagraphMark(ctx: EditContext, p: Element): void {
  let next = p.nextSibling;
  while (next && next.nodeType !== 1) next = next.nextSibling;
  if (!isW(next, 'p')) return;
  let pPr = childElements(p).find((c) => isW(c, 'pPr'));
  if (!pPr) {
    pPr = ctx.w.el('pPr');
    p.insertBefore(pPr, p.firstChild);
  }
  let rPr = childElements(pPr).find((c) => isW(c, 'rPr'));
  if (!rPr) {
    rPr = ctx.w.el('rPr');
    // rPr comes before a section break and a formatting revision, after every other child.
    pPr.insertBefore(rPr, childElements(pPr).find((c) => isW(c, 'sectPr') || isW(c, 'pPrChange')) ?? null);
  }
  const marks = childElements(rPr);
  if (marks.some((c) => isW(c, 'del') || isW(c, 'moveFrom'))) return;
  // CT_ParaRPr: ins, del, moveFrom, moveTo come first, in that order.
  const ins = marks.find((c) => isW(c, 'ins'));
  rPr.insertBefore(revision(ctx, 'del'), ins ? ins.nextSibling : rPr.firstChild);
}
