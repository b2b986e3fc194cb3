/**
 * The two texts a reader gets from a redlined DOCX after "Accept All" and after "Reject All",
 * computed from the XML the way Word applies tracked changes: inserted/deleted runs kept or
 * dropped, and a paragraph whose mark is removed joined to the next paragraph of the same
 * container (a mark that has no next paragraph, the last of a cell or of the body, cannot be
 * removed, which is how Reject All leaves an empty paragraph behind).
 */
import { DOMParser } from '@xmldom/xmldom';
import type { Element, Node } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { docxParagraphText } from '@redliner/parser';
import { listLabels, readListDefinitions } from './list-labels.ts';
import type { ListDefinitions, ListRef } from './list-labels.ts';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** One `w:p` of the body as both views see it. */
export interface TrackedParagraph {
  accepted: string;
  rejected: string;
  /** The text inside our (or anyone's) `w:ins` runs. */
  inserted: string;
  /** The text of each tracked insertion and deletion, one entry per `w:ins` / `w:del`. */
  revisions: string[];
  markInserted: boolean;
  markDeleted: boolean;
  /** Has list numbering of its own (`w:numPr`), so an empty one still shows a label. */
  numbered: boolean;
  /** The next element sibling is a `w:p`, so a removed mark can join this paragraph to it. */
  joinable: boolean;
  /** With `labels`: the paragraph's list and the file's list definitions, to number each view. */
  list?: { ref: ListRef | null; definitions: ListDefinitions };
}

/** A paragraph of one view: its text, whether it shows a number, and the `w:p` indexes it came from. */
export interface ViewParagraph {
  text: string;
  numbered: boolean;
  from: number[];
}

const isW = (n: Node | null, name?: string): n is Element =>
  !!n && n.nodeType === 1 && (n as Element).namespaceURI === W && (name === undefined || (n as Element).localName === name);

function descendants(el: Element, name: string): Element[] {
  const list = el.getElementsByTagNameNS(W, name);
  const out: Element[] = [];
  for (let i = 0; i < list.length; i++) out.push(list.item(i)!);
  return out;
}

function markRevision(p: Element, name: 'ins' | 'del'): boolean {
  const pPr = [...childrenOf(p)].find((c) => isW(c, 'pPr'));
  const rPr = pPr && [...childrenOf(pPr)].find((c) => isW(c, 'rPr'));
  return !!rPr && [...childrenOf(rPr)].some((c) => isW(c, name));
}

function* childrenOf(el: Node): Generator<Element> {
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) yield n as Element;
}

/** The rejected-view text of a paragraph: a copy without insertions, deletions turned back into text. */
function rejectedText(p: Element): string {
  const copy = p.cloneNode(true) as Element;
  for (const ins of [...descendants(copy, 'ins'), ...descendants(copy, 'moveTo')]) {
    if (!isW(ins.parentNode, 'rPr')) ins.parentNode?.removeChild(ins);
  }
  for (const del of [...descendants(copy, 'del'), ...descendants(copy, 'moveFrom')]) {
    if (isW(del.parentNode, 'rPr') || !del.parentNode) continue;
    for (const dt of descendants(del, 'delText')) {
      const t = copy.ownerDocument!.createElementNS(W, 'w:t');
      t.appendChild(copy.ownerDocument!.createTextNode(dt.textContent ?? ''));
      dt.parentNode!.replaceChild(t, dt);
    }
    while (del.firstChild) del.parentNode.insertBefore(del.firstChild, del);
    del.parentNode.removeChild(del);
  }
  return docxParagraphText(copy).text;
}

/**
 * Accept the revisions of everyone but `author` in place: their insertions become plain text,
 * their deletions disappear, a paragraph mark they inserted or deleted stays a plain mark. The
 * two views then differ only by `author`'s changes, so a file that arrived with the payer's own
 * revisions is judged on what the redline added.
 */
