/**
 * Switch Track Changes on in the redlined package (`w:trackRevisions` in `word/settings.xml`),
 * so the edits the payer makes to our redline come back as tracked changes too. The element is
 * placed where the ISO/IEC 29500 schema puts it (after `w:revisionView`); a package without a
 * settings part gets one, with its relationship and content type.
 */
import type { Document } from '@xmldom/xmldom';
import type { DocxPackage } from './open-docx.ts';
import { relsPathOf } from './open-docx.ts';
import { W_NS, childElements, insertAfter, isW, parseXml, wWriter } from './xml.ts';

const SETTINGS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings';
const SETTINGS_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// CT_Settings is a sequence: these are the children that come before w:trackRevisions.
const BEFORE = new Set(
  'writeProtection view zoom removePersonalInformation removeDateAndTime doNotDisplayPageBoundaries displayBackgroundShape printPostScriptOverText printFractionalCharacterWidth printFormsData embedTrueTypeFonts embedSystemFonts saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges bordersDoNotSurroundHeader bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors hideGrammaticalErrors activeWritingStyle proofState formsDesign attachedTemplate linkStyles stylePaneFormatFilter stylePaneSortMethod documentType mailMerge revisionView'.split(' '),
);

/** Turn on `w:trackRevisions` in the package's document settings (created when missing). */
export async function enableTrackRevisions(pkg: DocxPackage): Promise<void> {
  const relsPath = relsPathOf(pkg.mainPath);
  const rels = (await pkg.part(relsPath)) ?? parseXml(`${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"/>`);
  const base = pkg.mainPath.slice(0, pkg.mainPath.lastIndexOf('/') + 1);
  let path = settingsPath(rels, base);
  let settings = path ? await pkg.part(path) : null;
  if (!path || !settings?.documentElement) {
    path = `${base}settings.xml`;
    settings = parseXml(`${XML_HEAD}<w:settings xmlns:w="${W_NS}"/>`);
    addRelationship(rels, path.slice(base.length));
    pkg.touch(relsPath, rels);
    await addContentType(pkg, `/${path}`);
  }
  const root = settings.documentElement!;
  const w = wWriter(settings);
  const existing = childElements(root).find((c) => isW(c, 'trackRevisions'));
  if (existing) {
    // w:val="false" (or "0") would keep tracking off; the bare element means on.
    existing.removeAttributeNS(W_NS, 'val');
  } else {
    const last = childElements(root).filter((c) => isW(c) && BEFORE.has(c.localName ?? '')).pop();
    const el = w.el('trackRevisions');
    if (last) insertAfter(el, last);
    else root.insertBefore(el, root.firstChild);
  }
  pkg.touch(path, settings);
}

function settingsPath(rels: Document, base: string): string | null {
  const list = rels.getElementsByTagNameNS(PKG_REL_NS, 'Relationship');
  for (let i = 0; i < list.length; i++) {
    const r = list.item(i)!;
    if (r.getAttribute('Type') !== SETTINGS_REL || r.getAttribute('TargetMode') === 'External') continue;
    const target = r.getAttribute('Target') ?? '';
    return target.startsWith('/') ? target.slice(1) : base + target;
  }
  return null;
}

function addRelationship(rels: Document, target: string): void {
  const used = new Set<string>();
  const list = rels.getElementsByTagNameNS(PKG_REL_NS, 'Relationship');
  for (let i = 0; i < list.length; i++) used.add(list.item(i)!.getAttribute('Id') ?? '');
  let n = list.length + 1;
  while (used.has(`rId${n}`)) n++;
  const rel = rels.createElementNS(PKG_REL_NS, 'Relationship');
  rel.setAttribute('Id', `rId${n}`);
  rel.setAttribute('Type', SETTINGS_REL);
  rel.setAttribute('Target', target);
  rels.documentElement!.appendChild(rel);
}

async function addContentType(pkg: DocxPackage, partName: string): Promise<void> {
  const types = await pkg.part('[Content_Types].xml');
  if (!types?.documentElement) return;
  const overrides = types.getElementsByTagNameNS(CT_NS, 'Override');
  for (let i = 0; i < overrides.length; i++) if (overrides.item(i)!.getAttribute('PartName') === partName) return;
  const o = types.createElementNS(CT_NS, 'Override');
  o.setAttribute('PartName', partName);
  o.setAttribute('ContentType', SETTINGS_TYPE);
  types.documentElement.appendChild(o);
  pkg.touch('[Content_Types].xml', types);
}
