import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/parse-document.ts';
import { fixture, withParts } from './docx-helpers.ts';

/** contract.docx with its body replaced by the paragraphs of a parties fixture (blank-line separated). */
async function docxOf(name: string): Promise<Uint8Array> {
  const text = readFileSync(new URL(`./fixtures/parties/${name}`, import.meta.url), 'utf8').trim();
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const paragraphs = text.split('\n\n').map((p) => `<w:p><w:r><w:t xml:space="preserve">${escape(p.replace(/\n/g, ' '))}</w:t></w:r></w:p>`);
  return withParts(fixture('contract.docx'), (files) => {
    const xml = files.get('word/document.xml')!;
    files.set('word/document.xml', xml.replace(/<w:body>[\s\S]*?(<w:sectPr)/, `<w:body>${paragraphs.join('')}$1`));
  });
}

describe('parties through parseDocument (DOCX)', () => {
  it('reads an amendment letter in a Word file as we/you', async () => {
    const document = await parseDocument(await docxOf('letter.txt'), { name: 'letter.docx' });
    expect(document.parties.payer).toMatchObject({ name: 'Northstar Health Plan, Inc.', terms: ['we', 'us', 'our'] });
    expect(document.parties.provider).toMatchObject({ name: 'Dr. Smith', terms: ['you', 'your'] });
  });

  it('records a redacted payer and the blank the body uses for it', async () => {
    const document = await parseDocument(await docxOf('redacted-name-used.txt'), { name: 'redacted.docx' });
    expect(document.parties.payer).toMatchObject({ terms: ['[REDACTED]'], redacted: true });
    expect(document.parties.provider.terms).toEqual(['Group']);
  });
});
