/**
 * Open a DOCX package: refuse zip bombs and non-zips, find the main document part through the
 * package relationships (not by assuming a path), and locate the parts the extractor reads.
 */
import type { Document } from '@xmldom/xmldom';
import { ParseError, isParseError } from '../errors.ts';
import type { ParseWarning } from '../types.ts';
import { parseXml } from './ooxml-dom.ts';
import { corruptZip, openZipArchive } from './zip-archive.ts';
import { DEFAULT_ZIP_LIMITS } from './zip-limits.ts';
import type { ZipLimits } from './zip-limits.ts';

/** The parts of a DOCX the extractor needs, already parsed. */
export interface DocxPackage {
  mainPath: string;
  main: Document;
  /** Related parts of the main document by relationship kind (`styles`, `numbering`, `footnotes`…). */
  related: Map<string, { path: string; doc: Document }>;
  warnings: ParseWarning[];
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const RELATED_KINDS = ['styles', 'numbering', 'footnotes', 'endnotes', 'comments'];

/** Unzip and parse; throws ParseError (DOCX_CORRUPT, DOCX_TOO_LARGE) for unreadable packages. */
export async function openDocxPackage(bytes: Uint8Array, file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<DocxPackage> {
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) {
    throw new ParseError('DOCX_CORRUPT', 'This file is an old-style Word document (.doc) or a password-protected DOCX, which Redliner cannot read. Remove the password, or open it in Word and use File > Save As > "Word Document (.docx)".', { file });
  }
  const zip = openZipArchive(bytes, file, limits);
  // An optional part that is damaged is skipped; one over a size limit stops the whole read.
  const readText = async (path: string): Promise<string | null> => {
    try {
      return zip.readText(path);
    } catch (error) {
      if (isParseError(error) && error.code === 'DOCX_TOO_LARGE') throw error;
      return null;
    }
  };
  const readDoc = async (path: string) => {
    const text = await readText(path);
    return text === null ? null : parseXml(text);
  };

  const rootRels = await readDoc('_rels/.rels');
  const mainPath = mainPartPath(rootRels);
  const mainText = zip.entry(mainPath) && !mainPath.endsWith('/') ? zip.readText(mainPath) : null;
  const main = mainText === null ? null : parseXml(mainText);
  if (!main) {
    throw corruptZip(file, mainText === null ? 'it has no Word document part (word/document.xml); it may be another kind of Office file' : 'its main document part is not well-formed XML');
  }

  const warnings: ParseWarning[] = [];
  const contentTypes = await readText('[Content_Types].xml');
  const mainType = contentTypes ? mainContentType(contentTypes, mainPath) : null;
  if (mainType && /macroEnabled|template/i.test(mainType)) {
    warnings.push({ code: 'DOCX_MACRO_OR_TEMPLATE', message: 'This file is a Word template or a macro-enabled document. Redliner read its text normally (macros are never run); export the redline from a regular .docx copy if Word complains.' });
  }

  const related = new Map<string, { path: string; doc: Document }>();
  const relsPath = mainPath.replace(/[^/]*$/, (name) => `_rels/${name}.rels`);
  const mainRels = await readDoc(relsPath);
  if (mainRels) {
    const base = mainPath.includes('/') ? mainPath.slice(0, mainPath.lastIndexOf('/') + 1) : '';
    for (const kind of RELATED_KINDS) {
      const path = relationshipTargets(mainRels, base, kind)[0];
      const doc = path ? await readDoc(path) : null;
      if (path && doc) related.set(kind, { path, doc });
    }
  }
  return { mainPath, main, related, warnings };
}

/**
 * Targets of relationships whose type ends in `/<kind>`; matching the suffix covers both the
 * Transitional and the Strict relationship URIs.
 */
/**
 * The package's main document part, as its root relationships (`_rels/.rels`) name it: usually
 * `word/document.xml`, but `word/document2.xml` or `./word/document.xml` are as valid. The parser
 * and the redline writer both take it from here, so they always agree on which part is the body.
 */
export function mainPartPath(rootRels: Document | null | undefined): string {
  return (rootRels && relationshipTargets(rootRels, '', 'officeDocument')[0]) ?? 'word/document.xml';
}

function relationshipTargets(rels: Document, base: string, kind: string): string[] {
  const out: string[] = [];
  const list = rels.getElementsByTagName('Relationship');
  for (let i = 0; i < list.length; i++) {
    const rel = list.item(i)!;
    if (rel.getAttribute('TargetMode') === 'External') continue;
    const type = rel.getAttribute('Type') ?? '';
    const target = rel.getAttribute('Target');
    if (!target || !type.endsWith(`/${kind}`)) continue;
    out.push(resolvePartPath(base, target));
  }
  return out;
}

function resolvePartPath(base: string, target: string): string {
  const joined = target.startsWith('/') ? target.slice(1) : base + target;
  const parts: string[] = [];
  for (const segment of joined.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

function mainContentType(contentTypes: string, mainPath: string): string | null {
  const doc = parseXml(contentTypes);
  if (!doc) return null;
  const overrides = doc.getElementsByTagName('Override');
  for (let i = 0; i < overrides.length; i++) {
    const o = overrides.item(i)!;
    if ((o.getAttribute('PartName') ?? '').replace(/^\//, '').toLowerCase() === mainPath.toLowerCase()) return o.getAttribute('ContentType');
  }
  return null;
}
