/**
 * What a paragraph is, structurally: heading (from its style chain or outline level), list item
 * (from direct or style-linked numbering) or body paragraph, with the label Word generates.
 */
import type { Element } from '@xmldom/xmldom';
import { wChild, wVal } from './ooxml-dom.ts';
import { levelForStyle } from './numbering.ts';
import type { ListCounters, NumberingDefs } from './numbering.ts';
import { headingLevel, readNumRef, styleNumRef } from './styles.ts';
import type { StyleSheet } from './styles.ts';

/** The structural reading of one paragraph. */
export interface ParagraphKind {
  kind: 'heading' | 'list-item' | 'paragraph';
  level?: number;
  /** The label Word generates from list numbering, when there is one. */
  generatedLabel: string | null;
}

/** Classify `p` and advance the list counters (call exactly once per paragraph, in document order). */
export function classifyParagraph(p: Element, styles: StyleSheet, numbering: NumberingDefs, counters: ListCounters): ParagraphKind {
  const pPr = wChild(p, 'pPr');
  const styleId = wVal(pPr, 'pStyle');
  const outline = wVal(pPr, 'outlineLvl');
  const heading = headingLevel(styles, styleId, outline === null ? null : Number(outline));

  const direct = readNumRef(wChild(pPr, 'numPr'));
  const fromStyle = styleNumRef(styles, styleId);
  const numId = direct?.numId ?? fromStyle?.numId;
  let mark = null;
  let ilvl = 0;
  // numId 0 is Word's way of switching inherited numbering off for one paragraph.
  if (numId !== undefined && numId !== '0') {
    ilvl = direct?.ilvl ?? fromStyle?.ilvl ?? levelForStyle(numbering, numId, styleId) ?? 0;
    mark = counters.next(numId, ilvl);
  }
  const generatedLabel = mark?.label ?? null;
  if (heading !== null) return { kind: 'heading', level: heading, generatedLabel };
  if (mark?.isList) return { kind: 'list-item', level: ilvl + 1, generatedLabel };
  return { kind: 'paragraph', generatedLabel };
}

/** True when the paragraph mark itself is a tracked deletion: in the accepted view the paragraph joins the next one. */
export function paragraphMarkDeleted(p: Element): boolean {
  const rPr = wChild(wChild(p, 'pPr'), 'rPr');
  return wChild(rPr, 'del') !== null || wChild(rPr, 'moveFrom') !== null;
}
