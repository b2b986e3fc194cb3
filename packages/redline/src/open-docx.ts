/**
 * Open the original DOCX for editing and save it back. Only parts we actually changed are
 * rewritten; every other zip entry keeps its exact bytes, which is what "the same document"
 * means to counsel (headers, numbering, styles, media all untouched by construction).
 *
 * The package is opened through the parser's OOXML layer (`openOoxmlPackage`): the same zip-bomb
 * checks (every directory record, bytes actually inflated, part and package limits) and the same
 * main part, found through the root relationships. JSZip inflates without a bound, so it only
 * writes the package back, where unchanged entries keep their compressed bytes.
 */
import JSZip from 'jszip';
import type { Document } from '@xmldom/xmldom';
import { isParseError, openOoxmlPackage } from '@redliner/parser';
import type { OoxmlPackage } from '@redliner/parser';
import { RedlineError } from './errors.ts';
import { W_NS, W_STRICT_NS, serializeXml } from './xml.ts';

/** The original package, with the XML parts we edit parsed lazily and tracked for saving. */
export interface DocxPackage {
  /** Path of the main document part (normally `word/document.xml`). */
  mainPath: string;
  /** Every part path of the original package, as its zip directory lists them. */
  partPaths: readonly string[];
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
 * Open the original. A package over the parser's limits throws its ParseError (DOCX_TOO_LARGE);
 * one that is not a readable Word package is REDLINE_ORIGINAL_MISMATCH. `name` is for messages.
 */
export async function openDocx(bytes: Uint8Array, name = 'the original document'): Promise<DocxPackage> {
  let original: OoxmlPackage;
  let zip: JSZip;
  try {
    original = openOoxmlPackage(bytes, name);
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    if (isParseError(error) && error.code !== 'DOCX_CORRUPT') throw error;
    throw new RedlineError('REDLINE_ORIGINAL_MISMATCH', 'The original file is not a readable Word (.docx) package; upload the same .docx that was analysed.');
  }
  const root = original.main.documentElement!;
  if (root.namespaceURI === W_STRICT_NS) {
    throw new RedlineError('REDLINE_UNSUPPORTED_DOCX', 'This DOCX is saved as "Strict Open XML", which Redliner cannot edit safely. Open it in Word, use File > Save As > "Word Document (.docx)", and export again.');
  }
  if (root.namespaceURI !== W_NS) throw new RedlineError('REDLINE_UNSUPPORTED_DOCX', 'The main part of this file is not a WordprocessingML document.');

  // Parts written by this export shadow the original's.
  const written = new Map<string, Document>();
  return {
    mainPath: original.mainPath,
    partPaths: original.archive.entries.map((entry) => entry.name),
    part: async (path) => written.get(path) ?? original.part(path),
    text: async (path) => original.text(path),
    touch(path, doc) {
      written.set(path, doc);
    },
    async save() {
      for (const [path, doc] of written) zip.file(path, serializeXml(doc));
      return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
    },
  };
}
