/**
 * Redline the original DOCX: plan each finding's change onto paragraphs, refuse unsafe ranges
 * (they become comments and `skipped`), anchor comments, then edit right to left so offsets
 * computed from the parse stay valid until they are used.
 */
import type { Element } from '@xmldom/xmldom';
import type { ContractDocument } from '@redliner/parser';
import { anchorComment } from './comment-anchor.ts';
import type { ParagraphPoint } from './comment-anchor.ts';
import { commentFor, findingPosition, markFirstComment } from './comment-content.ts';
import { writeComments } from './comments-part.ts';
import type { CommentSpec } from './comments-part.ts';
import type { Audience, PlannedFinding } from './decisions.ts';
import { pointAt, sliceRange, withoutLeadingLabel } from './locate-docx.ts';
import { openDocx } from './open-docx.ts';
import type { DocxPackage } from './open-docx.ts';
import { initialsOf } from './result.ts';
import type { AppliedFinding, RedlineResult, SkippedFinding } from './result.ts';
import { allocatorAbove } from './revision-ids.ts';
import { enableTrackRevisions } from './settings-part.ts';
import { textModel, unsafeRange } from './split-runs.ts';
import type { EditContext } from './tracked-change-context.ts';
import { insertParagraphsAfter } from './tracked-insert-paragraph.ts';
import { trackedReplace } from './tracked-replace.ts';
import { W_NS, wAncestor, wWriter } from './xml.ts';

/** Inputs of the DOCX path (decisions already planned). */
export interface DocxRedlineInput {
  document: ContractDocument;
  plans: PlannedFinding[];
  original: Uint8Array;
  author: string;
  date: string;
  /** Which comments to write (see `commentFor`). */
  audience: Audience;
}

type Target =
  | { kind: 'inline'; part: string; p: Element; start: number; end: number; text: string; op: 'replace' | 'insert' | 'delete' }
  | { kind: 'paragraph'; part: string; p: Element; text: string };

interface Work {
  plan: PlannedFinding;
  target?: Target;
  skipped?: string;
  commentId?: number;
  created?: Element[];
}

/** Paragraph lookup by (part, index), fixed before any edit so inserted paragraphs never shift it. */
class Paragraphs {
  private readonly byPart = new Map<string, Element[]>();
  constructor(private readonly pkg: DocxPackage) {}
  async load(part: string): Promise<void> {
    if (this.byPart.has(part)) return;
    const doc = await this.pkg.part(part);
    const list = doc?.getElementsByTagNameNS(W_NS, 'p');
    const arr: Element[] = [];
    for (let i = 0; list && i < list.length; i++) arr.push(list.item(i)!);
    this.byPart.set(part, arr);
  }
  get(part: string, index: number): Element | null {
    return this.byPart.get(part)?.[index] ?? null;
  }
  /** Every loaded `w:p` of a part, in document order. */
  all(part: string): readonly Element[] {
    return this.byPart.get(part) ?? [];
  }
}

