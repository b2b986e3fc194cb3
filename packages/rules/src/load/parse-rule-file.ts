/**
 * Reads one rule file: YAML (keeping node ranges) then the zod schema. Every problem comes
 * back located at `file:line:col`; a file with errors yields no rule but never stops the others.
 */
import { LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { RuleError } from '../errors.ts';
import { RuleSpec } from './rule-schema.ts';
import { schemaIssuesToErrors } from './schema-issues.ts';
import { positionOf } from './yaml-positions.ts';

const CONDITION_KEYS = ['phrase', 'pattern', 'does', 'who', 'duration', 'percent', 'money', 'year', 'any', 'all', 'not', 'within', 'numbers-of-act', 'not-in', 'describe'];
const NESTED_KEYS: Record<string, string[]> = {
  sections: ['prefer', 'only'],
  redline: ['op', 'target', 'at', 'text', 'fallbacks', 'note', 'payerComment'],
  examples: ['flag', 'pass'],
};
const CONDITION_ROOTS = new Set(['match', 'when', 'unless', 'acceptable']);

function ruleKeysAt(path: ReadonlyArray<PropertyKey>): readonly string[] {
  if (path.length === 0) return Object.keys(RuleSpec.shape);
  const root = String(path[0]);
  if (CONDITION_ROOTS.has(root)) return CONDITION_KEYS;
  return NESTED_KEYS[root] ?? [];
}

/** A parsed YAML file with what is needed to locate errors in it. */
export interface ParsedYaml {
  doc: Document;
  lineCounter: LineCounter;
  data: unknown;
  errors: RuleError[];
}

/** Aliases a file may expand (the yaml library's own guard against "billion laughs" expansion). */
const MAX_ALIASES = 100;

/** Parse YAML text, reporting syntax errors as RULE_YAML_SYNTAX and unsafe YAML as RULE_YAML_UNSAFE, with their position. */
export function parseYamlFile(file: string, text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const errors: RuleError[] = [...doc.errors, ...doc.warnings].map((e) => {
    const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
    const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    if (/call stack/i.test(message)) return tooDeep(file, pos);
    return { code: 'RULE_YAML_SYNTAX' as const, file, line: pos.line, col: pos.col, message: `YAML: ${message}` };
  });
  if (errors.length) return { doc, lineCounter, data: undefined, errors };
  try {
    return { doc, lineCounter, data: doc.toJS({ maxAliasCount: MAX_ALIASES }), errors };
  } catch (error) {
    // The yaml library throws (rather than reports) on alias expansion past its limit and on nesting deeper than the stack.
    const aliased = /alias/i.test((error as Error).message);
    const at = aliased ? firstAlias(doc, lineCounter) : { line: 1, col: 1 };
    const problem: RuleError = aliased
      ? { code: 'RULE_YAML_UNSAFE', file, ...at, message: `YAML: this file repeats aliases (*name) more than ${MAX_ALIASES} times in all, which could make it expand without bound, so it is not read. Write the values out instead of using aliases; a rule never needs them.` }
      : tooDeep(file, at);
    return { doc, lineCounter, data: undefined, errors: [problem] };
  }
}

function tooDeep(file: string, at: { line: number; col: number }): RuleError {
  return { code: 'RULE_YAML_UNSAFE', file, ...at, message: 'YAML: the file is nested too deeply to read safely. A rule needs a few levels of `all:`/`any:`/`not:`; flatten the condition (for example, one `any:` with a list of phrases).' };
}

/** Where the first alias of `doc` is written. */
function firstAlias(doc: Document, lineCounter: LineCounter): { line: number; col: number } {
  let offset: number | undefined;
  try {
    visit(doc, {
      Alias(_, node) {
        offset = node.range?.[0];
        return visit.BREAK;
      },
    });
  } catch {
    // A document too deep to walk: fall back to the start of the file.
  }
  return offset === undefined ? { line: 1, col: 1 } : lineCounter.linePos(offset);
}

/**
 * How deeply a rule file's values may nest (mappings and lists; one `all:` level is two). The
 * schema check and the compiler recurse once per level: this bound keeps both far from the
 * stack limit of an analysis thread, and more than three times what the deepest bundled rule uses.
 */
const MAX_DEPTH = 64;

/**
 * How many phrases and patterns one rule may list in all. Each becomes a pattern compiled at
 * load (about half a millisecond each): 40,000 would take half a minute every time the
 * ruleset loads. A long word list belongs in a vocabulary class, which compiles as one pattern.
 */
const MAX_LEAVES = 5000;
const LEAF_KEYS = new Set(['phrase', 'pattern', 'does']);

/** Where a rule is nested too deeply or lists too many phrases and patterns, walked without recursion. */
export function sizeProblem(data: unknown): { path: Array<string | number>; message: string } | undefined {
  const stack: Array<{ value: unknown; path: Array<string | number> }> = [{ value: data, path: [] }];
  let leaves = 0;
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= MAX_DEPTH) {
      return { path, message: `the rule is nested more than ${MAX_DEPTH} levels deep here, deeper than the engine checks and runs safely. Flatten the condition: a list under one \`any:\` or \`all:\` says the same with fewer levels.` };
    }
    const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (const [key, child] of entries) {
      if (typeof key === 'string' && LEAF_KEYS.has(key) && Array.isArray(child)) {
        leaves += child.length;
        if (leaves > MAX_LEAVES) {
          return { path: [...path, key], message: `the rule lists more than ${MAX_LEAVES} phrases and patterns in all (this list brings it past the limit), more than can be checked and loaded quickly. Put a long word list in a vocabulary class and use it as {class-name}, or split the rule.` };
        }
      }
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return examplesProblem(data);
}

/**
 * Examples are a few sentences each (the bundled ones are under 400 characters, under 5,000 per
 * rule). Each runs as one paragraph, and one pattern call over a paragraph cannot be stopped
 * midway: a megabyte-long example would hold the rule editor's check for many seconds.
 */
const MAX_EXAMPLE_CHARS = 4000;
const MAX_EXAMPLES_CHARS = 40_000;

function examplesProblem(data: unknown): { path: Array<string | number>; message: string } | undefined {
  const examples = (data as { examples?: unknown } | null)?.examples;
  if (!examples || typeof examples !== 'object') return undefined;
  let total = 0;
  for (const kind of ['flag', 'pass']) {
    const list = (examples as Record<string, unknown>)[kind];
    if (!Array.isArray(list)) continue;
    for (let i = 0; i < list.length; i++) {
      const item: unknown = list[i];
      const text = typeof item === 'string' ? item : (item as { text?: unknown } | null)?.text;
      if (typeof text !== 'string') continue;
      total += text.length;
      if (text.length > MAX_EXAMPLE_CHARS) {
        return { path: ['examples', kind, i], message: `this example is ${text.length.toLocaleString('en-US')} characters long; an example is at most ${MAX_EXAMPLE_CHARS.toLocaleString('en-US')} (a clause or two). Keep the sentences that show what the rule flags or lets pass.` };
      }
      if (total > MAX_EXAMPLES_CHARS) {
        return { path: ['examples', kind, i], message: `the rule's examples add up to more than ${MAX_EXAMPLES_CHARS.toLocaleString('en-US')} characters from here on; keep a few short examples of each kind.` };
      }
    }
  }
  return undefined;
}

/** The result of reading one rule file. */
export interface ParsedRule {
  spec?: RuleSpec;
  /** Line of the `id` key (1 when absent). */
  line: number;
  errors: RuleError[];
  yaml: ParsedYaml;
}

/** Parse and validate one rule file. */
export function parseRuleFile(file: string, text: string): ParsedRule {
  const yaml = parseYamlFile(file, text);
  if (yaml.errors.length) return { line: 1, errors: yaml.errors, yaml };
  const { doc, lineCounter, data } = yaml;
  const line = positionOf(doc, lineCounter, ['id']).line;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const { line: l, col } = positionOf(doc, lineCounter, []);
    return { line, errors: [{ code: 'RULE_WRONG_TYPE', file, line: l, col, message: 'a rule file must be a mapping of keys (id, concept, title, …)' }], yaml };
  }
  const tooBig = sizeProblem(data);
  if (tooBig) {
    const error: RuleError = { code: 'RULE_TOO_COMPLEX', file, ...positionOf(doc, lineCounter, tooBig.path), message: tooBig.message };
    if (typeof (data as { id?: unknown }).id === 'string') error.ruleId = (data as { id: string }).id;
    return { line, errors: [error], yaml };
  }
  const result = RuleSpec.safeParse(data);
  if (!result.success) {
    const errors = schemaIssuesToErrors(result.error.issues, data, doc, lineCounter, file, ruleKeysAt);
    const id = (data as { id?: unknown }).id;
    if (typeof id === 'string') for (const e of errors) e.ruleId = id;
    return { line, errors, yaml };
  }
  return { spec: result.data, line, errors: [], yaml };
}
