/**
 * The text model of one `w:p`: the characters a reader of the ACCEPTED view sees, with a
 * segment per source node. Parser offsets (DocxSourceSpan.offset) and the redline package's
 * run splitting both index into this string, so the two must never diverge: any change here
 * changes what every stored offset means.
 */
import type { Element, Node } from '@xmldom/xmldom';
import { MC_NS, childElements, isElementNS, isW, wAttr, wChild, wOn } from './ooxml-dom.ts';

/** What produced a stretch of the text model. */
export type TextModelKind = 'text' | 'tab' | 'break' | 'hyphen' | 'symbol' | 'object';

/** `[start, end)` of the paragraph text model and the node that produced it. */
export interface TextModelSegment {
  start: number;
  end: number;
  /** The element that produced the characters (`w:t`, `w:tab`, `w:drawing`…). */
  node: Element;
  /** The `w:r` the node sits in (null for the rare text outside runs, e.g. math). */
  run: Element | null;
  kind: TextModelKind;
  /** Inside a field result (complex or `w:fldSimple`): Word regenerates it on update. */
  inField: boolean;
  /** Inside an existing tracked insertion (`w:ins`/`w:moveTo`). */
  inIns: boolean;
  /** Must not be split or edited: locked content control, symbol, drawing or note reference. */
  locked: boolean;
}

/** U+FFFC stands for drawings, objects and note references; normalization drops it. */
export const OBJECT_CHAR = '\ufffc';

const MATH_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/math';

// Containers whose children are read as if they sat directly in the paragraph.
const TRANSPARENT = new Set(['hyperlink', 'smartTag', 'customXml', 'dir', 'bdo', 'ins', 'moveTo', 'fldSimple', 'sdt', 'sdtContent']);
// The accepted view hides these, with everything inside them.
const HIDDEN = new Set(['del', 'moveFrom', 'delText', 'instrText', 'delInstrText', 'pPr', 'rPr', 'sdtPr', 'sdtEndPr', 'fldData']);
const OBJECTS = new Set(['drawing', 'pict', 'object', 'footnoteReference', 'endnoteReference', 'footnoteRef', 'endnoteRef', 'contentPart', 'embeddedObject']);

interface WalkState {
  inIns: boolean;
  locked: boolean;
  /** Complex-field stack: true while that field is in its code part (before `separate`). */
  fields: boolean[];
  simpleField: number;
}

/** Build the accepted-view text of a paragraph and the segments that map it back to XML nodes. */
export function docxParagraphText(p: Element): { text: string; segments: TextModelSegment[] } {
  let text = '';
  const segments: TextModelSegment[] = [];
  const state: WalkState = { inIns: false, locked: insideLockedBlockControl(p), fields: [], simpleField: 0 };

  const inCode = () => state.fields.some((code) => code);
  const push = (chars: string, node: Element, run: Element | null, kind: TextModelKind, locked = false) => {
    if (chars.length === 0 || inCode()) return;
    segments.push({
      start: text.length,
      end: text.length + chars.length,
      node,
      run,
      kind,
      inField: state.fields.length > 0 || state.simpleField > 0,
      inIns: state.inIns,
      locked: locked || state.locked,
    });
    text += chars;
  };

  const runContent = (el: Element, run: Element) => {
    if (isElementNS(el, MC_NS, 'AlternateContent')) {
      // Word reads mc:Choice; the Fallback is a second copy of the same content.
      const choice = childElements(el).find((c) => isElementNS(c, MC_NS, 'Choice'));
      if (choice) for (const c of childElements(choice)) runContent(c, run);
      return;
    }
    if (!isW(el)) return;
    const name = el.localName ?? '';
    if (HIDDEN.has(name)) return;
    switch (name) {
      case 't':
        push(el.textContent ?? '', el, run, 'text');
        return;
      case 'tab':
      case 'ptab':
        push('\t', el, run, 'tab');
        return;
      case 'br':
      case 'cr':
        push('\n', el, run, 'break');
        return;
      case 'noBreakHyphen':
        push('\u2011', el, run, 'hyphen');
        return;
      case 'sym': {
        const code = Number.parseInt(wAttr(el, 'char') ?? '', 16);
        push(Number.isFinite(code) && code > 0 ? String.fromCharCode(code) : OBJECT_CHAR, el, run, 'symbol', true);
        return;
      }
      case 'fldChar': {
        const type = wAttr(el, 'fldCharType');
        if (type === 'begin') state.fields.push(true);
        else if (type === 'separate' && state.fields.length > 0) state.fields[state.fields.length - 1] = false;
        else if (type === 'end') state.fields.pop();
        return;
      }
      default:
        if (OBJECTS.has(name)) push(OBJECT_CHAR, el, run, 'object', true);
      // Everything else in a run (proofErr, lastRenderedPageBreak, separators…) is zero-width.
    }
  };

  const walk = (node: Node) => {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (isElementNS(n, MC_NS, 'AlternateContent')) {
        const choice = childElements(n as Element).find((c) => isElementNS(c, MC_NS, 'Choice'));
        if (choice) walk(choice);
        continue;
      }
      if (isElementNS(n, MATH_NS, 't')) {
        push(n.textContent ?? '', n as Element, null, 'text');
        continue;
      }
      if (n.nodeType === 1 && (n as Element).namespaceURI === MATH_NS) {
        walk(n);
        continue;
      }
      if (!isW(n)) continue;
      const el = n as Element;
      const name = el.localName ?? '';
      if (HIDDEN.has(name)) continue;
      if (name === 'r') {
        if (isHiddenRun(el)) continue;
        for (const c of childElements(el)) runContent(c, el);
      } else if (TRANSPARENT.has(name)) {
        enterContainer(el, name, () => walk(el));
      }
      // Zero-width markers (bookmarks, proofErr, comment ranges, permStart…) produce nothing.
    }
  };

  const enterContainer = (el: Element, name: string, body: () => void) => {
    const saved = { inIns: state.inIns, locked: state.locked };
    if (name === 'ins' || name === 'moveTo') state.inIns = true;
    if (name === 'sdt' && isLockedContentControl(el)) state.locked = true;
    if (name === 'fldSimple') state.simpleField++;
    body();
    if (name === 'fldSimple') state.simpleField--;
    state.inIns = saved.inIns;
    state.locked = saved.locked;
  };

  walk(p);
  return { text, segments };
}

/** Runs formatted as hidden text (`w:vanish`) are not displayed or printed by Word. */
function isHiddenRun(run: Element): boolean {
  return wOn(wChild(run, 'rPr'), 'vanish');
}

// A block-level content control (around paragraphs, rows or cells) locks everything in it.
function insideLockedBlockControl(p: Element): boolean {
  for (let n: Node | null = p.parentNode; n; n = n.parentNode) if (isW(n, 'sdt') && isLockedContentControl(n as Element)) return true;
  return false;
}

/** True for a content control whose content the author locked against editing. */
export function isLockedContentControl(sdt: Element): boolean {
  const lock = wAttr(wChild(wChild(sdt, 'sdtPr'), 'lock'), 'val');
  return lock === 'contentLocked' || lock === 'sdtContentLocked';
}