/** Produce the redlined copy of `original`. */
export async function redlineDocx(input: DocxRedlineInput): Promise<RedlineResult> {
  const { document: doc, plans, author, date } = input;
  const pkg = await openDocx(input.original, doc.name);
  const ids = await allocatorAbove(pkg);
  const paragraphs = new Paragraphs(pkg);
  for (const span of doc.sourceMap.format === 'docx' ? doc.sourceMap.spans : []) await paragraphs.load(span.part);
  const contexts = new Map<string, EditContext>();
  const ctxFor = async (part: string) => {
    let ctx = contexts.get(part);
    if (!ctx) {
      const partDoc = (await pkg.part(part))!;
      ctx = { w: wWriter(partDoc), ids, author, date };
      contexts.set(part, ctx);
      pkg.touch(part, partDoc);
    }
    return ctx;
  };

  const work: Work[] = plans.map((plan) => ({ plan, ...resolveTarget(doc, plan, paragraphs, pkg.mainPath) }));
  rejectOverlaps(work);

  // 1. Comment markers (zero-width) on existing text, before any edit.
  const comments: CommentSpec[] = [];
  const positions = new Map<number, number>();
  for (const item of work) {
    if (!item.plan.comment && !item.skipped) continue;
    const text = commentFor(input.audience, item.plan, item.skipped);
    if (text.length === 0) continue;
    item.commentId = ids.next();
    comments.push({ id: item.commentId, author, initials: initialsOf(author), date, paragraphs: text });
    positions.set(item.commentId, findingPosition(item.plan));
    if (item.target?.kind === 'paragraph') continue; // anchored on the new paragraph below
    const found = commentAnchor(doc, item.plan, paragraphs);
    // LibreOffice refuses files with comment ranges inside footnotes or endnotes: anchor
    // those comments on the body paragraph that holds the note's reference mark instead.
    const anchor = found && found.part !== pkg.mainPath ? noteReferenceAnchor(found.start.p, paragraphs, pkg.mainPath) : found;
    if (anchor) anchorComment((await ctxFor(anchor.part)).w, item.commentId, anchor.start, anchor.end);
    else {
      comments.pop();
      delete item.commentId;
    }
  }

  // 2. Inline edits, right to left within each paragraph.
  const inline = work.filter((x): x is Work & { target: Extract<Target, { kind: 'inline' }> } => x.target?.kind === 'inline');
  // At one start, the range goes first: text inserted there first would shift into the range.
  inline.sort((a, b) => b.target.start - a.target.start || b.target.end - a.target.end);
  for (const item of inline) {
    const t = item.target;
    const refused = trackedReplace(await ctxFor(t.part), t.p, t.start, t.end, t.text, t.op === 'replace');
    if (refused) item.skipped = refused;
  }

  // 3. New paragraphs; reverse order keeps several insertions after one anchor in finding order.
  for (const item of [...work].reverse()) {
    if (item.target?.kind !== 'paragraph') continue;
    const ctx = await ctxFor(item.target.part);
    item.created = insertParagraphsAfter(ctx, item.target.p, item.target.text);
    const first = item.created[0];
    const last = item.created[item.created.length - 1];
    if (item.commentId !== undefined && first && last) anchorComment(ctx.w, item.commentId, { p: first, offset: 0 }, { p: last, offset: textModel(last).text.length });
  }

  markFirstComment(input.audience, comments, (c) => positions.get(c.id) ?? Number.MAX_SAFE_INTEGER);
  await writeComments(pkg, comments);
  // The payer's own edits to our redline must come back tracked as well.
  await enableTrackRevisions(pkg);
  return { bytes: await pkg.save(), ...report(work) };
}

/** Where a change goes; `body` is the main document part (named by the package's relationships, not always word/document.xml). */
function resolveTarget(doc: ContractDocument, plan: PlannedFinding, paragraphs: Paragraphs, body: string): { target?: Target; skipped?: string } {
  const change = plan.change;
  if (!change) return {};
  if (change.op === 'insert' || !change.span) {
    if (change.insertAt === undefined) return { skipped: 'the finding gives no place to insert the language' };
    const at = pointAt(doc, change.insertAt);
    const p = at && paragraphs.get(at.part, at.paragraph);
    if (!at || !p) return { skipped: 'the insertion point does not map to a paragraph of the file' };
    if (change.newParagraph || change.op !== 'insert') {
      // The document text ends with footnotes and endnotes; a clause belongs in the body, after its last paragraph.
      if (at.part !== body) {
        const filled = paragraphs.all(body).filter((el) => textModel(el).text.trim().length > 0);
        const last = filled[filled.length - 1];
        return last ? { target: { kind: 'paragraph', part: body, p: last, text: change.text } } : { skipped: 'the document body has no paragraph to insert after' };
      }
      return { target: { kind: 'paragraph', part: at.part, p, text: change.text } };
    }
    const unsafe = unsafeRange(textModel(p), at.start, at.start);
    return unsafe ? { skipped: unsafe } : { target: { kind: 'inline', part: at.part, p, start: at.start, end: at.start, text: change.text, op: 'insert' } };
  }
  const start = withoutLeadingLabel(doc, change.span.start, change.span.end, change.text);
  const slices = sliceRange(doc, start, change.span.end);
  if (slices.length === 0) return { skipped: 'none of the flagged characters exist in the file (generated numbering)' };
  if (slices.length > 1) return { skipped: 'the change crosses paragraphs; edit it by hand' };
  const slice = slices[0]!;
  const p = paragraphs.get(slice.part, slice.paragraph);
  if (!p) return { skipped: 'the paragraph was not found in the file' };
  const model = textModel(p);
  if (squash(model.text.slice(slice.start, slice.end)) !== squash(doc.text.slice(start, change.span.end).trim())) {
    return { skipped: 'the file text at this place differs from the analysed text' };
  }
  const unsafe = unsafeRange(model, slice.start, slice.end);
  if (unsafe) return { skipped: unsafe };
  return { target: { kind: 'inline', part: slice.part, p, start: slice.start, end: slice.end, text: change.text, op: change.op } };
}

