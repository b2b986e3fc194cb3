import { describe, expect, it } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';
import type { Document, Element } from '@xmldom/xmldom';
import { formatNumber } from '../src/docx/number-format.ts';
import { ListCounters, readNumbering } from '../src/docx/numbering.ts';
import { classifyParagraph } from '../src/docx/paragraph-kind.ts';
import { readStyles } from '../src/docx/styles.ts';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const xml = (body: string): Document => new DOMParser().parseFromString(`<w:root xmlns:w="${W}">${body}</w:root>`, 'text/xml');
const lvl = (ilvl: number, fmt: string, text: string, extra = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/>${extra}<w:lvlText w:val="${text}"/></w:lvl>`;

describe('formatNumber', () => {
  it('renders Word number formats', () => {
    expect(formatNumber(4, 'upperRoman')).toBe('IV');
    expect(formatNumber(14, 'lowerRoman')).toBe('xiv');
    expect(formatNumber(27, 'upperLetter')).toBe('AA');
    expect(formatNumber(2, 'lowerLetter')).toBe('b');
    expect(formatNumber(3, 'decimalZero')).toBe('03');
    expect(formatNumber(22, 'ordinal')).toBe('22nd');
    expect(formatNumber(12, 'ordinal')).toBe('12th');
    expect(formatNumber(21, 'cardinalText')).toBe('Twenty-One');
    expect(formatNumber(3, 'ordinalText')).toBe('Third');
    expect(formatNumber(1, 'bullet')).toBeNull();
    expect(formatNumber(1, 'none')).toBeNull();
  });
});

describe('ListCounters', () => {
  it('restarts sub-levels after a parent unless lvlRestart is 0', () => {
    const defs = readNumbering(xml(
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'decimal', '%1.')}${lvl(1, 'lowerLetter', '(%2)')}${lvl(2, 'decimal', 'Note %3', '<w:lvlRestart w:val="0"/>')}</w:abstractNum>` +
        `<w:num w:numId="7"><w:abstractNumId w:val="0"/></w:num>`,
    ), readStyles(null));
    const counters = new ListCounters(defs);
    const labels = [[0], [1], [2], [1], [0], [1], [2]].map(([ilvl]) => counters.next('7', ilvl!)?.label);
    expect(labels).toEqual(['1.', '(a)', 'Note 1', '(b)', '2.', '(a)', 'Note 2']);
  });

  it('continues an abstract list across nums and restarts it with startOverride', () => {
    const defs = readNumbering(xml(
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'decimal', '%1.')}</w:abstractNum>` +
        `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>` +
        `<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`,
    ), readStyles(null));
    const counters = new ListCounters(defs);
    expect(['1', '2', '3', '3'].map((id) => counters.next(id, 0)?.label)).toEqual(['1.', '2.', '1.', '2.']);
  });

  it('follows numStyleLink and style-linked numbering (ilvl from w:lvl/w:pStyle)', () => {
    const styles = readStyles(xml(
      `<w:style w:type="numbering" w:styleId="LegalList"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>` +
        `<w:style w:type="paragraph" w:styleId="Sub"><w:name w:val="Sub"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>` +
        `<w:style w:type="paragraph" w:styleId="SubChild"><w:name w:val="Sub child"/><w:basedOn w:val="Sub"/></w:style>`,
    ));
    const defs = readNumbering(xml(
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'upperRoman', 'ARTICLE %1')}${lvl(1, 'decimal', '%1.%2', '<w:pStyle w:val="SubChild"/><w:isLgl/>')}</w:abstractNum>` +
        `<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="LegalList"/></w:abstractNum>` +
        `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`,
    ), styles);
    const counters = new ListCounters(defs);
    const para = (inner: string) => xml(`<w:p>${inner}</w:p>`).documentElement!.firstChild as Element;
    const article = classifyParagraph(para('<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr>'), styles, defs, counters);
    expect(article).toMatchObject({ kind: 'list-item', level: 1, generatedLabel: 'ARTICLE I' });
    const sub = classifyParagraph(para('<w:pPr><w:pStyle w:val="SubChild"/></w:pPr>'), styles, defs, counters);
    expect(sub).toMatchObject({ kind: 'list-item', level: 2, generatedLabel: '1.1' });
    const off = classifyParagraph(para('<w:pPr><w:pStyle w:val="SubChild"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>'), styles, defs, counters);
    expect(off).toMatchObject({ kind: 'paragraph', generatedLabel: null });
  });
});
