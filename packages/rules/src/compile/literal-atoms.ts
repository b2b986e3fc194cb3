/**
 * What literal text a pattern cannot match without, as an AND/OR tree of "atoms" (the idea of
 * RE2's FilteredRE2 and Russ Cox's trigram index): `shall\s+not\s+(?:end|cancel)` needs
 * "shall" and "not" and one of "end", "cancel". Where the tree does not hold for a paragraph,
 * the pattern cannot match there and need not run. Vocabulary classes make patterns large (a
 * class of forty words, each with its inflections); an RE2 set over such patterns outgrows any
 * memory budget, while a set over their atoms is a plain word list, cheap to build and to run.
 *
 * The reader knows the RE2 syntax our patterns use. Anything it does not understand makes the
 * pattern "always run": a missed atom can only cost time, never a finding.
 */

/** A condition on the literals present in a text (lower-case, matched ignoring case). */
export type LiteralFilter = true | { atom: string } | { and: LiteralFilter[] } | { or: LiteralFilter[] };

/** What a sub-pattern is known to match. */
interface Info {
  /** Every string it can match, when few (lower-case); null when many or unknown. */
  exact: Set<string> | null;
  /** What every match contains (ignored while `exact` is known). */
  filter: LiteralFilter;
}

const EXACT_LIMIT = 64;
/** Atoms shorter than this occur in almost every paragraph, so they filter nothing. */
const MIN_ATOM = 3;
/** Atoms that share a prefix this long are merged into it (the prefix occurs wherever they do). */
const SHARED_PREFIX = 5;

const ANY: Info = { exact: null, filter: true };
const EMPTY: Info = { exact: new Set(['']), filter: true };

class Unsupported extends Error {}

/** Atoms sharing a long prefix become the prefix; an atom that contains another is dropped. */
function simplifyAtoms(atoms: Iterable<string>): string[] {
  const byPrefix = new Map<string, string[]>();
  const short: string[] = [];
  for (const a of atoms) {
    if (a.length < SHARED_PREFIX) short.push(a);
    else {
      const key = a.slice(0, SHARED_PREFIX);
      byPrefix.set(key, [...(byPrefix.get(key) ?? []), a]);
    }
  }
  const merged = [...byPrefix.values()].map((group) => {
    let prefix = group[0]!;
    for (const a of group) while (!a.startsWith(prefix)) prefix = prefix.slice(0, -1);
    return prefix;
  });
  const all = [...new Set([...short, ...merged])].sort((a, b) => a.length - b.length);
  return all.filter((a, i) => !all.slice(0, i).some((shorter) => a.includes(shorter)));
}

/** The filter of an exact set: one of its strings, unless one is too short to filter anything. */
function exactFilter(exact: Set<string>): LiteralFilter {
  for (const s of exact) if (s.trim().length < MIN_ATOM) return true;
  const atoms = simplifyAtoms(exact);
  return atoms.length === 1 ? { atom: atoms[0]! } : { or: atoms.map((atom) => ({ atom })) };
}

function filterOf(info: Info): LiteralFilter {
  return info.exact ? exactFilter(info.exact) : info.filter;
}

function and(parts: LiteralFilter[]): LiteralFilter {
  const kept = parts.flatMap((p) => (p === true ? [] : 'and' in p ? p.and : [p]));
  return kept.length === 0 ? true : kept.length === 1 ? kept[0]! : { and: kept };
}

function or(parts: LiteralFilter[]): LiteralFilter {
  if (parts.some((p) => p === true)) return true;
  const flat = parts.flatMap((p) => ('or' in (p as object) ? (p as { or: LiteralFilter[] }).or : [p]));
  return flat.length === 1 ? flat[0]! : { or: flat };
}

function alternate(infos: Info[]): Info {
  let exact: Set<string> | null = new Set();
  for (const info of infos) {
    if (exact && info.exact && exact.size + info.exact.size <= EXACT_LIMIT) info.exact.forEach((s) => exact!.add(s));
    else exact = null;
  }
  return exact ? { exact, filter: true } : { exact: null, filter: or(infos.map(filterOf)) };
}

const CLASS_ESCAPES = new Set(['s', 'S', 'd', 'D', 'w', 'W']);

/** A small recursive-descent reader of RE2 syntax, computing Info bottom-up. */
class Reader {
  private i = 0;
  constructor(private readonly src: string) {}

  read(): Info {
    const info = this.alternation();
    if (this.i < this.src.length) throw new Unsupported('unbalanced )');
    return info;
  }

  private alternation(): Info {
    const branches = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? branches[0]! : alternate(branches);
  }

