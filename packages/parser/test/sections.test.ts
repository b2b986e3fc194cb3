import { describe, expect, it } from 'vitest';
import { assembleDocument } from '../src/assemble-document.ts';
import { locate } from '../src/locate.ts';
import type { RawBlock } from '../src/raw-document.ts';

const block = (kind: RawBlock['kind'], text: string, extra: Partial<RawBlock> = {}): RawBlock => ({ kind, text, pieces: [], ...extra });

const document = assembleDocument(
  {
    format: 'docx',
    blocks: [
      block('heading', 'ARTICLE VI AUDITS AND OVERPAYMENTS', { level: 1 }),
      block('paragraph', '6.1 Audit Rights. Plan may audit records.'),
      block('paragraph', '6.2 Recoupment. Plan may recover overpayments at any time.'),
      block('list-item', '(a) by offset against future payments;', { level: 2 }),
      block('heading', 'ARTICLE VII TERM', { level: 1 }),
      block('paragraph', '7.1 This Agreement renews automatically.'),
    ],
    warnings: [],
  },
  { name: 'fixture.docx', sha256: '0'.repeat(64) },
);

describe('sections and locate', () => {
  it('builds a heading tree with inline-titled clauses under their article', () => {
    expect(document.sections.map((s) => s.title)).toEqual(['AUDITS AND OVERPAYMENTS', 'TERM']);
    expect(document.sections[0]!.label).toBe('ARTICLE VI');
    expect(document.sections[0]!.children.map((s) => `${s.label} ${s.title}`)).toEqual(['6.1 Audit Rights', '6.2 Recoupment']);
  });

  it('nests a lettered clause under its numbered clause when articles are level-2 headings', () => {
    const nested = assembleDocument(
      {
        format: 'docx',
        blocks: [
          block('heading', 'PROVIDER AGREEMENT', { level: 1 }),
          block('heading', 'ARTICLE 5 CLAIMS', { level: 2 }),
          block('paragraph', '5.3 Claims Submission and Payment.'),
          block('paragraph', '(a) Form of Claims. Provider shall submit claims electronically.'),
          block('paragraph', '(b) Processing. Plan shall process claims.'),
          block('paragraph', '5.4 Claim Editing. Plan may apply edits.'),
        ],
        warnings: [],
      },
      { name: 'nested.docx', sha256: '0'.repeat(64) },
    );
    const article = nested.sections[0]!.children[0]!;
    expect(article.children.map((s) => s.label)).toEqual(['5.3', '5.4']);
    expect(article.children[0]!.children.map((s) => s.title)).toEqual(['Form of Claims', 'Processing']);
  });

  it('ends a section where the next sibling starts', () => {
    const [audits, term] = document.sections;
    expect(audits!.end).toBeLessThanOrEqual(term!.start);
    expect(document.text.slice(audits!.start, audits!.end)).toContain('future payments');
    expect(document.text.slice(audits!.start, audits!.end)).not.toContain('renews');
  });

  it('locates an offset in reader terms', () => {
    const offset = document.text.indexOf('offset against');
    expect(locate(document, offset)).toMatchObject({ section: '6.2 Recoupment', label: '(a)' });
    expect(locate(document, document.text.indexOf('renews'))).toMatchObject({ section: 'ARTICLE VII TERM', label: '7.1' });
  });

  it('joins blocks with a blank line and keeps block offsets exact', () => {
    for (const b of document.blocks) expect(document.text.slice(b.start, b.end).length).toBe(b.end - b.start);
    expect(document.text.split('\n\n')).toHaveLength(document.blocks.length);
    expect(document.blocks[3]).toMatchObject({ kind: 'list-item', label: '(a)', level: 2 });
  });
});
