/**
 * Word list numbering for the clause labels of a DOCX rebuilt from a PDF: "4.2", "(a)",
 * "(iii)", "ARTICLE IV" become numbers Word generates, so counsel who adds a clause in Word
 * gets the next number, as in a Word-born contract. Every paragraph must still show exactly the
 * label the PDF printed, gaps and restarts included, so each label is one number in a
 * one-level list whose literal text around the number is the label's own ("4.%1" for "4.2",
 * "ARTICLE %1" for "ARTICLE IV"). Consecutive labels of one shape form one list (one `w:num`);
 * a label that does not follow its predecessor starts a new list at its own value (a
 * `w:startOverride`). A label no Word format writes the same way stays typed text.
 */
import { LevelFormat, LevelSuffix } from 'docx';
import type { INumberingOptions } from 'docx';
import { formatNumber, type Block, type ContractDocument } from '@redliner/parser';

type Format = 'decimal' | 'decimalZero' | 'lowerLetter' | 'upperLetter' | 'lowerRoman' | 'upperRoman';

/** Where a block's label comes from in the rebuilt file. */
export interface LabelNumbering {
  /** The paragraph's `numbering` option (docx). */
  numbering: { reference: string; level: 0; instance: number };
  /** Offset in `doc.text` where the paragraph's own text starts, after the label and its space. */
  bodyStart: number;
}

/** One list: the shape of its labels and the value its last paragraph shows. */
interface ListRun {
  scheme: Scheme;
  reference: string;
  instance: number;
  last: number;
  /** Index of the last original block in the list: only a clause added after it can continue the list. */
  lastBlock: number;
}

interface Scheme {
  prefix: string;
  suffix: string;
  format: Format;
}

/** The numbering of a rebuilt document: per-block numbering and the definitions behind it. */
export interface RebuiltNumbering {
  blocks: Map<number, LabelNumbering>;
  /** The `numbering` option of the docx `Document`. */
  options: INumberingOptions;
  /** The list a clause added after block `anchor` continues, with the text left once its label is generated; null when it cannot. */
  continueAfter(anchor: number, text: string): { numbering: LabelNumbering['numbering']; text: string } | null;
}

const LABELLED_KINDS = new Set<Block['kind']>(['heading', 'paragraph', 'list-item']);
// The number is the label's last run of digits or letters; what follows it is punctuation: "4.2", "(iii)", "a)", "ARTICLE IV".
const LABEL_PARTS = /^([^%]*?)([0-9]+|[A-Za-z]+)([^0-9A-Za-z%]*)$/;
const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
const FORMATS: Record<Format, (typeof LevelFormat)[keyof typeof LevelFormat]> = {
  decimal: LevelFormat.DECIMAL,
  decimalZero: LevelFormat.DECIMAL_ZERO,
  lowerLetter: LevelFormat.LOWER_LETTER,
  upperLetter: LevelFormat.UPPER_LETTER,
  lowerRoman: LevelFormat.LOWER_ROMAN,
  upperRoman: LevelFormat.UPPER_ROMAN,
};

/**
 * Plan Word numbering for the labelled blocks of `doc`. `typed(i)` keeps block i's label as
 * text (a paragraph whose mark a new clause may take over, see docx-from-blocks.ts).
 */
