/**
 * Open the original DOCX for editing and save it back. Only parts we actually changed are
 * rewritten; every other zip entry keeps its exact bytes, which is what "the same document"
 * means to counsel (headers, numbering, styles, media all untouched by construction).
 *
 * Parts are read through the parser's zip reader, with its zip-bomb checks (every directory
 * record, bytes actually inflated, part and package limits): JSZip inflates without a bound, so
 * it only writes the package back, where unchanged entries keep their compressed bytes.
 */
import JSZip from 'jszip';
import type { Document } from '@xmldom/xmldom';
import { isParseError, mainPartPath, openZipArchive } from '@redliner/parser';
import type { ZipArchive } from '@redliner/parser';
import { RedlineError } from './errors.ts';
import { W_NS, W_STRICT_NS, parseXml, serializeXml } from './xml.ts';

/** The original package, with the XML parts we edit parsed lazily and tracked for saving. */
export interface DocxPackage {
  zip: JSZip;
  /** Path of the main document part (normally `word/document.xml`). */
  mainPath: string;
  /** Parse a part once; later calls return the same DOM. Null when the part does not exist. */
  part(path: string): Promise<Document | null>;
  /** Raw text of a part (for id scans), or null. */
  text(path: string): Promise<string | null>;
  /** Register a new or changed part so `save` writes it. */
  touch(path: string, doc: Document): void;
  /** Write the package: changed parts re-serialized, everything else as it was. */
  save(): Promise<Uint8Array>;
}

/**
 * Unzip the original and find its main part through `_rels/.rels`. A package over the parser's
 * limits throws its ParseError (DOCX_TOO_LARGE); `name` is the file name for messages.
 */
export async function openDocx(bytes: Uint8Array, name = 'the original document'): Promise<DocxPackage> {
  const notZip = () => new RedlineError('REDLINE_ORIGINAL_MISMATCH', 'The original file is not a readable DOCX (zip) package; upload the same .docx that was analysed.');
  let archive: ZipArchive;
  let zip: JSZip;
  try {
    archive = openZipArchive(bytes, name);
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    if (isParseError(error) && error.code !== 'DOCX_CORRUPT') throw error;
    throw notZip();
  }
  const cache = new Map<string, Document>();
  const changed = new Set<string>();
  const text = async (path: string) => archive.readText(path);
  const part = async (path: string) => {
    const hit = cache.get(path);
    if (hit) return hit;
    const xml = await text(path);
    if (xml === null) return null;
    const doc = parseXml(xml);
    cache.set(path, doc);
    return doc;
  };

  const rels = await part('_rels/.rels');
  const mainPath = mainPartPath(rels);
  const main = await part(mainPath);
  if (!main?.documentElement) throw new RedlineError('REDLINE_ORIGINAL_MISMATCH', `The original file has no Word document part (${mainPath}).`);
  if (main.documentElement.namespaceURI === W_STRICT_NS) {
    throw new RedlineError('REDLINE_UNSUPPORTED_DOCX', 'This DOCX is saved as "Strict Open XML", which Redliner cannot edit safely. Open it in Word, use File > Save As > "Word Document (.docx)", and export again.');
  }
  if (main.documentElement.namespaceURI !== W_NS) throw new RedlineError('REDLINE_UNSUPPORTED_DOCX', 'The main part of this file is not a WordprocessingML document.');

  return {
    zip,
    mainPath,
    part,
    text,
    touch(path, doc) {
      cache.set(path, doc);
      changed.add(path);
    },
    async save() {
      for (const path of changed) zip.file(path, serializeXml(cache.get(path)!));
      return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
    },
  };
}

/** The `.rels` part that belongs to a part (`word/document.xml` → `word/_rels/document.xml.rels`). */
export function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}
