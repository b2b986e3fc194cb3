/**
 * List numbering from numbering.xml: the labels Word generates ("1.", "1.1", "(a)",
 * "Article IV", "Section 2.3"). Word keeps the counters, not the file, so we replay them
 * paragraph by paragraph in document order.
 */
import type { Document, Element } from '@xmldom/xmldom';
import { wAttr, wChild, wChildren, wDescendants, wOn, wVal } from './ooxml-dom.ts';
import { formatNumber } from './number-format.ts';
import type { StyleSheet } from './styles.ts';

/** One `w:lvl`. */
export interface LevelDef {
  start: number;
  numFmt: string;
  lvlText: string;
  isLgl: boolean;
  /** `w:lvlRestart` (one-based level that restarts this one; 0 = never); null when absent. */
  restart: number | null;
  pStyle: string | null;
}

interface AbstractNum {
  levels: Map<number, LevelDef>;
  numStyleLink: string | null;
}

interface NumInstance {
  abstractId: string;
  overrides: Map<number, { start?: number; level?: LevelDef }>;
}

/** Parsed numbering definitions. */
export interface NumberingDefs {
  abstracts: Map<string, AbstractNum>;
  nums: Map<string, NumInstance>;
  styles: StyleSheet;
}

/** Read numbering.xml (empty definitions when the document has none). */
export function readNumbering(doc: Document | null, styles: StyleSheet): NumberingDefs {
  const defs: NumberingDefs = { abstracts: new Map(), nums: new Map(), styles };
  if (!doc) return defs;
  for (const abs of wDescendants(doc, 'abstractNum')) {
    const id = wAttr(abs, 'abstractNumId');
    if (id === null) continue;
    const levels = new Map<number, LevelDef>();
    for (const lvl of wChildren(abs, 'lvl')) levels.set(Number(wAttr(lvl, 'ilvl') ?? 0), readLevel(lvl));
    defs.abstracts.set(id, { levels, numStyleLink: wVal(abs, 'numStyleLink') });
  }
  for (const num of wDescendants(doc, 'num')) {
    const id = wAttr(num, 'numId');
    const abstractId = wVal(num, 'abstractNumId');
    if (id === null || abstractId === null) continue;
    const overrides = new Map<number, { start?: number; level?: LevelDef }>();
    for (const o of wChildren(num, 'lvlOverride')) {
      const entry: { start?: number; level?: LevelDef } = {};
      const start = wVal(o, 'startOverride');
      if (start !== null && Number.isFinite(Number(start))) entry.start = Number(start);
      const lvl = wChild(o, 'lvl');
      if (lvl) entry.level = readLevel(lvl);
      overrides.set(Number(wAttr(o, 'ilvl') ?? 0), entry);
    }
    defs.nums.set(id, { abstractId, overrides });
  }
  return defs;
}

function readLevel(lvl: Element): LevelDef {
  const start = Number(wVal(lvl, 'start') ?? 1);
  const restart = wVal(lvl, 'lvlRestart');
  return {
    start: Number.isFinite(start) ? start : 1,
    numFmt: wVal(lvl, 'numFmt') ?? 'decimal',
    // An lvlText element without w:val shows nothing; a missing one defaults to the number alone.
    lvlText: wChild(lvl, 'lvlText') ? (wVal(lvl, 'lvlText') ?? '') : `%${Number(wAttr(lvl, 'ilvl') ?? 0) + 1}`,
    isLgl: wOn(lvl, 'isLgl'),
    restart: restart === null ? null : Number(restart),
    pStyle: wVal(lvl, 'pStyle'),
  };
}

/** The abstract definition behind a num, following `w:numStyleLink` through numbering styles. */
function abstractFor(defs: NumberingDefs, numId: string, depth = 0): AbstractNum | null {
  const num = defs.nums.get(numId);
  const abs = num ? defs.abstracts.get(num.abstractId) : undefined;
  if (!abs) return null;
  if (abs.numStyleLink && depth < 5) {
    const linkedNum = defs.styles.numberingStyles.get(abs.numStyleLink);
    const linked = linkedNum && linkedNum !== numId ? abstractFor(defs, linkedNum, depth + 1) : null;
    if (linked) return linked;
  }
  return abs;
}

/** The effective `w:lvl` of a num at `ilvl` (a full lvlOverride replaces the abstract level). */
export function levelFor(defs: NumberingDefs, numId: string, ilvl: number): LevelDef | null {
  const override = defs.nums.get(numId)?.overrides.get(ilvl);
  return override?.level ?? abstractFor(defs, numId)?.levels.get(ilvl) ?? null;
}

/** The level a style-linked paragraph sits at when its numPr names no ilvl (`w:lvl/w:pStyle`). */
export function levelForStyle(defs: NumberingDefs, numId: string, styleId: string | null): number | null {
  if (!styleId) return null;
  for (const [ilvl, level] of abstractFor(defs, numId)?.levels ?? []) if (level.pStyle === styleId) return ilvl;
  return null;
}

/** What numbering gives one paragraph. */
export interface ListMark {
  /** The generated label as Word shows it ("1.1", "(a)"); null for bullets and unnumbered levels. */
  label: string | null;
  /** True for bullets and numbered levels; false for levels whose format shows nothing. */
  isList: boolean;
}

/** Replays Word's list counters; one instance per story (body, notes). */
export class ListCounters {
  private readonly counters = new Map<string, Array<number | null>>();

  constructor(private readonly defs: NumberingDefs) {}

  /** Advance the counters for a numbered paragraph and return its mark, or null when numbering does not apply. */
  next(numId: string, ilvl: number): ListMark | null {
    const num = this.defs.nums.get(numId);
    const level = levelFor(this.defs, numId, ilvl);
    if (!num || !level || ilvl < 0 || ilvl > 8) return null;
    const hasStartOverride = [...num.overrides.values()].some((o) => o.start !== undefined || o.level !== undefined);
    // A num that restarts numbering (startOverride) is its own list; others continue their abstract list.
    const key = hasStartOverride ? `num:${numId}` : `abs:${num.abstractId}`;
    let state = this.counters.get(key);
    if (!state) {
      state = new Array<number | null>(9).fill(null);
      this.counters.set(key, state);
    }
    const startOf = (k: number) => num.overrides.get(k)?.start ?? levelFor(this.defs, numId, k)?.start ?? 1;
    const current = state[ilvl];
    state[ilvl] = current === null || current === undefined ? startOf(ilvl) : current + 1;
    for (let m = ilvl + 1; m < 9; m++) {
      const restart = levelFor(this.defs, numId, m)?.restart ?? m;
      if (restart !== 0 && ilvl < restart) state[m] = null;
    }
    if (level.numFmt === 'bullet') return { label: null, isList: true };
    if (level.numFmt === 'none' && !/%[1-9]/.test(level.lvlText) && level.lvlText.trim() === '') return { label: null, isList: false };
    const label = level.lvlText.replace(/%([1-9])/g, (_, digit: string) => {
      const k = Number(digit) - 1;
      const value = state[k] ?? startOf(k);
      const fmt = level.isLgl ? 'decimal' : (levelFor(this.defs, numId, k)?.numFmt ?? 'decimal');
      return formatNumber(value, fmt === 'bullet' ? 'decimal' : fmt) ?? '';
    }).trim();
    return label === '' ? { label: null, isList: level.numFmt !== 'none' } : { label, isList: true };
  }
}
