/**
 * Switch Track Changes on in the redlined package (`w:trackRevisions` in `word/settings.xml`),
 * so the edits the payer makes to our redline come back as tracked changes too. The element is
 * placed where the ISO/IEC 29500 schema puts it (after `w:revisionView`); a package without a
 * settings part gets one, with its relationship and content type.
 */
import type { DocxPackage } from './open-docx.ts';
import { relatedPartOrNew } from './related-part.ts';
import { W_NS, childElements, insertAfter, isW, wWriter } from './xml.ts';

const SETTINGS_PART = {
  kind: 'settings',
  fileName: 'settings.xml',
  contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml',
  emptyXml: `<w:settings xmlns:w="${W_NS}"/>`,
};

// CT_Settings is a sequence: these are the children that come before w:trackRevisions.
const BEFORE = new Set(
  'writeProtection view zoom removePersonalInformation removeDateAndTime doNotDisplayPageBoundaries displayBackgroundShape printPostScriptOverText printFractionalCharacterWidth printFormsData embedTrueTypeFonts embedSystemFonts saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges bordersDoNotSurroundHeader bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors hideGrammaticalErrors activeWritingStyle proofState formsDesign attachedTemplate linkStyles stylePaneFormatFilter stylePaneSortMethod documentType mailMerge revisionView'.split(' '),
);

/** Turn on `w:trackRevisions` in the package's document settings (created when missing). */
export async function enableTrackRevisions(pkg: DocxPackage): Promise<void> {
  const { path, doc: settings } = await relatedPartOrNew(pkg, SETTINGS_PART);
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