  private sequence(): Info {
    // `run` collects the exact strings since the last inexact element ("other" after `\s+`
    // is read letter by letter); `parts` holds what everything before it requires.
    let run = new Set(['']);
    const parts: LiteralFilter[] = [];
    let exact = true;
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const element = this.quantified(this.element());
      if (element.exact && run.size * element.exact.size <= EXACT_LIMIT) {
        const next = new Set<string>();
        for (const x of run) for (const y of element.exact) next.add(x + y);
        run = next;
        continue;
      }
      exact = false;
      parts.push(exactFilter(run));
      if (element.exact) run = element.exact;
      else {
        parts.push(element.filter);
        run = new Set(['']);
      }
    }
    if (exact) return { exact: run, filter: true };
    return { exact: null, filter: and([...parts, exactFilter(run)]) };
  }

  private quantified(element: Info): Info {
    const ch = this.src[this.i];
    let min: number;
    if (ch === '*') min = 0;
    else if (ch === '+') min = 1;
    else if (ch === '?') min = -1;
    else if (ch === '{' && /^\{\d+(?:,\d*)?\}/.test(this.src.slice(this.i))) {
      const m = /^\{(\d+)(,\d*)?\}/.exec(this.src.slice(this.i))!;
      this.i += m[0].length - 1;
      min = m[2] === undefined && m[1] === '1' ? 1.5 : Number(m[1]);
    } else return element;
    this.i++;
    if (this.src[this.i] === '?') this.i++;
    if (min === 1.5) return element;
    // Optional: an exact set gains the empty string; anything else may match text we know nothing of.
    if (min === -1) return element.exact && element.exact.size < EXACT_LIMIT ? { exact: new Set([...element.exact, '']), filter: true } : ANY;
    if (min === 0) return ANY;
    return { exact: null, filter: filterOf(element) };
  }

  private element(): Info {
    const ch = this.src[this.i]!;
    if (ch === '(') return this.group();
    if (ch === '[') return this.charClass();
    if (ch === '\\') return this.escape();
    // `{payer}` / `{provider}` before per-contract resolution: party terms, unknown here.
    if (ch === '{' && /^\{[a-z][a-z0-9-]*\}/.test(this.src.slice(this.i))) {
      this.i = this.src.indexOf('}', this.i) + 1;
      return ANY;
    }
    this.i++;
    if (ch === '.') return ANY;
    if (ch === '^' || ch === '$') return EMPTY;
    if ('*+?{'.includes(ch)) throw new Unsupported(`quantifier ${ch} without operand`);
    return { exact: new Set([ch.toLowerCase()]), filter: true };
  }

  private group(): Info {
    this.i++;
    if (this.src[this.i] === '?') {
      const m = /^\?(?::|P?<[A-Za-z_]\w*>|[imsU-]+(:|\)))/.exec(this.src.slice(this.i));
      if (!m) throw new Unsupported('group syntax');
      this.i += m[0].length;
      // `(?i)` alone sets flags for what follows; patterns already ignore case.
      if (m[1] === ')') return EMPTY;
    }
    const inner = this.alternation();
    if (this.src[this.i] !== ')') throw new Unsupported('unclosed group');
    this.i++;
    return inner;
  }

  private charClass(): Info {
    this.i++;
    const chars = new Set<string>();
    let literal = this.src[this.i] !== '^';
    if (this.src[this.i] === '^') this.i++;
    if (this.src[this.i] === ']') chars.add(this.src[this.i++]!);
    while (this.i < this.src.length && this.src[this.i] !== ']') {
      let ch = this.src[this.i++]!;
      if (ch === '\\') {
        ch = this.src[this.i++] ?? '';
        if (/[A-Za-z0-9]/.test(ch)) literal = false;
      } else if (ch === '-' && chars.size > 0 && this.src[this.i] !== ']') literal = false;
      else if (ch === '[' && this.src[this.i] === ':') literal = false;
      chars.add(ch.toLowerCase());
    }
    if (this.i >= this.src.length) throw new Unsupported('unclosed class');
    this.i++;
    return literal && chars.size <= 8 ? { exact: chars, filter: true } : ANY;
  }

  private escape(): Info {
    const ch = this.src[this.i + 1];
    if (ch === undefined) throw new Unsupported('trailing backslash');
    this.i += 2;
    if (ch === 'b' || ch === 'B' || ch === 'A' || ch === 'z') return EMPTY;
    if (CLASS_ESCAPES.has(ch)) return ANY;
    if (/[A-Za-z0-9]/.test(ch)) throw new Unsupported(`escape \\${ch}`);
    return { exact: new Set([ch]), filter: true };
  }
}

/**
 * The literal filter of an RE2 pattern: `true` when the pattern must run on every paragraph
 * (it needs no literal text we can name, or uses syntax this reader does not know).
 */
export function literalFilter(source: string): LiteralFilter {
  try {
    return filterOf(new Reader(source).read());
  } catch (error) {
    if (error instanceof Unsupported) return true;
    throw error;
  }
}

/** Every atom the filter mentions. */
export function filterAtoms(filter: LiteralFilter, out = new Set<string>()): Set<string> {
  if (filter === true) return out;
  if ('atom' in filter) out.add(filter.atom);
  else for (const part of 'and' in filter ? filter.and : filter.or) filterAtoms(part, out);
  return out;
}

/** Whether the filter holds when exactly the atoms in `present` occur. */
export function filterHolds(filter: LiteralFilter, present: ReadonlySet<string>): boolean {
  if (filter === true) return true;
  if ('atom' in filter) return present.has(filter.atom);
  if ('and' in filter) return filter.and.every((part) => filterHolds(part, present));
  return filter.or.some((part) => filterHolds(part, present));
}
