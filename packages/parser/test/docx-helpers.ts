/** Shared helpers for the docx-* tests: load committed fixtures and find a paragraph by index. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';
import type { Element } from '@xmldom/xmldom';

const FIXTURES = fileURLToPath(new URL('./fixtures/docx/', import.meta.url));

/** Bytes of a committed fixture. */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(FIXTURES + name));
}

/** The `index`-th `w:p` (document order, all `w:p` of the part) of a part of a DOCX. */
export async function paragraphAt(bytes: Uint8Array, part: string, index: number): Promise<Element> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file(part)!.async('string');
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const p = doc.getElementsByTagNameNS('http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'p').item(index);
  if (!p) throw new Error(`no paragraph ${index} in ${part}`);
  return p;
}

/** Rewrite parts of a fixture (to derive variants without committing more binaries). */
export async function withParts(bytes: Uint8Array, edit: (files: Map<string, string>) => void): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const files = new Map<string, string>();
  for (const entry of Object.values(zip.files)) if (!entry.dir) files.set(entry.name, await entry.async('string'));
  edit(files);
  const out = new JSZip();
  for (const [name, text] of files) out.file(name, text);
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
