/**
 * Every rule pattern runs on RE2, whose automata match in time linear in the text: a rule can
 * never hang the analysis the way a backtracking pattern like `(a+)+$` hangs V8. What RE2
 * cannot run in linear time (lookaround, backreferences, atomic groups) it refuses to
 * compile; we turn that refusal into RULE_UNSAFE_PATTERN with advice.
 */
import RE2 from 're2';
import { relaxRepeats } from './prefilter.ts';

/** A compiled, linear-time regex. */
export type SafeRegex = InstanceType<typeof RE2>;

/** The outcome of compiling a pattern. */
export type CompileResult =
  | { ok: true; regex: SafeRegex }
  | { ok: false; code: 'RULE_BAD_PATTERN' | 'RULE_UNSAFE_PATTERN'; message: string };

/** Flags every rule pattern runs with: contracts capitalise freely, so matching ignores case. */
export const PATTERN_FLAGS = 'i';

function unsafeReason(source: string, error: string): string | null {
  if (/invalid perl operator: \(\?<?[=!]/.test(error)) {
    return 'lookahead and lookbehind cannot run in linear time; use `unless:` to exclude text, or `within:` for nearby words';
  }
  if (/invalid perl operator: \(\?>/.test(error)) return 'atomic groups are not supported; RE2 never backtracks, so they are not needed';
  if (/invalid escape sequence: \\[1-9k]/.test(error) || /\\[1-9]/.test(source)) {
    return 'backreferences cannot run in linear time; match the words explicitly or use `all:` with two patterns';
  }
  if (/too large|bad repetition operator|invalid repeat/i.test(error)) return 'the repetition is too large to run safely; use a smaller count or `within:`';
  return null;
}

/** Compile a pattern (placeholders already resolved) with RE2, or explain why it cannot run safely. */
export function compileSafePattern(source: string, flags = PATTERN_FLAGS): CompileResult {
  let regex: SafeRegex;
  try {
    regex = new RE2(source, flags);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reason = unsafeReason(source, message);
    if (reason) return { ok: false, code: 'RULE_UNSAFE_PATTERN', message: `pattern cannot run in linear time: ${reason} (${message})` };
    return { ok: false, code: 'RULE_BAD_PATTERN', message: `pattern does not compile: ${message}` };
  }
  if (regex.test('')) {
    return { ok: false, code: 'RULE_BAD_PATTERN', message: 'pattern matches empty text, so it would match everywhere' };
  }
  return { ok: true, regex };
}

/** Patterns matched together: `match` gives the indexes (into the sources) of those that occur. */
export interface PatternSet {
  match(input: string | Buffer): number[];
}

/**
 * Patterns per RE2 set, and the memory each set's automaton may take. One set of all ~300
 * payer-core patterns outgrew any sensible budget: its DFA kept discarding states, and the
 * set pass over a 340k-character contract took 0.75 s at 64 MiB. A DFA's states multiply with
 * the patterns it tracks together, so a dozen sets of 25 stay small: the same pass takes 26 ms
 * with 15 MB of automata in all (measured on the three largest HiLabs agreements).
 */
const PATTERNS_PER_SET = 25;
const SET_MAX_MEM = 16 << 20;

/**
 * Compile `sources` (all already validated) into RE2 sets for a prefilter pass. The sets may
 * over-report (bounded repeats are widened, see prefilter.ts): a pattern they name must still
 * be run to know whether and where it matches; one they do not name is absent.
 */
export function compilePatternSet(sources: readonly string[], maxMem = SET_MAX_MEM): PatternSet {
  const relaxed = sources.map(relaxRepeats);
  const parts: Array<{ set: InstanceType<typeof RE2.Set>; offset: number }> = [];
  // Patterns no set can hold within the budget (a large vocabulary alternation can outgrow it):
  // they are named as candidates in every paragraph, so they still run, only without a prefilter.
  const always: number[] = [];
  const build = (offset: number, count: number): void => {
    try {
      parts.push({ set: new RE2.Set(relaxed.slice(offset, offset + count), PATTERN_FLAGS, { maxMem }), offset });
    } catch {
      if (count === 1) {
        always.push(offset);
        return;
      }
      const half = Math.ceil(count / 2);
      build(offset, half);
      build(offset + half, count - half);
    }
  };
  for (let offset = 0; offset < relaxed.length; offset += PATTERNS_PER_SET) build(offset, Math.min(PATTERNS_PER_SET, relaxed.length - offset));
  return {
    match(input) {
      const out: number[] = [...always];
      for (const { set, offset } of parts) for (const i of set.match(input)) out.push(offset + i);
      return out;
    },
  };
}

/** Every match of `regex` in `text[start, end)`, as absolute spans; `regex` must be global. */
export function allMatches(regex: SafeRegex, text: string, base: number): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    if (m[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    out.push({ start: base + m.index, end: base + m.index + m[0].length });
  }
  return out;
}

/** What RE2's `exec` gives for bytes: offsets and lengths in bytes. */
interface ByteMatch {
  index: number;
  0: Uint8Array;
}

/**
 * `regex.exec` over UTF-8 bytes (RE2 reads them without converting). `SafeRegex` is typed as
 * the `RegExp` it extends, whose `exec` only takes strings, hence the narrow cast.
 */
export function execBytes(regex: SafeRegex, bytes: Uint8Array): ByteMatch | null {
  return (regex as unknown as { exec(input: Uint8Array): ByteMatch | null }).exec(bytes);
}
