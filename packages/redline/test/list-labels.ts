/**
 * The numbers Word generates for list paragraphs, replayed over the paragraphs of one view
 * (after Accept All or Reject All), so a view's text reads as the reader sees it: "4.2 Text".
 * Independent of the parser's own replay (parser/src/docx/numbering.ts) on purpose, so a test
 * that compares the two checks both. Covers what the rebuilt files and the fixtures use:
 * abstract levels with start, format and text, nums with start overrides.
 */
import { DOMParser } from '@xmldom/xmldom';
import type { Element } from '@xmldom/xmldom';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

interface Level {
  start: number;
  format: string;
  text: string;
}

/** numbering.xml, read. */
export interface ListDefinitions {
  nums: Map<string, { abstractId: string; starts: Map<number, number> }>;
  abstracts: Map<string, Map<number, Level>>;
}

/** A paragraph's list membership: `w:numPr`. */
export interface ListRef {
  numId: string;
  ilvl: number;
}

const attr = (el: Element, name: string) => el.getAttributeNS(W, name) || null;
const children = (el: Element, name: string): Element[] => {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as Element).namespaceURI === W && (n as Element).localName === name) out.push(n as Element);
  return out;
};
const val = (el: Element, name: string) => {
  const c = children(el, name)[0];
  return c ? attr(c, 'val') : null;
};

/** Read numbering.xml (empty definitions without one). */
export function readListDefinitions(xml: string | null): ListDefinitions {
  const defs: ListDefinitions = { nums: new Map(), abstracts: new Map() };
  if (!xml) return defs;
  const root = new DOMParser().parseFromString(xml, 'text/xml').documentElement!;
  for (const abs of children(root, 'abstractNum')) {
    const levels = new Map<number, Level>();
    for (const lvl of children(abs, 'lvl')) {
      const ilvl = Number(attr(lvl, 'ilvl') ?? 0);
      levels.set(ilvl, { start: Number(val(lvl, 'start') ?? 1), format: val(lvl, 'numFmt') ?? 'decimal', text: val(lvl, 'lvlText') ?? '' });
    }
    defs.abstracts.set(attr(abs, 'abstractNumId') ?? '', levels);
  }
  for (const num of children(root, 'num')) {
    const starts = new Map<number, number>();
    for (const o of children(num, 'lvlOverride')) {
      const start = val(o, 'startOverride');
      if (start !== null) starts.set(Number(attr(o, 'ilvl') ?? 0), Number(start));
    }
    defs.nums.set(attr(num, 'numId') ?? '', { abstractId: val(num, 'abstractNumId') ?? '', starts });
  }
  return defs;
}

/** The label of each paragraph in order (null where none), counting as Word does. */
export function listLabels(defs: ListDefinitions, refs: ReadonlyArray<ListRef | null>): Array<string | null> {
  const counters = new Map<string, number[]>();
  return refs.map((ref) => {
    const num = ref ? defs.nums.get(ref.numId) : undefined;
    const levels = num ? defs.abstracts.get(num.abstractId) : undefined;
    const level = levels?.get(ref!.ilvl);
    if (!ref || !num || !levels || !level) return null;
    // A num with start overrides is a list of its own; others continue their abstract list.
    const key = num.starts.size > 0 ? `num:${ref.numId}` : `abs:${num.abstractId}`;
    const startOf = (k: number) => num.starts.get(k) ?? levels.get(k)?.start ?? 1;
    const state = counters.get(key) ?? [];
    counters.set(key, state);
    state[ref.ilvl] = state[ref.ilvl] === undefined ? startOf(ref.ilvl) : state[ref.ilvl]! + 1;
    state.length = ref.ilvl + 1;
    const label = level.text.replace(/%([1-9])/g, (_m, d: string) => {
      const k = Number(d) - 1;
      return formatted(state[k] ?? startOf(k), levels.get(k)?.format ?? 'decimal');
    }).trim();
    return label === '' || level.format === 'bullet' ? null : label;
  });
}

function formatted(value: number, format: string): string {
  switch (format) {
    case 'decimalZero': return value < 10 ? `0${value}` : String(value);
    case 'lowerLetter': return letters(value).toLowerCase();
    case 'upperLetter': return letters(value);
    case 'lowerRoman': return roman(value).toLowerCase();
    case 'upperRoman': return roman(value);
    default: return String(value);
  }
}

function letters(value: number): string {
  return String.fromCharCode(65 + ((value - 1) % 26)).repeat(Math.floor((value - 1) / 26) + 1);
}

function roman(value: number): string {
  const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  let rest = value;
  for (const [n, s] of table) while (rest >= n) {
    out += s;
    rest -= n;
  }
  return out;
}
