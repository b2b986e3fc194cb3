/**
 * Paragraph styles from styles.xml, reduced to what structure needs: heading level and
 * style-linked numbering, both resolved through the `basedOn` chain as Word does.
 */
import type { Document, Element } from '@xmldom/xmldom';
import { wAttr, wChild, wDescendants, wVal } from './ooxml-dom.ts';

/** Numbering reference: `w:numId` and `w:ilvl`, either of which may be absent at one level of inheritance. */
export interface NumRef {
  numId?: string;
  ilvl?: number;
}

interface StyleInfo {
  name: string;
  basedOn: string | null;
  outlineLvl: number | null;
  numRef: NumRef | null;
}

/** Resolved paragraph and numbering styles of one document. */
export interface StyleSheet {
  paragraphStyles: Map<string, StyleInfo>;
  defaultParagraphStyle: string | null;
  /** Numbering styles (`w:type="numbering"`) by id: their numId, for `w:numStyleLink`. */
  numberingStyles: Map<string, string>;
}

/** Read styles.xml (or an empty sheet when the document has none). */
export function readStyles(doc: Document | null): StyleSheet {
  const sheet: StyleSheet = { paragraphStyles: new Map(), defaultParagraphStyle: null, numberingStyles: new Map() };
  if (!doc) return sheet;
  for (const style of wDescendants(doc, 'style')) {
    const id = wAttr(style, 'styleId');
    if (!id) continue;
    const type = wAttr(style, 'type') ?? 'paragraph';
    const pPr = wChild(style, 'pPr');
    if (type === 'numbering') {
      const numId = wVal(wChild(pPr, 'numPr'), 'numId');
      if (numId) sheet.numberingStyles.set(id, numId);
      continue;
    }
    if (type !== 'paragraph') continue;
    const outline = wVal(pPr, 'outlineLvl');
    sheet.paragraphStyles.set(id, {
      name: wVal(style, 'name') ?? id,
      basedOn: wVal(style, 'basedOn'),
      outlineLvl: outline === null ? null : Number(outline),
      numRef: readNumRef(wChild(pPr, 'numPr')),
    });
    if (['1', 'true', 'on'].includes(wAttr(style, 'default') ?? '')) sheet.defaultParagraphStyle = id;
  }
  return sheet;
}

/** Read a `w:numPr`; null when absent or empty. */
export function readNumRef(numPr: Element | null): NumRef | null {
  if (!numPr) return null;
  const ref: NumRef = {};
  const numId = wVal(numPr, 'numId');
  const ilvl = wVal(numPr, 'ilvl');
  if (numId !== null) ref.numId = numId;
  if (ilvl !== null && Number.isFinite(Number(ilvl))) ref.ilvl = Number(ilvl);
  return ref.numId === undefined && ref.ilvl === undefined ? null : ref;
}

/** The style chain from `styleId` up through `basedOn`, guarding against cycles. */
function styleChain(sheet: StyleSheet, styleId: string | null): StyleInfo[] {
  const out: StyleInfo[] = [];
  const seen = new Set<string>();
  let id = styleId ?? sheet.defaultParagraphStyle;
  while (id && !seen.has(id) && out.length < 20) {
    seen.add(id);
    const style = sheet.paragraphStyles.get(id);
    if (!style) break;
    out.push(style);
    id = style.basedOn;
  }
  return out;
}

const HEADING_NAME = /^heading\s*([1-9])$/i;

/**
 * Heading level (1 = top) of a paragraph with this style and direct outline level, or null for
 * body text. Direct `w:outlineLvl` wins, then the nearest style in the chain that decides.
 */
export function headingLevel(sheet: StyleSheet, styleId: string | null, directOutline: number | null): number | null {
  if (directOutline !== null) return directOutline >= 0 && directOutline <= 8 ? directOutline + 1 : null;
  for (const style of styleChain(sheet, styleId)) {
    const named = HEADING_NAME.exec(style.name.trim());
    if (named) return Number(named[1]);
    if (/^title$/i.test(style.name.trim())) return 1;
    if (style.outlineLvl !== null) return style.outlineLvl >= 0 && style.outlineLvl <= 8 ? style.outlineLvl + 1 : null;
  }
  // Without styles.xml the style id is all there is ("Heading2").
  const byId = styleId ? /^heading([1-9])$/i.exec(styleId) : null;
  return byId ? Number(byId[1]) : null;
}

/** Numbering a paragraph style supplies, merged up the `basedOn` chain (nearer styles win per field). */
export function styleNumRef(sheet: StyleSheet, styleId: string | null): NumRef | null {
  const merged: NumRef = {};
  for (const style of styleChain(sheet, styleId)) {
    if (!style.numRef) continue;
    if (merged.numId === undefined && style.numRef.numId !== undefined) merged.numId = style.numRef.numId;
    if (merged.ilvl === undefined && style.numRef.ilvl !== undefined) merged.ilvl = style.numRef.ilvl;
  }
  return merged.numId === undefined ? null : merged;
}

