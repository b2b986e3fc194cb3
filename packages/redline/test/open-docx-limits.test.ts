import { describe, expect, it } from 'vitest';
import { isParseError } from '@redliner/parser';
import { isRedlineError } from '../src/errors.ts';
import { openDocx } from '../src/open-docx.ts';
import { docxParts, documentXml, writeZip } from '../../parser/test/hostile-builders.ts';

describe('openDocx: the original goes through the parser zip checks', () => {
  it('refuses a bomb hidden behind an under-counting end record before JSZip reads it', async () => {
    const parts = [...docxParts(documentXml(['1. Term.'])), { name: 'word/media/hidden.bin', data: new Uint8Array(4 * 1024 * 1024) }];
    const error = await openDocx(writeZip(parts, { declaredCount: 3 }), 'contract.docx').then(() => null, (e: unknown) => e);
    expect(isParseError(error) && error.code).toBe('DOCX_TOO_LARGE');
  });

  it('reads parts with a bound: a part whose declared size lies stops at the part limit', async () => {
    const [types, rels] = docxParts('');
    const filler = '<w:p><w:r><w:t>x</w:t></w:r></w:p>'.repeat(600_000);
    const lying = { name: 'word/document.xml', data: documentXml([]).replace('<w:body>', `<w:body>${filler}`), declaredSize: 1024 };
    const error = await openDocx(writeZip([types!, rels!, lying]), 'contract.docx').then(() => null, (e: unknown) => e);
    expect(isParseError(error) && error.code).toBe('DOCX_TOO_LARGE');
  });

  it('still opens and saves an ordinary package', async () => {
    const pkg = await openDocx(writeZip(docxParts(documentXml(['1. Term. One year.']))), 'contract.docx');
    expect((await pkg.part(pkg.mainPath))?.documentElement?.localName).toBe('document');
    expect((await pkg.save()).byteLength).toBeGreaterThan(200);
  });

  it('answers REDLINE_ORIGINAL_MISMATCH for an original that is not a Word package (not a zip, an old .doc, no main part)', async () => {
    const [types, rels] = docxParts('');
    for (const bytes of [new TextEncoder().encode('not a zip'), new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), writeZip([types!, rels!])]) {
      const error = await openDocx(bytes, 'contract.docx').then(() => null, (e: unknown) => e);
      expect(isRedlineError(error) && error.code).toBe('REDLINE_ORIGINAL_MISMATCH');
    }
  });

  it('lists the original parts and lets a written part shadow the original one', async () => {
    const pkg = await openDocx(writeZip(docxParts(documentXml(['1. Term.']))), 'contract.docx');
    expect(pkg.partPaths).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
    const main = (await pkg.part(pkg.mainPath))!;
    const replacement = main.cloneNode(true) as typeof main;
    pkg.touch(pkg.mainPath, replacement);
    expect(await pkg.part(pkg.mainPath)).toBe(replacement);
  });
});
