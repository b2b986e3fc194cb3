/**
 * Loads key-term definitions: the YAML files in a ruleset's `terms/` folder, and those of the
 * rulesets it extends (a field with the same id replaces the inherited one, so a user can
 * change a bundled field). Conditions compile like rules' (same vocabulary, same phrases), and
 * every problem comes back located at file:line:col; one bad field never hides the others.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConditionNode } from '../compiled-types.ts';
import { compileCondition, newLeafTable, type CompileIssue, type LeafTable } from '../compile/compile-condition.ts';
import { titleWordsRegex } from '../compile/compile-rule.ts';
import type { RuleError } from '../errors.ts';
import { compilePatternSet } from '../compile/literal-prefilter.ts';
import { rulesetChain, vocabularySources, type LoadOptions, type RuleSource } from '../load/load-ruleset.ts';
import { parseYamlFile } from '../load/parse-rule-file.ts';
import { saveChecked } from '../compile/checked-patterns.ts';
import { compileSafePattern } from '../compile/safe-pattern.ts';
import { schemaIssuesToErrors } from '../load/schema-issues.ts';
import { buildVocabulary } from '../vocabulary/vocabulary.ts';
import { positionOf } from '../load/yaml-positions.ts';
import type { CompiledTerm, KeyTermDefinitions } from './compiled-terms.ts';
import { KeyTermsEnvelope, KeyTermsSpec, TermField, type TermFieldSpec } from './term-schema.ts';

/** The folder of key-term files inside a ruleset folder. */
export const TERMS_FOLDER = 'terms';

/** What loading returns: the usable definitions and every problem found. */
export interface KeyTermsLoadResult {
  definitions: KeyTermDefinitions;
  errors: RuleError[];
}

const CONDITION_KEYS = ['phrase', 'pattern', 'does', 'who', 'duration', 'percent', 'money', 'year', 'any', 'all', 'not', 'within', 'describe'];

function keysAt(path: ReadonlyArray<PropertyKey>): readonly string[] {
  if (path.length === 0) return Object.keys(KeyTermsSpec.shape);
  if (path.length === 2) return Object.keys(TermField.shape);
  const key = String(path[2]);
  if (key === 'sections') return ['prefer', 'only'];
  return ['match', 'unless', 'yes', 'near'].includes(key) ? CONDITION_KEYS : [];
}

/** The key-term files of every folder of the ruleset chain, own folder first. */
function termSources(dirs: readonly string[], errors: RuleError[]): RuleSource[] {
  const sources: RuleSource[] = [];
  dirs.forEach((dir, i) => {
    const folder = join(dir, TERMS_FOLDER);
    let names: string[];
    try {
      names = readdirSync(folder).filter((n) => /\.ya?ml$/i.test(n)).sort();
    } catch {
      return; // a ruleset without key terms
    }
    for (const name of names) {
      const file = join(folder, name);
      try {
        sources.push({ file, text: readFileSync(file, 'utf8'), ...(i > 0 ? { inherited: true } : {}) });
      } catch (error) {
        errors.push({ code: 'RULE_READ_ERROR', file, line: 1, col: 1, message: `cannot read key-terms file: ${(error as Error).message}` });
      }
    }
  });
  return sources;
}

