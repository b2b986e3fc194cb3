import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { extractDocx } from '../src/docx/extract-docx.ts';
import { DEFAULT_ZIP_LIMITS } from '../src/docx/zip-limits.ts';
import { fixture, withParts } from './docx-helpers.ts';
import { parseErrorOf } from './parse-error-of.ts';

describe('DOCX package checks', () => {
  it('refuses a highly compressed entry as a zip bomb before inflating it', async () => {
    const zip = await JSZip.loadAsync(fixture('contract.docx'));
    zip.file('word/media/zeros.bin', new Uint8Array(4 * 1024 * 1024));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const error = await parseErrorOf(extractDocx(bytes, { name: 'bomb.docx' }));
    expect(error.code).toBe('DOCX_TOO_LARGE');
    expect(error.message).toMatch(/zip bomb/);
  });

  it('refuses more than 5000 entries', async () => {
    const zip = await JSZip.loadAsync(fixture('contract.docx'));
    for (let i = 0; i <= DEFAULT_ZIP_LIMITS.maxEntries; i++) zip.file(`customXml/item${i}.xml`, '<a/>');
    const error = await parseErrorOf(extractDocx(await zip.generateAsync({ type: 'uint8array' }), { name: 'many.docx' }));
    expect(error.code).toBe('DOCX_TOO_LARGE');
    expect(error.message).toMatch(/5000/);
  });

  it('refuses a package whose total unpacked size is over the limit', async () => {
    const limits = { ...DEFAULT_ZIP_LIMITS, maxTotalUncompressed: 10_000 };
    const error = await parseErrorOf(extractDocx(fixture('contract.docx'), { name: 'big.docx', zipLimits: limits }));
    expect(error.code).toBe('DOCX_TOO_LARGE');
    expect(error.message).toMatch(/unpacks to/);
  });

  it('reports garbage, old .doc files and zips without a Word document as DOCX_CORRUPT', async () => {
    const garbage = await parseErrorOf(extractDocx(new TextEncoder().encode('this is not a zip file at all'), { name: 'x.docx' }));
    expect(garbage.code).toBe('DOCX_CORRUPT');
    expect(garbage.message).toMatch(/not a valid DOCX/);
    const ole = await parseErrorOf(extractDocx(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), { name: 'old.doc' }));
    expect(ole.code).toBe('DOCX_CORRUPT');
    expect(ole.message).toMatch(/\.doc/);
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    const empty = await parseErrorOf(extractDocx(await zip.generateAsync({ type: 'uint8array' }), { name: 'other.docx' }));
    expect(empty.code).toBe('DOCX_CORRUPT');
    expect(empty.message).toMatch(/word\/document\.xml/);
  });

  it('reports a main part that is not well-formed XML as DOCX_CORRUPT', async () => {
    const broken = await withParts(fixture('contract.docx'), (files) => files.set('word/document.xml', '<w:document><w:body>'));
    expect((await parseErrorOf(extractDocx(broken, { name: 'broken.docx' }))).code).toBe('DOCX_CORRUPT');
  });

  it('reads Strict OOXML by mapping its namespace, with a warning', async () => {
    const doc = await extractDocx(fixture('strict.docx'), { name: 'strict.docx' });
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([['heading', 'Strict heading'], ['paragraph', 'Strict body text.']]);
    expect(doc.warnings.map((w) => w.code)).toEqual(['DOCX_STRICT_FORMAT']);
  });

  it('still reads the document when an optional part (numbering) is broken', async () => {
    const bytes = await withParts(fixture('contract.docx'), (files) => files.set('word/numbering.xml', '<w:numbering'));
    const doc = await extractDocx(bytes, { name: 'x.docx' });
    expect(doc.blocks.find((b) => b.text.startsWith('Definitions'))?.label).toBeUndefined();
    expect(doc.blocks).toHaveLength(28);
  });
});