export function planRebuiltNumbering(doc: ContractDocument, typed: (index: number) => boolean): RebuiltNumbering {
  const blocks = new Map<number, LabelNumbering>();
  const levels = new Map<string, { scheme: Scheme; start: number }>();
  const instances = new Map<string, number>();
  const current = new Map<string, ListRun>();
  const runOfBlock = new Map<number, ListRun>();

  const startList = (scheme: Scheme, value: number, block: number): ListRun => {
    // A list is its definition's instance; the definition carries the start, as docx writes each instance's startOverride from it.
    const reference = `${schemeKey(scheme)}@${value}`;
    levels.set(reference, { scheme, start: value });
    const instance = (instances.get(reference) ?? -1) + 1;
    instances.set(reference, instance);
    return { scheme, reference, instance, last: value, lastBlock: block };
  };

  doc.blocks.forEach((block, i) => {
    const label = block.label;
    if (!label || !LABELLED_KINDS.has(block.kind) || typed(i) || !doc.text.startsWith(label, block.start)) return;
    // A generated label reads as the label and one space before the paragraph's text: the PDF's
    // text must be just that. A label alone ("ARTICLE VIII" over its caption) stays text, as a
    // paragraph with only a generated number reads as empty.
    const after = block.start + label.length;
    if (doc.text[after] !== ' ' || /\s/.test(doc.text[after + 1] ?? ' ') || after + 1 >= block.end) return;
    const bodyStart = after + 1;
    const readings = labelReadings(label);
    if (readings.length === 0) return;
    const continued = readings.map((r) => current.get(schemeKey(r.scheme))).find((run, k) => run !== undefined && run.last + 1 === readings[k]!.value);
    let run: ListRun;
    if (continued) {
      continued.last += 1;
      continued.lastBlock = i;
      run = continued;
    } else {
      const first = readings[0]!;
      run = startList(first.scheme, first.value, i);
      current.set(schemeKey(first.scheme), run);
    }
    runOfBlock.set(i, run);
    blocks.set(i, { numbering: { reference: run.reference, level: 0, instance: run.instance }, bodyStart });
  });

  const options: INumberingOptions = {
    config: [...levels].map(([reference, { scheme, start }]) => ({
      reference,
      levels: [{ level: 0, format: FORMATS[scheme.format], text: `${scheme.prefix}%1${scheme.suffix}`, start, suffix: LevelSuffix.SPACE }],
    })),
  };

  const continueAfter = (anchor: number, text: string) => {
    const run = runOfBlock.get(anchor);
    // Only after the list's last clause: numbering a clause in the middle would renumber the ones after it.
    if (!run || run.lastBlock !== anchor) return null;
    const label = render(run.scheme, run.last + 1);
    if (label === null || !text.startsWith(`${label} `) || /^\s/.test(text.slice(label.length + 1))) return null;
    run.last += 1;
    return { numbering: { reference: run.reference, level: 0 as const, instance: run.instance }, text: text.slice(label.length + 1) };
  };

  return { blocks, options, continueAfter };
}

/** The label as one number in a Word format, most likely reading first; empty when no format writes it back exactly. */
export function labelReadings(label: string): Array<{ scheme: Scheme; value: number }> {
  const parts = LABEL_PARTS.exec(label);
  if (!parts) return [];
  const [, prefix, token, suffix] = parts as unknown as [string, string, string, string];
  const candidates: Array<[Format, number | null]> = [];
  if (/^\d+$/.test(token)) candidates.push([token.length > 1 && token.startsWith('0') ? 'decimalZero' : 'decimal', Number(token)]);
  else {
    const lower = token === token.toLowerCase();
    if (!lower && token !== token.toUpperCase()) return [];
    const roman: [Format, number | null] = [lower ? 'lowerRoman' : 'upperRoman', romanValue(token)];
    const letter: [Format, number | null] = [lower ? 'lowerLetter' : 'upperLetter', letterValue(token)];
    // "(i)" is usually the first item of a roman list, "(c)" the third of a lettered one.
    candidates.push(...(token.length > 1 || /^[iI]$/.test(token) ? [roman, letter] : [letter, roman]));
  }
  return candidates
    .filter((c): c is [Format, number] => c[1] !== null && c[1] > 0)
    .map(([format, value]) => ({ scheme: { prefix, suffix, format }, value }))
    .filter((r) => render(r.scheme, r.value) === label);
}

function schemeKey(s: Scheme): string {
  return `${s.prefix}%1${s.suffix}|${s.format}`;
}

/** The label Word shows for `value` in `scheme`, rendered by the parser that reads it back. */
function render(s: Scheme, value: number): string | null {
  // Past 3999 Word has no roman numeral; such a label stays typed text.
  if ((s.format === 'lowerRoman' || s.format === 'upperRoman') && (value <= 0 || value >= 4000)) return null;
  const n = formatNumber(value, s.format);
  return n === null ? null : `${s.prefix}${n}${s.suffix}`;
}

function romanValue(token: string): number | null {
  const t = token.toLowerCase();
  let total = 0;
  for (let i = 0; i < t.length; i++) {
    const v = ROMAN_VALUES[t[i]!];
    if (v === undefined) return null;
    const next = ROMAN_VALUES[t[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  // "iiv" sums to a value but is not how that value is written: the caller's round trip rejects it.
  return total;
}

function letterValue(token: string): number | null {
  // Word repeats the letter past Z: AA is 27, BB 28.
  if (!/^([A-Za-z])\1*$/.test(token)) return null;
  const letter = token.toUpperCase().charCodeAt(0) - 64;
  return letter + 26 * (token.length - 1);
}
