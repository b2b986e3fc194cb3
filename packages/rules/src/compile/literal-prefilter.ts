/**
 * The per-paragraph prefilter of the rules engine: one RE2 set pass over the literal atoms
 * every pattern needs (literal-atoms.ts) names the patterns that may occur in a paragraph; the
 * others need not run. Built once per ruleset, over every pattern, `{payer}`/`{provider}`
 * included (a placeholder needs no particular literal, so those patterns are filtered by their
 * other words and no per-contract set has to be compiled).
 *
 * With a vocabulary-sized ruleset (1,500 patterns, 3,000 atoms) the bookkeeping after the set
 * pass cost more than the set pass itself: a paragraph holds hundreds of atoms, and a common
 * word ("not", "shall") is an atom of hundreds of patterns. So each pattern is indexed under one
 * "trigger" only: the atoms of the cheapest part of its filter that every match must contain
 * (for `and`, one child; for `or`, every branch's trigger). A pattern is looked at only when one
 * of its trigger atoms is present, and most triggers are rare words.
 */
import RE2 from 're2';
import { isFunctionWord } from '../vocabulary/inflect.ts';
import { filterAtoms, literalFilter, type LiteralFilter } from './literal-atoms.ts';

/** Patterns matched together: `match` gives the indexes (into the sources) of those that may occur. */
export interface PatternSet {
  match(input: string | Buffer): number[];
}

/** A literal filter over atom ids. */
type IdFilter = number | { and: IdFilter[] } | { or: IdFilter[] };

/**
 * Atoms per RE2 set, and the memory each set's automaton may take. The sets hold plain
 * literals, so their automata stay small whatever the rules say; the budget only guards
 * against a pathological ruleset.
 */
const ATOMS_PER_SET = 1000;
const SET_MAX_MEM = 16 << 20;

// Words on almost every page of a contract: as triggers they would wake their patterns everywhere.
const CONTRACT_WORDS = new Set(['agreement', 'provider', 'plan', 'party', 'parties', 'services', 'service', 'member', 'claim', 'claims', 'payment', 'health', 'care', 'covered', 'shall', 'section', 'applicable', 'including']);

/** Rough cost of an atom as a trigger: how often it may be present (common and short words cost most). */
function atomCost(atom: string): number {
  const word = atom.trim();
  if (isFunctionWord(word) || CONTRACT_WORDS.has(word)) return 40;
  return Math.max(1, 9 - word.length);
}

const escapeLiteral = (atom: string) => atom.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');

function toIds(filter: Exclude<LiteralFilter, true>, idOf: Map<string, number>): IdFilter {
  if ('atom' in filter) return idOf.get(filter.atom)!;
  if ('and' in filter) return { and: filter.and.map((f) => toIds(f as Exclude<LiteralFilter, true>, idOf)) };
  return { or: filter.or.map((f) => toIds(f as Exclude<LiteralFilter, true>, idOf)) };
}

/** The cheapest set of atoms one of which every match must contain. */
function trigger(filter: IdFilter, cost: readonly number[]): { atoms: number[]; cost: number } {
  if (typeof filter === 'number') return { atoms: [filter], cost: cost[filter]! };
  if ('and' in filter) {
    let best = trigger(filter.and[0]!, cost);
    for (const part of filter.and.slice(1)) {
      const t = trigger(part, cost);
      if (t.cost < best.cost) best = t;
    }
    return best;
  }
  const parts = filter.or.map((part) => trigger(part, cost));
  return { atoms: [...new Set(parts.flatMap((p) => p.atoms))], cost: parts.reduce((sum, p) => sum + p.cost, 0) };
}

/**
 * The filters' and/or nodes, interned: every pattern built from one vocabulary class shares the
 * class's `or` node, so a paragraph evaluates it once however many patterns ask (`value` holds
 * each node's result for the paragraph whose number is in `stamp`).
 */
class NodeTable {
  private readonly keys = new Map<string, number>();
  readonly kinds: Array<'and' | 'or'> = [];
  /** Children of each node: atom ids (>= 0) or node ids encoded as -(id + 1). */
  readonly children: number[][] = [];
  stamp = new Uint32Array(0);
  value = new Uint8Array(0);

