/**
 * The one way Redliner opens an OOXML package, for reading (the parser) and for editing (the
 * redline writer): the bounded zip reader (every directory record checked, bytes actually
 * inflated counted), parts parsed once, and the main document part taken from the package's
 * root relationships rather than assumed, so both sides always agree on which part is the body.
 */
import type { Document } from '@xmldom/xmldom';
import { ParseError } from '../errors.ts';
import { parseXml } from './ooxml-dom.ts';
import { corruptZip, openZipArchive } from './zip-archive.ts';
import type { ZipArchive } from './zip-archive.ts';
import { DEFAULT_ZIP_LIMITS } from './zip-limits.ts';
import type { ZipLimits } from './zip-limits.ts';

/** An opened package. Reads throw `ParseError` (DOCX_TOO_LARGE over a limit, DOCX_CORRUPT when damaged). */
export interface OoxmlPackage {
  /** The bounded zip reader underneath (its directory lists every part). */
  readonly archive: ZipArchive;
  /** Path of the main document part, as `_rels/.rels` names it (normally `word/document.xml`). */
  readonly mainPath: string;
  /** The main document part, parsed. */
  readonly main: Document;
  /** A part's text; null when the package has no such part. */
  text(path: string): string | null;
  /** A part parsed once (later calls return the same DOM); null when absent; DOCX_CORRUPT when not well-formed XML. */
  part(path: string): Document | null;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/**
 * Open a package: DOCX_CORRUPT for an old .doc or encrypted file, a non-zip, or a package without
 * a well-formed main part; DOCX_TOO_LARGE when the directory or a read part breaks a limit.
 */
export function openOoxmlPackage(bytes: Uint8Array, file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): OoxmlPackage {
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) {
    throw new ParseError('DOCX_CORRUPT', 'This file is an old-style Word document (.doc) or a password-protected DOCX, which Redliner cannot read. Remove the password, or open it in Word and use File > Save As > "Word Document (.docx)".', { file });
  }
  const archive = openZipArchive(bytes, file, limits);
  const parsed = new Map<string, Document | null>();
  const text = (path: string) => archive.readText(path);
  const part = (path: string): Document | null => {
    if (parsed.has(path)) return parsed.get(path)!;
    const xml = text(path);
    const doc = xml === null ? null : parseXml(xml);
    if (xml !== null && !doc) throw corruptZip(file, `its part "${path}" is not well-formed XML`);
    parsed.set(path, doc);
    return doc;
  };

  // A broken root relationships part is as good as none: the main part then has its usual name.
  const rootRels = optionalPart(part, '_rels/.rels');
  const mainPath = mainPartPath(rootRels);
  if (!archive.entry(mainPath) || mainPath.endsWith('/')) {
    throw corruptZip(file, `it has no Word document part (${mainPath}); it may be another kind of Office file`);
  }
  const mainText = text(mainPath);
  const main = mainText === null ? null : parseXml(mainText);
  if (!main) throw corruptZip(file, 'its main document part is not well-formed XML');
  parsed.set(mainPath, main);
  return { archive, mainPath, main, text, part };
}

/**
 * A part that may be missing or damaged without sinking the document (styles, numbering,
 * notes): null then. A part over a size limit still stops the whole read.
 */
export function optionalPart(part: (path: string) => Document | null, path: string): Document | null {
  try {
    return part(path);
  } catch (error) {
    if (error instanceof ParseError && error.code === 'DOCX_TOO_LARGE') throw error;
    return null;
  }
}

/**
 * The package's main document part, as its root relationships (`_rels/.rels`) name it: usually
 * `word/document.xml`, but `word/document2.xml` or `./word/document.xml` are as valid.
 */
export function mainPartPath(rootRels: Document | null | undefined): string {
  return (rootRels && relationshipTargets(rootRels, '', 'officeDocument')[0]) ?? 'word/document.xml';
}

/**
 * Targets of the internal relationships whose type ends in `/<kind>`, as package paths resolved
 * against `base` (the folder of the part the relationships belong to). Matching the suffix
 * covers both the Transitional and the Strict relationship URIs.
 */
export function relationshipTargets(rels: Document, base: string, kind: string): string[] {
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

/** The `.rels` part that belongs to a part (`word/document.xml` → `word/_rels/document.xml.rels`). */
export function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

/** The folder of a part, with its trailing slash (`word/document.xml` → `word/`). */
export function partFolder(partPath: string): string {
  return partPath.slice(0, partPath.lastIndexOf('/') + 1);
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
