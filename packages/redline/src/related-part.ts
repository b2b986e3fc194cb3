/**
 * A part related to the main document (comments, settings), found through the main part's
 * relationships with the parser's OOXML layer, or created with its relationship and content
 * type when the original has none. Written once: comments and Track Changes settings both
 * need it.
 */
import type { Document } from '@xmldom/xmldom';
import { partFolder, relationshipTargets, relsPathOf } from '@redliner/parser';
import type { DocxPackage } from './open-docx.ts';
import { parseXml } from './xml.ts';

const REL_TYPE_BASE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** What to create when the main part has no related part of this kind. */
export interface NewPartSpec {
  /** Relationship kind, the last segment of its type URI (`comments`, `settings`). */
  kind: string;
  /** File name of a new part, beside the main part (`comments.xml`). */
  fileName: string;
  /** Content type of a new part. */
  contentType: string;
  /** The new part's XML, without the XML declaration. */
  emptyXml: string;
}

/** The related part of `spec.kind` and its path; a new, empty one (relationship and content type added) when the original has none. */
export async function relatedPartOrNew(pkg: DocxPackage, spec: NewPartSpec): Promise<{ path: string; doc: Document }> {
  const relsPath = relsPathOf(pkg.mainPath);
  const base = partFolder(pkg.mainPath);
  const rels = (await pkg.part(relsPath)) ?? parseXml(`${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"/>`);
  const existing = relationshipTargets(rels, base, spec.kind)[0];
  const doc = existing ? await pkg.part(existing) : null;
  if (existing && doc?.documentElement) return { path: existing, doc };
  const path = `${base}${spec.fileName}`;
  addRelationship(rels, `${REL_TYPE_BASE}${spec.kind}`, spec.fileName);
  pkg.touch(relsPath, rels);
  await addContentType(pkg, `/${path}`, spec.contentType);
  return { path, doc: parseXml(`${XML_HEAD}${spec.emptyXml}`) };
}

/** A related part that exists in the original (styles), or null; never created. */
export async function relatedPart(pkg: DocxPackage, kind: string): Promise<{ path: string; doc: Document } | null> {
  const rels = await pkg.part(relsPathOf(pkg.mainPath));
  const path = rels ? relationshipTargets(rels, partFolder(pkg.mainPath), kind)[0] : undefined;
  const doc = path ? await pkg.part(path) : null;
  return path && doc?.documentElement ? { path, doc } : null;
}

function addRelationship(rels: Document, type: string, target: string): void {
  const used = new Set<string>();
  const list = rels.getElementsByTagNameNS(PKG_REL_NS, 'Relationship');
  for (let i = 0; i < list.length; i++) used.add(list.item(i)!.getAttribute('Id') ?? '');
  let n = list.length + 1;
  while (used.has(`rId${n}`)) n++;
  const rel = rels.createElementNS(PKG_REL_NS, 'Relationship');
  rel.setAttribute('Id', `rId${n}`);
  rel.setAttribute('Type', type);
  rel.setAttribute('Target', target);
  rels.documentElement!.appendChild(rel);
}

async function addContentType(pkg: DocxPackage, partName: string, contentType: string): Promise<void> {
  const types = await pkg.part('[Content_Types].xml');
  if (!types?.documentElement) return;
  const overrides = types.getElementsByTagNameNS(CT_NS, 'Override');
  for (let i = 0; i < overrides.length; i++) if (overrides.item(i)!.getAttribute('PartName') === partName) return;
  const o = types.createElementNS(CT_NS, 'Override');
  o.setAttribute('PartName', partName);
  o.setAttribute('ContentType', contentType);
  types.documentElement.appendChild(o);
  pkg.touch('[Content_Types].xml', types);
}