function compileField(spec: TermFieldSpec, file: string, line: number, table: LeafTable, issues: CompileIssue[]): CompiledTerm | null {
  const before = issues.length;
  const match = spec.match ? compileCondition(spec.match, ['match'], table, issues) : undefined;
  const unless = (spec.unless ?? []).map((c, i) => compileCondition(c, ['unless', i], table, issues));
  const yes = spec.yes ? compileCondition(spec.yes, ['yes'], table, issues) : undefined;
  const near = spec.near ? compileCondition(spec.near, ['near'], table, issues) : undefined;
  const items = (spec.items ?? []).map((item, i) => ({ name: item.name, match: compileCondition(item.match, ['items', i, 'match'], table, issues) }));
  let value;
  if (spec.value) {
    const compiled = compileSafePattern(spec.value, 'i');
    if (!compiled.ok) issues.push({ code: compiled.code, path: ['value'], message: compiled.message });
    else if (!/\(\?P?<value>/.test(spec.value)) issues.push({ code: 'RULE_BAD_PATTERN', path: ['value'], message: 'the pattern needs a group named value, written (?P<value>...), around the words to keep' });
    else value = compiled.regex;
  }
  if (issues.length > before || match === null || yes === null || near === null || unless.some((u) => u === null) || items.some((item) => item.match === null)) return null;
  const term: CompiledTerm = { id: spec.id, title: spec.title, read: spec.read, scope: spec.scope, unlimited: spec.unlimited, unless: unless as ConditionNode[], file, line };
  if (spec.help) term.help = spec.help;
  if (match) term.match = match;
  if (yes) term.yes = yes;
  if (near) term.near = near;
  if (value) term.value = value;
  if (spec.items) term.items = items as Array<{ name: string; match: ConditionNode }>;
  const only = titleWordsRegex(spec.sections?.only);
  const prefer = titleWordsRegex(spec.sections?.prefer);
  if (only) term.sectionOnly = only;
  if (prefer) term.sectionPrefer = prefer;
  return term;
}

/** Compile key-term sources (own before inherited) with the ruleset's vocabulary sources. */
export function buildKeyTerms(sources: readonly RuleSource[], vocabulary: readonly RuleSource[], ruleset: string): KeyTermsLoadResult {
  const errors: RuleError[] = [];
  const table = newLeafTable(buildVocabulary(vocabulary, errors));
  const fields: CompiledTerm[] = [];
  const versions: string[] = [];
  const seen = new Map<string, { where: string; inherited: boolean }>();
  for (const source of sources) {
    const yaml = parseYamlFile(source.file, source.text);
    if (yaml.errors.length) {
      errors.push(...yaml.errors);
      continue;
    }
    const parsed = KeyTermsEnvelope.safeParse(yaml.data);
    if (!parsed.success) {
      errors.push(...schemaIssuesToErrors(parsed.error.issues, yaml.data, yaml.doc, yaml.lineCounter, source.file, keysAt));
      continue;
    }
    versions.push(String(parsed.data.version));
    parsed.data.fields.forEach((raw, i) => {
      const checked = TermField.safeParse(raw);
      if (!checked.success) {
        const issues = checked.error.issues.map((issue) => ({ ...issue, path: ['fields', i, ...issue.path] }));
        errors.push(...schemaIssuesToErrors(issues, yaml.data, yaml.doc, yaml.lineCounter, source.file, keysAt));
        return;
      }
      const spec = checked.data;
      const locate = (path: Array<string | number>) => positionOf(yaml.doc, yaml.lineCounter, ['fields', i, ...path]);
      const line = locate(['id']).line;
      const earlier = seen.get(spec.id);
      if (earlier && source.inherited && !earlier.inherited) return; // an own field replaces the inherited one
      if (earlier) {
        errors.push({ code: 'RULE_DUPLICATE_ID', file: source.file, ...locate(['id']), ruleId: spec.id, message: `key-term id "${spec.id}" is already used by ${earlier.where}; give this field another id` });
        return;
      }
      const issues: CompileIssue[] = [];
      const term = compileField(spec, source.file, line, table, issues);
      for (const issue of issues) errors.push({ code: issue.code, file: source.file, ...locate(issue.path), ruleId: spec.id, message: issue.message });
      if (!term) return;
      seen.set(spec.id, { where: `${source.file}:${line}`, inherited: source.inherited === true });
      fields.push(term);
    });
  }
  saveChecked();
  const patterns = {
    name: ruleset,
    concepts: [],
    rules: [],
    leaves: table.leaves,
    prefilter: table.leaves.length ? compilePatternSet(table.leaves.map((leaf) => leaf.source)) : null,
    partyCache: new Map(),
  };
  return { definitions: { ruleset, version: versions.reverse().join('+') || '0', fields, patterns }, errors };
}

/** Load the key terms of the ruleset in `dir` (its `terms/` folder and those of the rulesets it extends). */
export function loadKeyTerms(dir: string, options: LoadOptions = {}): KeyTermsLoadResult {
  const { dirs, errors } = rulesetChain(dir, options);
  const sources = termSources(dirs, errors);
  const name = parseYamlFile(join(dir, 'ruleset.yaml'), safeRead(join(dir, 'ruleset.yaml'))).data as { name?: unknown } | undefined;
  const result = buildKeyTerms(sources, vocabularySources(dir, options), typeof name?.name === 'string' ? name.name : dir);
  return { definitions: result.definitions, errors: [...errors, ...result.errors] };
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
