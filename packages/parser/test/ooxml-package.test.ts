/**
 * The one OOXML package layer (`openOoxmlPackage`), which the parser and the redline writer both
 * open DOCX files through: the main part comes from the root relationships, parts are parsed
 * once, and every failure is a typed ParseError.
 */
import { describe, expect, it } from 'vitest';
import { mainPartPath, openOoxmlPackage, parseXml, relationshipTargets, relsPathOf } from '../src/index.ts';
import { docxParts, documentXml, writeZip } from './hostile-builders.ts';
import type { ZipPart } from './hostile-builders.ts';
import { parseErrorOf } from './parse-error-of.ts';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function rootRels(target: string): ZipPart {
  return { name: '_rels/.rels', data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${target}"/></Relationships>` };
}

async function codeOf(run: () => unknown): Promise<string> {
  return (await parseErrorOf(run)).code;
}

describe('openOoxmlPackage', () => {
  it('takes the main part from the root relationships (word/document2.xml, ./word/document.xml)', () => {
    const [types, , main] = docxParts(documentXml(['1. Term.']));
    const moved = openOoxmlPackage(writeZip([types!, rootRels('word/document2.xml'), { ...main!, name: 'word/document2.xml' }]), 'moved.docx');
    expect(moved.mainPath).toBe('word/document2.xml');
    expect(moved.main.documentElement?.localName).toBe('document');
    const dotted = openOoxmlPackage(writeZip([types!, rootRels('./word/document.xml'), main!]), 'dotted.docx');
    expect(dotted.mainPath).toBe('word/document.xml');
  });

  it('parses a part once and answers null for a part the package does not have', () => {
    const pkg = openOoxmlPackage(writeZip(docxParts(documentXml(['1. Term.']))), 'contract.docx');
    expect(pkg.part('[Content_Types].xml')).toBe(pkg.part('[Content_Types].xml'));
    expect(pkg.part(pkg.mainPath)).toBe(pkg.main);
    expect(pkg.part('word/styles.xml')).toBeNull();
    expect(pkg.text('word/styles.xml')).toBeNull();
  });

  it('refuses an old .doc, a non-zip, a package whose main part is missing or malformed, and a malformed part read later, each as DOCX_CORRUPT', async () => {
    expect(await codeOf(() => openOoxmlPackage(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'old.doc'))).toBe('DOCX_CORRUPT');
    expect(await codeOf(() => openOoxmlPackage(new TextEncoder().encode('not a zip'), 'x.docx'))).toBe('DOCX_CORRUPT');
    const [types, rels] = docxParts('');
    expect(await codeOf(() => openOoxmlPackage(writeZip([types!, rels!]), 'empty.docx'))).toBe('DOCX_CORRUPT');
    expect(await codeOf(() => openOoxmlPackage(writeZip([types!, rels!, { name: 'word/document.xml', data: '<w:document' }]), 'broken.docx'))).toBe('DOCX_CORRUPT');
    const pkg = openOoxmlPackage(writeZip([...docxParts(documentXml(['1. Term.'])), { name: 'word/comments.xml', data: '<w:comments><unclosed>' }]), 'c.docx');
    expect(await codeOf(() => pkg.part('word/comments.xml'))).toBe('DOCX_CORRUPT');
  });

  it('keeps the zip limits: a part over the part limit is DOCX_TOO_LARGE', async () => {
    const big = documentXml(['x'.repeat(4096)]);
    const limits = { maxTotalUncompressed: 1 << 30, maxEntries: 10, maxRatio: 1000, ratioMinSize: 1 << 30, maxPartBytes: 1024, maxReadBytes: 1 << 20 };
    expect(await codeOf(() => openOoxmlPackage(writeZip(docxParts(big)), 'big.docx', limits))).toBe('DOCX_TOO_LARGE');
    const many = [...docxParts(documentXml(['1.'])), ...Array.from({ length: 10 }, (_, i) => ({ name: `customXml/item${i}.xml`, data: '<a/>' }))];
    expect(await codeOf(() => openOoxmlPackage(writeZip(many), 'many.docx', limits))).toBe('DOCX_TOO_LARGE');
  });

  it('resolves relationship targets against the part folder, skipping external ones', () => {
    const rels = parseXml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="a" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="b" Type="${REL}/hyperlink" Target="https://example.com" TargetMode="External"/><Relationship Id="c" Type="${REL}/footnotes" Target="../word/notes/foot.xml"/></Relationships>`)!;
    expect(relationshipTargets(rels, 'word/', 'styles')).toEqual(['word/styles.xml']);
    expect(relationshipTargets(rels, 'word/', 'footnotes')).toEqual(['word/notes/foot.xml']);
    expect(relationshipTargets(rels, 'word/', 'hyperlink')).toEqual([]);
    expect(mainPartPath(null)).toBe('word/document.xml');
    expect(relsPathOf('word/document2.xml')).toBe('word/_rels/document2.xml.rels');
  });
});
