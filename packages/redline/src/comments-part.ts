/**
 * Write Word comments: `word/comments.xml` (created or appended to), its content-type override
 * and relationship when new, and the CommentText/CommentReference styles when missing (without
 * them Word still opens the file, but mammoth warns and comments render unstyled).
 */
import type { Element } from '@xmldom/xmldom';
import type { CommentParagraph } from './comment-content.ts';
import type { DocxPackage } from './open-docx.ts';
import { relatedPart, relatedPartOrNew } from './related-part.ts';
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

const COMMENTS_PART = {
  kind: 'comments',
  fileName: 'comments.xml',
  contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml',
  emptyXml: `<w:comments xmlns:w="${W_NS}"/>`,
};

/** Add `comments` to the package. Does nothing for an empty list (no part is touched). */
export async function writeComments(pkg: DocxPackage, comments: CommentSpec[]): Promise<void> {
  if (comments.length === 0) return;
  const { path, doc } = await relatedPartOrNew(pkg, COMMENTS_PART);
  const w = wWriter(doc);
  for (const c of comments) doc.documentElement!.appendChild(commentElement(w, c));
  pkg.touch(path, doc);
  await ensureCommentStyles(pkg);
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

const STYLE_XML: Record<string, (p: string) => string> = {
  CommentText: (p) => `<${p}:style ${p}:type="paragraph" ${p}:styleId="CommentText"><${p}:name ${p}:val="annotation text"/><${p}:basedOn ${p}:val="Normal"/><${p}:uiPriority ${p}:val="99"/><${p}:unhideWhenUsed/><${p}:rPr><${p}:sz ${p}:val="20"/><${p}:szCs ${p}:val="20"/></${p}:rPr></${p}:style>`,
  CommentReference: (p) => `<${p}:style ${p}:type="character" ${p}:styleId="CommentReference"><${p}:name ${p}:val="annotation reference"/><${p}:uiPriority ${p}:val="99"/><${p}:unhideWhenUsed/><${p}:rPr><${p}:sz ${p}:val="16"/><${p}:szCs ${p}:val="16"/></${p}:rPr></${p}:style>`,
};

async function ensureCommentStyles(pkg: DocxPackage): Promise<void> {
  // The styles part the main part's relationships name (not a path assumed beside it).
  const found = await relatedPart(pkg, 'styles');
  if (!found) return;
  const { path: stylesPath, doc: styles } = found;
  const root = styles.documentElement;
  if (!root) return;
  const w = wWriter(styles);
  const present = new Set<string>();
  const list = styles.getElementsByTagNameNS(W_NS, 'style');
  for (let i = 0; i < list.length; i++) present.add(list.item(i)!.getAttributeNS(W_NS, 'styleId') ?? '');
  let changed = false;
  for (const [id, xml] of Object.entries(STYLE_XML)) {
    if (present.has(id)) continue;
    const fragment = parseXml(`<x xmlns:${w.prefix}="${W_NS}">${xml(w.prefix)}</x>`).documentElement!.firstChild!;
    root.appendChild(styles.importNode(fragment, true));
    changed = true;
  }
  if (changed) pkg.touch(stylesPath, styles);
}