// Whitespace is normalized by the parser; compare the characters that carry meaning.
function squash(s: string): string {
  return s.replace(/\s+/g, '');
}

/** Two accepted changes on overlapping characters cannot both apply; the later one is skipped. */
function rejectOverlaps(work: Work[]): void {
  const taken: Array<Extract<Target, { kind: 'inline' }>> = [];
  for (const item of work) {
    const t = item.target;
    if (t?.kind !== 'inline') continue;
    const clash = taken.some((o) => o.p === t.p && t.start < o.end && o.start < t.end);
    if (clash) {
      delete item.target;
      item.skipped = 'it overlaps another accepted change in the same clause';
    } else taken.push(t);
  }
}

/** The whole body paragraph that references the footnote or endnote containing `p`. */
function noteReferenceAnchor(p: Element, paragraphs: Paragraphs, body: string): { part: string; start: ParagraphPoint; end: ParagraphPoint } | null {
  const note = wAncestor(p, 'footnote') ?? wAncestor(p, 'endnote');
  const id = note?.getAttributeNS(W_NS, 'id');
  if (!note || id === null || id === undefined) return null;
  const kind = note.localName === 'footnote' ? 'footnoteReference' : 'endnoteReference';
  for (const para of paragraphs.all(body)) {
    const refs = para.getElementsByTagNameNS(W_NS, kind);
    for (let i = 0; i < refs.length; i++) {
      if (refs.item(i)?.getAttributeNS(W_NS, 'id') === id) return { part: body, start: { p: para, offset: 0 }, end: { p: para, offset: textModel(para).text.length } };
    }
  }
  return null;
}

function commentAnchor(doc: ContractDocument, plan: PlannedFinding, paragraphs: Paragraphs): { part: string; start: ParagraphPoint; end: ParagraphPoint } | null {
  const f = plan.finding;
  const slices = f.span ? sliceRange(doc, f.span.start, f.span.end) : [];
  const first = slices[0];
  const last = slices[slices.length - 1];
  if (first && last && first.part === last.part) {
    const p1 = paragraphs.get(first.part, first.paragraph);
    const p2 = paragraphs.get(last.part, last.paragraph);
    if (p1 && p2) return { part: first.part, start: { p: p1, offset: first.start }, end: { p: p2, offset: last.end } };
  }
  // Absence findings (and spans without source text): the whole paragraph at the insertion point.
  const at = pointAt(doc, f.insertAt ?? f.span?.start ?? 0);
  const p = at && paragraphs.get(at.part, at.paragraph);
  if (!at || !p) return null;
  return { part: at.part, start: { p, offset: 0 }, end: { p, offset: textModel(p).text.length } };
}

function report(work: Work[]): { applied: AppliedFinding[]; skipped: SkippedFinding[] } {
  const applied: AppliedFinding[] = [];
  const skipped: SkippedFinding[] = [];
  for (const item of work) {
    const id = item.plan.finding.id;
    if (item.skipped) {
      skipped.push({ findingId: id, reason: item.skipped });
      continue;
    }
    const entry: AppliedFinding = { findingId: id, outcome: item.plan.outcome, comment: item.commentId !== undefined };
    if (item.target?.kind === 'paragraph') entry.change = 'new-paragraph';
    else if (item.target) entry.change = item.target.op;
    applied.push(entry);
  }
  return { applied, skipped };
}
