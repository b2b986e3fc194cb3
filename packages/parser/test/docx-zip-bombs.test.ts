import { describe, expect, it } from 'vitest';
import { extractDocx } from '../src/docx/extract-docx.ts';
import { DEFAULT_ZIP_LIMITS } from '../src/docx/zip-limits.ts';
import { parseDocument } from '../src/parse-document.ts';
import { docxParts, documentXml, largeDocumentXml, writeZip } from './hostile-builders.ts';
import { parseErrorOf } from './parse-error-of.ts';

const zeros = (mb: number) => new Uint8Array(mb * 1024 * 1024);

describe('DOCX zip bombs', () => {
  it('checks every directory record, also those an under-counting end record leaves out', async () => {
    const parts = [...docxParts(documentXml(['1. Term. One year.'])), { name: 'word/media/hidden.bin', data: zeros(4) }];
    const error = await parseErrorOf(extractDocx(writeZip(parts, { declaredCount: 3 }), { name: 'under-counted.docx' }));
    expect(error.code).toBe('DOCX_TOO_LARGE');
    expect(error.message).toMatch(/"word\/media\/hidden\.bin" .* expands \d+ times/);
  });

  it('stops inflating a part whose declared size lies, at the part limit', async () => {
    const limits = { ...DEFAULT_ZIP_LIMITS, maxPartBytes: 1024 * 1024 };
    const [types, rels] = docxParts('');
    const lying = { name: 'word/document.xml', data: largeDocumentXml(3), declaredSize: 1024 };
    const error = await parseErrorOf(extractDocx(writeZip([types!, rels!, lying]), { name: 'lying.docx', zipLimits: limits }));
    expect(error.code).toBe('DOCX_TOO_LARGE');
    expect(error.message).toMatch(/"word\/document\.xml" inside this DOCX unpacks to more than 1 MB/);
  });

  it('refuses an honest 190 MB document.xml (under the package limits) at the part limit', async () => {
    const xml = largeDocumentXml(190);
    const bytes = writeZip(docxParts(xml), { level: 1 });
    // Honest: the ratio and total checks on declared sizes pass; only the part limit stops it.
    expect(xml.byteLength / bytes.byteLength).toBeLessThan(DEFAULT_ZIP_LIMITS.maxRatio);
    expect(xml.byteLength).toBeLessThan(DEFAULT_ZIP_LIMITS.maxTotalUncompressed);
    const error = await parseErrorOf(extractDocx(bytes, { name: 'long.docx' }));
    expect(error.code).toBe('DOCX_TOO_LARGE');
    expect(error.message).toMatch(/unpacks to more than 16 MB/);
    expect(error.message).toMatch(/split it into smaller documents/);
  });

  it('reads a part just under the part limit', async () => {
    const limits = { ...DEFAULT_ZIP_LIMITS, maxPartBytes: 2 * 1024 * 1024 };
    const doc = await extractDocx(writeZip(docxParts(largeDocumentXml(1))), { name: 'fits.docx', zipLimits: limits });
    expect(doc.blocks.length).toBeGreaterThan(1000);
  });

  it('counts every part read against the package budget', async () => {
    const limits = { ...DEFAULT_ZIP_LIMITS, maxReadBytes: 1024 * 1024 };
    const error = await parseErrorOf(extractDocx(writeZip(docxParts(largeDocumentXml(2))), { name: 'budget.docx', zipLimits: limits }));
    expect(error.code).toBe('DOCX_TOO_LARGE');
    expect(error.message).toMatch(/more than 1 MB of text and markup/);
  });

  it('names a compression method Word does not use, and a damaged checksum, as DOCX_CORRUPT', async () => {
    const [types, rels, main] = docxParts(documentXml(['1. Term.']));
    const bzip2 = await parseErrorOf(extractDocx(writeZip([types!, rels!, { ...main!, method: 12 }]), { name: 'bzip2.docx' }));
    expect(bzip2).toMatchObject({ code: 'DOCX_CORRUPT' });
    expect(bzip2.message).toMatch(/compressed with bzip2, which Word does not use/);
    const badCrc = await parseErrorOf(extractDocx(writeZip([types!, rels!, { ...main!, crc: 1234 }]), { name: 'crc.docx' }));
    expect(badCrc).toMatchObject({ code: 'DOCX_CORRUPT' });
    expect(badCrc.message).toMatch(/checksum/);
  });
});

describe('DOCX nested too deeply', () => {
  it('is DOCX_TOO_LARGE with a message saying so, not PARSE_FAILED with a stack overflow', async () => {
    const depth = 5000;
    const body = `${'<w:tbl><w:tr><w:tc>'.repeat(depth)}<w:p><w:r><w:t>1. Term.</w:t></w:r></w:p>${'</w:tc></w:tr></w:tbl>'.repeat(depth)}`;
    const xml = documentXml([]).replace('<w:body>', `<w:body>${body}`);
    const error = await parseErrorOf(parseDocument(writeZip(docxParts(xml)), { name: 'nested.docx' }));
    expect(error.code).toBe('DOCX_TOO_LARGE');
    expect(error.message).toMatch(/nested too deeply/);
  });
});

describe('DOCX without text', () => {
  it('is refused with DOCX_NO_TEXT, like a scanned PDF, instead of reading as a contract with no risks', async () => {
    const empty = await parseErrorOf(extractDocx(writeZip(docxParts(documentXml([]))), { name: 'empty.docx' }));
    expect(empty.code).toBe('DOCX_NO_TEXT');
    expect(empty.message).toMatch(/no text to review/);
    const blank = await parseErrorOf(extractDocx(writeZip(docxParts(documentXml(['   ', '']))), { name: 'blank.docx' }));
    expect(blank.code).toBe('DOCX_NO_TEXT');
  });
});
