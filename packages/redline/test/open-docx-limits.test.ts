import { describe, expect, it } from 'vitest';
import { isParseError } from '@redliner/parser';
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
});
