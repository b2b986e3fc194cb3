/**
 * Write Word comments: `word/comments.xml` (created or appended to), its content-type override
 * and relationship when new, and the CommentText/CommentReference styles when missing (without
 * them Word still opens the file, but mammoth warns and comments render unstyled).
 */
import type { Document, Element } from '@xmldom/xmldom';
import type { CommentParagraph } from './comment-content.ts';
import type { DocxPackage } from './open-docx.ts';
import { relsPathOf } from './open-docx.ts';
import { W_NS, parseXml, textElement, wWriter } from './xml.ts';
import type { WWriter } from './xml.ts';

/** One comment to write. */
export interface CommentSpec {
  id: number;
  author: string;
  initials: string;
  date: string;
  paragraphs: CommentParagraph[];
}

const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Add `comments` to the package. Does nothing for an empty list (no part is touched). */
export async function writeComments(pkg: DocxPackage, comments: CommentSpec[]): Promise<void> {
  if (comments.length === 0) return;
  const relsPath = relsPathOf(pkg.mainPath);
  const rels = (await pkg.part(relsPath)) ?? parseXml(`${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"/>`);
  const base = pkg.mainPath.slice(0, pkg.mainPath.lastIndexOf('/') + 1);
  let path = existingCommentsPath(rels, base);
  let doc = path ? await pkg.part(path) : null;
  if (!path || !doc) {
    path = `${base}comments.xml`;
    doc = parseXml(`${XML_HEAD}<w:comments xmlns:w="${W_NS}"/>`);
    addRelationship(rels, path.slice(base.length));
    pkg.touch(relsPath, rels);
    await addContentType(pkg, `/${path}`);
  }
  const w = wWriter(doc);
  for (const c of comments) doc.documentElement!.appendChild(commentElement(w, c));
  pkg.touch(path, doc);
  await ensureCommentStyles(pkg, base);
}

function commentElement(w: WWriter, c: CommentSpec): Element {
  const el = w.el('comment', { id: String(c.id), author: c.author, date: c.date, initials: c.initials });
  c.paragraphs.forEach((runs, i) => {
    const p = w.el('p', {}, [w.el('pPr', {}, [w.el('pStyle', { val: 'CommentText' })])]);
    if (i === 0) p.appendChild(w.el('r', {}, [w.el('rPr', {}, [w.el('rStyle', { val: 'CommentReference' })]), w.el('annotationRef')]));
    for (const run of runs) {
      const r = w.el('r');
      if (run.bold || run.italic) r.appendChild(w.el('rPr', {}, [...(run.bold ? [w.el('b')] : []), ...(run.italic ? [w.el('i')] : [])]));
      r.appendChild(textElement(w, run.text));
      p.appendChild(r);
    }
    el.appendChild(p);
  });
  return el;
}

function existingCommentsPath(rels: Document, base: string): string | null {
  const list = rels.getElementsByTagNameNS(PKG_REL_NS, 'Relationship');
  for (let i = 0; i < list.length; i++) {
    const r = list.item(i)!;
    if (r.getAttribute('Type') !== COMMENTS_REL || r.getAttribute('TargetMode') === 'External') continue;
    const target = r.getAttribute('Target') ?? '';
    return target.startsWith('/') ? target.slice(1) : base + target;
  }
  return null;
}

function addRelationship(rels: Document, target: string): void {
  const root = rels.documentElement!;
  const used = new Set<string>();
  const list = rels.getElementsByTagNameNS(PKG_REL_NS, 'Relationship');
  for (let i = 0; i < list.length; i++) used.add(list.item(i)!.getAttribute('Id') ?? '');
  let n = list.length + 1;
  while (used.has(`rId${n}`)) n++;
  const rel = rels.createElementNS(PKG_REL_NS, 'Relationship');
  rel.setAttribute('Id', `rId${n}`);
  rel.setAttribute('Type', COMMENTS_REL);
  rel.setAttribute('Target', target);
  root.appendChild(rel);
}

async function addContentType(pkg: DocxPackage, partName: string): Promise<void> {
  const types = await pkg.part('[Content_Types].xml');
  if (!types?.documentElement) return;
  const overrides = types.getElementsByTagNameNS(CT_NS, 'Override');
  for (let i = 0; i < overrides.length; i++) if (overrides.item(i)!.getAttribute('PartName') === partName) return;
  const o = types.createElementNS(CT_NS, 'Override');
  o.setAttribute('PartName', partName);
  o.setAttribute('ContentType', COMMENTS_TYPE);
  types.documentElement.appendChild(o);
  pkg.touch('[Content_Types].xml', types);
}

const STYLE_XML: Record<string, (p: string) => string> = {
  CommentText: (p) => `<${p}:style ${p}:type="paragraph" ${p}:styleId="CommentText"><${p}:name ${p}:val="annotation text"/><${p}:basedOn ${p}:val="Normal"/><${p}:uiPriority ${p}:val="99"/><${p}:unhideWhenUsed/><${p}:rPr><${p}:sz ${p}:val="20"/><${p}:szCs ${p}:val="20"/></${p}:rPr></${p}:style>`,
  CommentReference: (p) => `<${p}:style ${p}:type="character" ${p}:styleId="CommentReference"><${p}:name ${p}:val="annotation reference"/><${p}:uiPriority ${p}:val="99"/><${p}:unhideWhenUsed/><${p}:rPr><${p}:sz ${p}:val="16"/><${p}:szCs ${p}:val="16"/></${p}:rPr></${p}:style>`,
};

async function ensureCommentStyles(pkg: DocxPackage, base: string): Promise<void> {
  const stylesPath = `${base}styles.xml`;
  const styles = await pkg.part(stylesPath);
  if (!styles?.documentElement) return;
  const w = wWriter(styles);
  const present = new Set<string>();
  const list = styles.getElementsByTagNameNS(W_NS, 'style');
  for (let i = 0; i < list.length; i++) present.add(list.item(i)!.getAttributeNS(W_NS, 'styleId') ?? '');
  let changed = false;
  for (const [id, xml] of Object.entries(STYLE_XML)) {
    if (present.has(id)) continue;
    const fragment = parseXml(`<x xmlns:${w.prefix}="${W_NS}">${xml(w.prefix)}</x>`).documentElement!.firstChild!;
    styles.documentElement.appendChild(styles.importNode(fragment, true));
    changed = true;
  }
  if (changed) pkg.touch(stylesPath, styles);
}