  /** Intern `filter`; returns an atom id (>= 0) or an encoded node id (< 0). */
  intern(filter: IdFilter): number {
    if (typeof filter === 'number') return filter;
    const kind = 'and' in filter ? 'and' : 'or';
    const children = [...new Set(('and' in filter ? filter.and : filter.or).map((f) => this.intern(f)))].sort((x, y) => x - y);
    const key = `${kind}:${children.join(',')}`;
    let id = this.keys.get(key);
    if (id === undefined) {
      id = this.kinds.length;
      this.keys.set(key, id);
      this.kinds.push(kind);
      this.children.push(children);
    }
    return -(id + 1);
  }

  seal(): void {
    this.stamp = new Uint32Array(this.kinds.length);
    this.value = new Uint8Array(this.kinds.length);
  }

  holds(ref: number, present: Uint8Array, round: number): boolean {
    if (ref >= 0) return present[ref] === 1;
    const id = -ref - 1;
    if (this.stamp[id] === round) return this.value[id] === 1;
    const wantAll = this.kinds[id] === 'and';
    let result = wantAll;
    for (const child of this.children[id]!) {
      if (this.holds(child, present, round) !== wantAll) {
        result = !wantAll;
        break;
      }
    }
    this.stamp[id] = round;
    this.value[id] = result ? 1 : 0;
    return result;
  }
}

/**
 * A prefilter for `sources` (all already validated; `{payer}`-style placeholders allowed):
 * `match` names every pattern that may occur in the input, in no particular order. It may
 * over-report: a pattern it names must still be run to know whether and where it matches;
 * one it does not name is absent. Patterns that need no literal text (`\d+ days`), and any
 * whose atoms a set cannot hold within `maxMem`, are always named.
 */
export function compilePatternSet(sources: readonly string[], maxMem = SET_MAX_MEM): PatternSet {
  const always: number[] = [];
  const literal = sources.map(literalFilter);
  const idOf = new Map<string, number>();
  for (const filter of literal) for (const atom of filterAtoms(filter)) if (!idOf.has(atom)) idOf.set(atom, idOf.size);
  const atoms = [...idOf.keys()];
  const cost = atoms.map(atomCost);
  const nodes = new NodeTable();
  const filters: Array<number | null> = [];
  const triggered: number[][] = atoms.map(() => []);
  literal.forEach((f, index) => {
    if (f === true) {
      filters.push(null);
      always.push(index);
      return;
    }
    const ids = toIds(f, idOf);
    filters.push(nodes.intern(ids));
    for (const atom of trigger(ids, cost).atoms) triggered[atom]!.push(index);
  });
  nodes.seal();
  const sets: Array<{ set: InstanceType<typeof RE2.Set>; offset: number }> = [];
  for (let offset = 0; offset < atoms.length; offset += ATOMS_PER_SET) {
    const chunk = atoms.slice(offset, offset + ATOMS_PER_SET);
    try {
      sets.push({ set: new RE2.Set(chunk.map(escapeLiteral), 'i', { maxMem }), offset });
    } catch {
      // A set this ruleset's atoms overflow: its patterns simply always run.
      const unset = new Set(chunk.map((_, i) => offset + i));
      filters.forEach((filter, index) => {
        if (filter !== null && [...filterAtoms(literal[index]!)].some((a) => unset.has(idOf.get(a)!))) {
          filters[index] = null;
          always.push(index);
        }
      });
    }
  }
  const present = new Uint8Array(atoms.length);
  const seen = new Uint32Array(sources.length);
  let stamp = 0;
  return {
    match(input) {
      const found: number[] = [];
      for (const { set, offset } of sets) {
        for (const i of set.match(input)) {
          present[offset + i] = 1;
          found.push(offset + i);
        }
      }
      stamp++;
      const named = [...always];
      for (const atom of found) {
        for (const index of triggered[atom]!) {
          if (seen[index] === stamp) continue;
          seen[index] = stamp;
          const filter = filters[index];
          if (filter !== null && filter !== undefined && nodes.holds(filter, present, stamp)) named.push(index);
        }
      }
      for (const atom of found) present[atom] = 0;
      return named;
    },
  };
}
