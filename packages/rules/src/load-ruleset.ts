/**
 * Loads a ruleset: a folder of rule files (one rule per YAML file) plus an optional
 * `ruleset.yaml` manifest naming the ruleset and the concepts it covers. Returns every rule
 * that compiled and every error, located; one bad rule never takes the rest down.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as z from 'zod';
import type { CompiledRule, ConceptInfo, Ruleset } from './compiled-types.ts';
import { newLeafTable, type CompileIssue } from './compile-condition.ts';
import { compileRule } from './compile-rule.ts';
import type { RuleError } from './errors.ts';
import { parseRuleFile, parseYamlFile } from './parse-rule-file.ts';
import { compilePatternSet } from './safe-pattern.ts';
import { schemaIssuesToErrors } from './schema-issues.ts';
import { positionOf } from './yaml-positions.ts';

/** The manifest file name inside a ruleset folder. */
export const MANIFEST_FILE = 'ruleset.yaml';

const Manifest = z.strictObject({
  name: z.string().min(1),
  version: z.string().optional(),
  description: z.string().optional(),
  concepts: z.array(z.strictObject({ id: z.string().min(1), title: z.string().optional() })).optional(),
});

/** One rule file's text (for loading from memory, e.g. the web rule editor). */
export interface RuleSource {
  file: string;
  text: string;
}

/** Options for loading. */
export interface LoadOptions {
  /** Known concept ids; overrides the manifest's list. Rules naming others get RULE_UNKNOWN_CONCEPT. */
  concepts?: readonly string[];
  /** Ruleset name when there is no manifest. */
  name?: string;
}

/** What loading returns: the usable ruleset, its rules, and every error found. */
export interface LoadResult {
  ruleset: Ruleset;
  rules: CompiledRule[];
  errors: RuleError[];
}

function readManifest(source: RuleSource | undefined, errors: RuleError[]): z.output<typeof Manifest> | undefined {
  if (!source) return undefined;
  const yaml = parseYamlFile(source.file, source.text);
  if (yaml.errors.length) {
    errors.push(...yaml.errors);
    return undefined;
  }
  const result = Manifest.safeParse(yaml.data);
  if (result.success) return result.data;
  errors.push(...schemaIssuesToErrors(result.error.issues, yaml.data, yaml.doc, yaml.lineCounter, source.file, () => ['name', 'version', 'description', 'concepts']));
  return undefined;
}

/** Compile rule sources (and an optional manifest among them) into a ruleset. */
export function buildRuleset(sources: readonly RuleSource[], options: LoadOptions = {}): LoadResult {
  const errors: RuleError[] = [];
  const manifest = readManifest(sources.find((s) => basename(s.file) === MANIFEST_FILE), errors);
  const concepts: ConceptInfo[] = (manifest?.concepts ?? []).map((c) => (c.title ? { id: c.id, title: c.title } : { id: c.id }));
  const known = options.concepts ? new Set(options.concepts) : manifest?.concepts ? new Set(concepts.map((c) => c.id)) : null;
  const table = newLeafTable();
  const rules: CompiledRule[] = [];
  const seen = new Map<string, string>();

  for (const source of sources) {
    if (basename(source.file) === MANIFEST_FILE) continue;
    const parsed = parseRuleFile(source.file, source.text);
    errors.push(...parsed.errors);
    const spec = parsed.spec;
    if (!spec) continue;
    const locate = (path: Array<string | number>) => positionOf(parsed.yaml.doc, parsed.yaml.lineCounter, path);
    const first = seen.get(spec.id);
    if (first) {
      errors.push({ code: 'RULE_DUPLICATE_ID', file: source.file, ...locate(['id']), ruleId: spec.id, message: `rule id "${spec.id}" is already used by ${first}` });
      continue;
    }
    if (known && !known.has(spec.concept)) {
      errors.push({ code: 'RULE_UNKNOWN_CONCEPT', file: source.file, ...locate(['concept']), ruleId: spec.id, message: `concept "${spec.concept}" is not one of this ruleset's concepts` });
      continue;
    }
    const issues: CompileIssue[] = [];
    const rule = compileRule(spec, source.file, parsed.line, table, issues);
    for (const issue of issues) errors.push({ code: issue.code, file: source.file, ...locate(issue.path), ruleId: spec.id, message: issue.message });
    if (!rule) continue;
    seen.set(spec.id, `${source.file}:${parsed.line}`);
    rules.push(rule);
  }

  const staticSetLeaves = table.leaves.flatMap((leaf, i) => (leaf.hasPlaceholder ? [] : [i]));
  const ruleset: Ruleset = {
    name: manifest?.name ?? options.name ?? 'rules',
    concepts,
    rules,
    leaves: table.leaves,
    staticSet: staticSetLeaves.length ? compilePatternSet(staticSetLeaves.map((i) => table.leaves[i]!.source)) : null,
    staticSetLeaves,
    partyCache: new Map(),
  };
  if (manifest?.version) ruleset.version = manifest.version;
  return { ruleset, rules, errors };
}

/** The YAML files of a ruleset folder, sorted so loading order (and duplicate reports) is stable. */
export function ruleFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/** Load every rule in `dir` (and its `ruleset.yaml` manifest when present). */
export function loadRuleset(dir: string, options: LoadOptions = {}): LoadResult {
  const sources: RuleSource[] = [];
  const errors: RuleError[] = [];
  let files: string[] = [];
  try {
    files = ruleFiles(dir);
  } catch (error) {
    errors.push({ code: 'RULE_READ_ERROR', file: dir, line: 1, col: 1, message: `cannot read ruleset folder: ${(error as Error).message}` });
  }
  for (const file of files) {
    try {
      sources.push({ file, text: readFileSync(file, 'utf8') });
    } catch (error) {
      errors.push({ code: 'RULE_READ_ERROR', file, line: 1, col: 1, message: `cannot read rule file: ${(error as Error).message}` });
    }
  }
  const result = buildRuleset(sources, { name: basename(dir), ...options });
  return { ...result, errors: [...errors, ...result.errors] };
}
