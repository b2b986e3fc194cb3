/**
 * Reads one rule file: YAML (keeping node ranges) then the zod schema. Every problem comes
 * back located at `file:line:col`; a file with errors yields no rule but never stops the others.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { RuleError } from './errors.ts';
import { RuleSpec } from './rule-schema.ts';
import { schemaIssuesToErrors } from './schema-issues.ts';
import { positionOf } from './yaml-positions.ts';

const CONDITION_KEYS = ['phrase', 'pattern', 'does', 'who', 'duration', 'percent', 'money', 'year', 'any', 'all', 'not', 'within', 'describe'];
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

/** Parse YAML text, reporting syntax errors as RULE_YAML_SYNTAX with their position. */
export function parseYamlFile(file: string, text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const errors: RuleError[] = [...doc.errors, ...doc.warnings].map((e) => {
    const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
    const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return { code: 'RULE_YAML_SYNTAX' as const, file, line: pos.line, col: pos.col, message: `YAML: ${message}` };
  });
  return { doc, lineCounter, data: errors.length ? undefined : doc.toJS(), errors };
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
  const result = RuleSpec.safeParse(data);
  if (!result.success) {
    const errors = schemaIssuesToErrors(result.error.issues, data, doc, lineCounter, file, ruleKeysAt);
    const id = (data as { id?: unknown }).id;
    if (typeof id === 'string') for (const e of errors) e.ruleId = id;
    return { line, errors, yaml };
  }
  return { spec: result.data, line, errors: [], yaml };
}
