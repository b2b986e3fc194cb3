/**
 * The parts of a DOCX the extractor reads, taken from the shared package layer
 * (`ooxml-package.ts`): the main part, its related styles, numbering, notes and comments, and a
 * warning for templates and macro-enabled files.
 */
import type { Document } from '@xmldom/xmldom';
import type { ParseWarning } from '../types.ts';
import { openOoxmlPackage, optionalPart, partFolder, relationshipTargets, relsPathOf } from './ooxml-package.ts';
import type { ZipLimits } from './zip-limits.ts';

/** The parts of a DOCX the extractor needs, already parsed. */
export interface DocxPackage {
  mainPath: string;
  main: Document;
  /** Related parts of the main document by relationship kind (`styles`, `numbering`, `footnotes`…). */
  related: Map<string, { path: string; doc: Document }>;
  warnings: ParseWarning[];
}

const RELATED_KINDS = ['styles', 'numbering', 'footnotes', 'endnotes', 'comments'];

/** Unzip and parse; throws ParseError (DOCX_CORRUPT, DOCX_TOO_LARGE) for unreadable packages. */
export async function openDocxPackage(bytes: Uint8Array, file: string, limits?: ZipLimits): Promise<DocxPackage> {
  const pkg = openOoxmlPackage(bytes, file, limits);
  const { mainPath, main } = pkg;

  const warnings: ParseWarning[] = [];
  const contentTypes = optionalPart(pkg.part, '[Content_Types].xml');
  const mainType = contentTypes ? mainContentType(contentTypes, mainPath) : null;
  if (mainType && /macroEnabled|template/i.test(mainType)) {
    warnings.push({ code: 'DOCX_MACRO_OR_TEMPLATE', message: 'This file is a Word template or a macro-enabled document. Redliner read its text normally (macros are never run); export the redline from a regular .docx copy if Word complains.' });
  }

  // An optional part that is damaged is skipped; one over a size limit stops the whole read.
  const related = new Map<string, { path: string; doc: Document }>();
  const mainRels = optionalPart(pkg.part, relsPathOf(mainPath));
  if (mainRels) {
    for (const kind of RELATED_KINDS) {
      const path = relationshipTargets(mainRels, partFolder(mainPath), kind)[0];
      const doc = path ? optionalPart(pkg.part, path) : null;
      if (path && doc) related.set(kind, { path, doc });
    }
  }
  return { mainPath, main, related, warnings };
}

function mainContentType(contentTypes: Document, mainPath: string): string | null {
  const overrides = contentTypes.getElementsByTagName('Override');
  for (let i = 0; i < overrides.length; i++) {
    const o = overrides.item(i)!;
    if ((o.getAttribute('PartName') ?? '').replace(/^\//, '').toLowerCase() === mainPath.toLowerCase()) return o.getAttribute('ContentType');
  }
  return null;
}
