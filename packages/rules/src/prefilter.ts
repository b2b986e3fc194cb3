/**
 * Patterns for the RE2 set prefilter, which only has to say which patterns may occur in a
 * paragraph (the exact pattern then runs there). Bounded repeats such as `[^.;]{0,80}` make
 * RE2's automaton track every count and blow up its states, which made the set pass the most
 * expensive step of an analysis; `{m,n}` relaxed to `{m,}` matches a superset of texts and
 * keeps the automaton small. A superset is safe: a paragraph flagged by mistake just yields no
 * match when the exact pattern runs.
 */

const BOUNDED_REPEAT = /^\{(\d+),\d+\}/;

/** `source` with every bounded repeat `{m,n}` (outside character classes) widened to `{m,}`. */
export function relaxRepeats(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      out += source.slice(i, i + 2);
      i++;
    } else if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
    } else if (ch === '[') {
      inClass = true;
      out += ch;
      // `[^` negates and `[]` / `[^]` start with a literal `]`: copy them as they are.
      if (source[i + 1] === '^') out += source[++i];
      if (source[i + 1] === ']') out += source[++i];
    } else {
      const repeat = ch === '{' ? BOUNDED_REPEAT.exec(source.slice(i)) : null;
      if (repeat) {
        out += `{${repeat[1]},}`;
        i += repeat[0].length - 1;
      } else {
        out += ch;
      }
    }
  }
  return out;
}
