import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../src/errors.ts';
import { sniffFormat } from '../src/sniff-format.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/formats/${name}`, import.meta.url)));

function errorOf(name: string): ParseError {
  try {
    sniffFormat(fixture(name), name);
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error(`${name} was accepted`);
}

describe('sniffFormat', () => {
  it('detects PDF by its header, even with junk before it and a misleading name', () => {
    expect(sniffFormat(new TextEncoder().encode('\n\n%PDF-1.7\n%...'), 'contract.docx')).toBe('pdf');
  });

  it('detects DOCX from the zip part names, not the extension', () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('word/document.xml')]);
    expect(sniffFormat(bytes, 'contract.pdf')).toBe('docx');
  });

  it.each([
    ['legacy-word97.doc', /legacy Word 97-2003 document/, /save it as a Word document \(\.docx\)/],
    ['encrypted-word.docx', /password-protected Word document/, /remove the password/],
    ['contract.rtf', /Rich Text Format/, /\.docx/],
    ['contract.txt', /plain text file/, /save it as \.docx/],
    ['contract.html', /web page \(HTML\)/, /PDF or a Word document/],
    ['scanned-page.png', /PNG image/, /OCR/],
    ['spreadsheet.xlsx', /Excel spreadsheet/, /PDF or a Word document/],
    ['document.odt', /OpenDocument text file/, /\.docx/],
  ])('%s is an unsupported format that names what was detected', (name, what, advice) => {
    const error = errorOf(name);
    expect(error.code).toBe('UNSUPPORTED_FORMAT');
    expect(error.message).toMatch(what);
    expect(error.message).toMatch(advice);
    expect(error.message.startsWith(`${name}: `)).toBe(true);
  });

  it('an empty file is FILE_EMPTY, not an unknown format', () => {
    expect(errorOf('empty.docx').code).toBe('FILE_EMPTY');
  });
});
