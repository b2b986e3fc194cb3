/**
 * Small namespace-aware DOM helpers for writing WordprocessingML. New elements reuse the
 * prefix the part already binds to the `w` namespace, so the serializer never has to add
 * namespace declarations inside the body.
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import type { Document, Element, Node } from '@xmldom/xmldom';

/** Transitional WordprocessingML namespace. */
export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
/** Strict OOXML namespace; we refuse to edit it rather than write a mixed package. */
export const W_STRICT_NS = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
/** The `xml:` namespace (for `xml:space`). */
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
/** Markup compatibility namespace (`mc:AlternateContent`). */
export const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

const ELEMENT_NODE = 1;

/** Parse a part; throws on malformed XML (the caller decides what that means). */
export function parseXml(xml: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      if (level === 'fatalError') throw new Error(message);
    },
  }).parseFromString(xml.replace(/^\uFEFF/, ''), 'text/xml');
}

/** Serialize a part. */
export function serializeXml(doc: Document): string {
  return new XMLSerializer().serializeToString(doc);
}

/** True for a Transitional `w:` element, optionally with this local name. */
export function isW(node: Node | null | undefined, localName?: string): node is Element {
  if (!node || node.nodeType !== ELEMENT_NODE) return false;
  const el = node as Element;
  return el.namespaceURI === W_NS && (localName === undefined || el.localName === localName);
}

/** Child elements in order. */
export function childElements(el: Node): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === ELEMENT_NODE) out.push(n as Element);
  return out;
}

/** First `w:` child with this local name. */
export function wChild(el: Element | null | undefined, localName: string): Element | null {
  if (!el) return null;
  for (let n = el.firstChild; n; n = n.nextSibling) if (isW(n, localName)) return n;
  return null;
}

/** The nearest ancestor (or self) that is a `w:` element with this name. */
export function wAncestor(node: Node | null, localName: string, stopAt?: Node): Element | null {
  for (let n = node; n && n !== stopAt; n = n.parentNode) if (isW(n, localName)) return n;
  return null;
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