function acceptOthers(body: Element, author: string): void {
  const others = (el: Element) => el.getAttributeNS(W, 'author') !== author;
  for (const name of ['del', 'moveFrom']) {
    for (const el of descendants(body, name).filter(others)) el.parentNode?.removeChild(el);
  }
  for (const name of ['ins', 'moveTo']) {
    for (const el of descendants(body, name).filter(others)) {
      const parent = el.parentNode;
      if (!parent) continue;
      if (!isW(parent, 'rPr')) while (el.firstChild) parent.insertBefore(el.firstChild, el);
      parent.removeChild(el);
    }
  }
}

/** Options of `trackedParagraphs`. */
export interface TrackedOptions {
  /** Only this author's revisions make the views differ; everyone else's count as accepted. */
  author?: string;
  /** Each view's text starts with the number Word generates for it ("4.2 Text"), as the reader sees it. */
  labels?: boolean;
}

/** Every paragraph of `word/document.xml` (tables included), in document order. */
export async function trackedParagraphs(docx: Uint8Array, options: TrackedOptions = {}): Promise<TrackedParagraph[]> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  // A byte-order mark before the XML declaration is legal (Word writes none, other producers do).
  const doc = new DOMParser().parseFromString(xml.replace(/^\uFEFF/, ''), 'text/xml');
  const body = descendants(doc.documentElement!, 'body')[0]!;
  if (options.author !== undefined) acceptOthers(body, options.author);
  const definitions = options.labels ? readListDefinitions((await zip.file('word/numbering.xml')?.async('string')) ?? null) : null;
  return descendants(body, 'p').map((p) => {
    let next = p.nextSibling;
    while (next && next.nodeType !== 1) next = next.nextSibling;
    const pPr = [...childrenOf(p)].find((c) => isW(c, 'pPr'));
    return {
      accepted: docxParagraphText(p).text,
      rejected: rejectedText(p),
      inserted: descendants(p, 'ins').filter((i) => !isW(i.parentNode, 'rPr')).map((i) => i.textContent ?? '').join(''),
      revisions: [...descendants(p, 'ins'), ...descendants(p, 'del')].filter((r) => !isW(r.parentNode, 'rPr')).map((r) => r.textContent ?? ''),
      markInserted: markRevision(p, 'ins'),
      markDeleted: markRevision(p, 'del'),
      numbered: !!pPr && descendants(pPr, 'numPr').length > 0,
      joinable: isW(next, 'p'),
      ...(definitions ? { list: { ref: listRef(pPr), definitions } } : {}),
    };
  });
}

function listRef(pPr: Element | undefined): ListRef | null {
  const numPr = pPr ? descendants(pPr, 'numPr')[0] : undefined;
  const numId = numPr ? descendants(numPr, 'numId')[0]?.getAttributeNS(W, 'val') : undefined;
  if (!numPr || !numId || numId === '0') return null;
  return { numId, ilvl: Number(descendants(numPr, 'ilvl')[0]?.getAttributeNS(W, 'val') ?? 0) };
}

/**
 * One view's paragraphs. A paragraph wholly added by the view's changes that ends up without
 * text and without a mark of its own disappears; a removed mark joins the paragraph to the next.
 */
export function view(paragraphs: TrackedParagraph[], mode: 'accept' | 'reject'): ViewParagraph[] {
  const out: ViewParagraph[] = [];
  let carry: ViewParagraph | null = null;
  paragraphs.forEach((p, i) => {
    const text = mode === 'accept' ? p.accepted : p.rejected;
    const markGone = mode === 'accept' ? p.markDeleted : p.markInserted;
    const current: ViewParagraph = carry ? { text: carry.text + text, numbered: p.numbered, from: [...carry.from, i] } : { text, numbered: p.numbered, from: [i] };
    carry = null;
    if (markGone && p.joinable) carry = current;
    else out.push(current);
  });
  if (carry) out.push(carry);
  // The surviving mark (the last paragraph joined) carries the numbering, as in Word.
  const lists = out.map((v) => paragraphs[v.from[v.from.length - 1]!]!.list);
  const definitions = lists.find((l) => l)?.definitions;
  if (!definitions) return out;
  const labels = listLabels(definitions, lists.map((l) => l?.ref ?? null));
  return out.map((v, i) => (labels[i] ? { ...v, text: `${labels[i]} ${v.text}` } : v));
}
