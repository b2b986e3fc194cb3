/**
 * Small namespace-aware DOM helpers for writing WordprocessingML. New elements reuse the
 * prefix the part already binds to the `w` namespace, so the serializer never has to add
 * namespace declarations inside the body.
 */
import { XMLSerializer } from '@xmldom/xmldom';
import type { Document, Element, Node } from '@xmldom/xmldom';
import { isW as isWordElement, parseXml as parseOoxml, W_NS } from '@redliner/parser';

// Namespaces and reading helpers come from the parser's OOXML layer (one definition); this module
// adds only what writing needs.
export { MC_NS, W_NS, W_STRICT_NS, childElements, wAncestor, wChild } from '@redliner/parser';

/** The parser's `isW` as a type guard, for the writer's `if (isW(n, 'p')) use(n)` loops. */
export const isW = (node: Node | null | undefined, localName?: string): node is Element => isWordElement(node, localName);

/** The `xml:` namespace (for `xml:space`). */
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/**
 * Parse XML the writer built itself (a new part, a style fragment) with the parser's one XML
 * reader; malformed markup here is a bug in this package, so it throws.
 */
export function parseXml(xml: string): Document {
  const doc = parseOoxml(xml);
  if (!doc) throw new Error('redline built malformed XML');
  return doc;
}

/** Serialize a part. */
export function serializeXml(doc: Document): string {
  return new XMLSerializer().serializeToString(doc);
}

/** Creates `w:` elements and attributes with the prefix of one part. */
export interface WWriter {
  doc: Document;
  prefix: string;
  el(localName: string, attrs?: Record<string, string>, children?: Node[]): Element;
  set(el: Element, localName: string, value: string): void;
  get(el: Element, localName: string): string | null;
}

/** A writer for `doc`, using whatever prefix its root binds to the w namespace. */
export function wWriter(doc: Document): WWriter {
  const prefix = doc.documentElement?.lookupPrefix(W_NS) ?? 'w';
  const q = (name: string) => (prefix ? `${prefix}:${name}` : name);
  const set = (el: Element, localName: string, value: string) => el.setAttributeNS(W_NS, q(localName), value);
  return {
    doc,
    prefix,
    el(localName, attrs = {}, children = []) {
      const el = doc.createElementNS(W_NS, q(localName));
      for (const [k, v] of Object.entries(attrs)) set(el, k, v);
      for (const c of children) el.appendChild(c);
      return el;
    },
    set,
    get: (el, localName) => el.getAttributeNS(W_NS, localName) || null,
  };
}

/** A `w:t` (or `w:delText`) holding `text`, always with `xml:space="preserve"` so edge spaces survive. */
export function textElement(w: WWriter, text: string, localName: 't' | 'delText' = 't'): Element {
  const t = w.el(localName);
  t.setAttributeNS(XML_NS, 'xml:space', 'preserve');
  t.appendChild(w.doc.createTextNode(text));
  return t;
}

/** Insert `node` right after `ref`. */
export function insertAfter(node: Node, ref: Node): void {
  ref.parentNode!.insertBefore(node, ref.nextSibling);
}
