/**
 * Loads a ruleset: a folder of rule files (one rule per YAML file) plus an optional
 * `ruleset.yaml` manifest naming the ruleset and the concepts it covers. A manifest may
 * `extends:` another ruleset (a bundled ruleset's name, or a folder path): its rules and
 * concepts come along, a rule here with the same id replaces the inherited one, and
 * `disable:` lists rule ids to leave out, so a user can change or silence a bundled rule
 * without touching the bundled file. Returns every rule that compiled and every error,
 * located; one bad rule never takes the rest down.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import * as z from 'zod';
import { bundledRulesetDir } from './bundled-rulesets.ts';
import type { CompiledRule, ConceptInfo, Ruleset } from './compiled-types.ts';
import { newLeafTable, type CompileIssue } from './compile-condition.ts';
import { compileRule } from './compile-rule.ts';
import type { RuleError } from './errors.ts';
import { parseRuleFile, parseYamlFile } from './parse-rule-file.ts';
import { compilePatternSet } from './literal-prefilter.ts';
import { schemaIssuesToErrors } from './schema-issues.ts';
import { buildVocabulary, isVocabularyFile } from './vocabulary/vocabulary.ts';
import { positionOf } from './yaml-positions.ts';

/** The manifest file name inside a ruleset folder. */
export const MANIFEST_FILE = 'ruleset.yaml';

const Manifest = z.strictObject({
  name: z.string().min(1),
  version: z.string().optional(),
  description: z.string().optional(),
  extends: z.string().min(1).optional(),
  disable: z.array(z.string().min(1)).optional(),
  concepts: z.array(z.strictObject({ id: z.string().min(1), title: z.string().optional() })).optional(),
});

/** One rule file's text (for loading from memory, e.g. the web rule editor). */
export interface RuleSource {
  file: string;
  text: string;
  /** From a ruleset this one extends: a rule of the same id among the own sources replaces it. */
  inherited?: boolean;
}

/** Options for loading. */
export interface LoadOptions {
  /** Known concept ids; overrides the manifest's list. Rules naming others get RULE_UNKNOWN_CONCEPT. */
  concepts?: readonly string[];
  /** Ruleset name when there is no manifest. */
  name?: string;
  /** Folders that `extends:` names resolve to. Default: the bundled rulesets. */
  baseDirs?: Readonly<Record<string, string>>;
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

/** Concepts of every manifest, inherited ones first, each id once. */
function mergedConcepts(manifests: ReadonlyArray<z.output<typeof Manifest> | undefined>): ConceptInfo[] | undefined {
  const listed = manifests.filter((m) => m?.concepts);
  if (listed.length === 0) return undefined;
  const byId = new Map<string, ConceptInfo>();
  for (const manifest of listed) {
    for (const c of manifest!.concepts!) if (!byId.has(c.id)) byId.set(c.id, c.title ? { id: c.id, title: c.title } : { id: c.id });
  }
  return [...byId.values()];
}

const isManifest = (source: RuleSource): boolean => basename(source.file) === MANIFEST_FILE;
const isVocabulary = (source: RuleSource): boolean => isVocabularyFile(basename(source.file));

/** Whether a source is a rule file (not the manifest or the vocabulary). */
export function isRuleSource(source: RuleSource): boolean {
  return !isManifest(source) && !isVocabulary(source);
}

/** The own manifest among `sources`, and the concepts of all of them (undefined when none lists any). */
function manifestsOf(sources: readonly RuleSource[], errors: RuleError[]): { own: z.output<typeof Manifest> | undefined; concepts: ConceptInfo[] | undefined } {
  const own = readManifest(sources.find((s) => isManifest(s) && !s.inherited), errors);
  const inherited = sources.filter((s) => isManifest(s) && s.inherited).map((s) => readManifest(s, errors));
  return { own, concepts: mergedConcepts([...inherited.reverse(), own]) };
}

/** What the manifests among `sources` say, without compiling any rule: the concepts (inherited first) and the own `disable:` list. */
export function manifestInfo(sources: readonly RuleSource[]): { concepts: ConceptInfo[]; disable: string[] } {
  const { own, concepts } = manifestsOf(sources, []);
  return { concepts: concepts ?? [], disable: own?.disable ?? [] };
}

/** Compile rule sources (and an optional manifest among them) into a ruleset. Own sources come before inherited ones. */
export function buildRuleset(sources: readonly RuleSource[], options: LoadOptions = {}): LoadResult {
  const errors: RuleError[] = [];
  const { own: manifest, concepts: listed } = manifestsOf(sources, errors);
  const concepts: ConceptInfo[] = listed ?? [];
  const known = options.concepts ? new Set(options.concepts) : listed ? new Set(concepts.map((c) => c.id)) : null;
  const table = newLeafTable(buildVocabulary(sources.filter(isVocabulary), errors));
  const rules: CompiledRule[] = [];
  const seen = new Map<string, { where: string; inherited: boolean }>();
  // Rules the own manifest turns off (a user ruleset silencing a bundled rule); true once seen.
  const disabled = new Map<string, boolean>((manifest?.disable ?? []).map((id) => [id, false]));

  for (const source of sources) {
    if (!isRuleSource(source)) continue;
    const parsed = parseRuleFile(source.file, source.text);
    errors.push(...parsed.errors);
    const spec = parsed.spec;
    if (!spec) continue;
    const locate = (path: Array<string | number>) => positionOf(parsed.yaml.doc, parsed.yaml.lineCounter, path);
    if (disabled.has(spec.id)) {
      disabled.set(spec.id, true);
      continue;
    }
    const earlier = seen.get(spec.id);
    // An own rule replaces the inherited rule of the same id: that is how a user edits a bundled rule.
    if (earlier && source.inherited && !earlier.inherited) continue;
    const first = earlier?.where;
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
    seen.set(spec.id, { where: `${source.file}:${parsed.line}`, inherited: source.inherited === true });
    rules.push(rule);
  }

  const manifestSource = sources.find((s) => isManifest(s) && !s.inherited);
  for (const [id, found] of disabled) {
    if (found || !manifestSource) continue;
    const yaml = parseYamlFile(manifestSource.file, manifestSource.text);
    const index = manifest!.disable!.indexOf(id);
    errors.push({ code: 'RULE_UNKNOWN_DISABLED', file: manifestSource.file, ...positionOf(yaml.doc, yaml.lineCounter, ['disable', index]), ruleId: id, message: `disable lists "${id}", which is not a rule of this ruleset or the one it extends` });
  }

  const ruleset: Ruleset = {
    name: manifest?.name ?? options.name ?? 'rules',
    concepts,
    rules,
    leaves: table.leaves,
    prefilter: table.leaves.length ? compilePatternSet(table.leaves.map((leaf) => leaf.source)) : null,
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

/** The rule files of one folder, read; unreadable ones become errors. */
function readFolder(dir: string, errors: RuleError[], inherited: boolean): RuleSource[] {
  const sources: RuleSource[] = [];
  let files: string[] = [];
  try {
    files = ruleFiles(dir);
  } catch (error) {
    errors.push({ code: 'RULE_READ_ERROR', file: dir, line: 1, col: 1, message: `cannot read ruleset folder: ${(error as Error).message}` });
  }
  for (const file of files) {
    try {
      sources.push({ file, text: readFileSync(file, 'utf8'), ...(inherited ? { inherited } : {}) });
    } catch (error) {
      errors.push({ code: 'RULE_READ_ERROR', file, line: 1, col: 1, message: `cannot read rule file: ${(error as Error).message}` });
    }
  }
  return sources;
}

/** The `extends:` of the manifest in `dir`, with where it is written, when there is one. */
function extendsOf(dir: string): { name: string; file: string; line: number; col: number } | undefined {
  const file = join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined; // no manifest; an unreadable one is reported when the folder is read
  }
  const yaml = parseYamlFile(file, text);
  const name = (yaml.data as { extends?: unknown } | null | undefined)?.extends;
  if (yaml.errors.length || typeof name !== 'string' || name === '') return undefined;
  return { name, file, ...positionOf(yaml.doc, yaml.lineCounter, ['extends']) };
}

/** `extends:` given as a path (absolute, or relative to the extending ruleset's folder), when it is a folder. */
function folderAt(path: string, from: string): string | undefined {
  if (!path.includes('/') && !path.includes('\\')) return undefined;
  const dir = resolve(from, path);
  try {
    return statSync(dir).isDirectory() ? dir : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The folders of a ruleset: `dir`, then the rulesets it extends, nearest first. Only manifests
 * are read, so this is cheap enough to check before every analysis whether a cached ruleset
 * is still current.
 */
export function rulesetChain(dir: string, options: LoadOptions = {}): { dirs: string[]; errors: RuleError[] } {
  const errors: RuleError[] = [];
  const dirs = [resolve(dir)];
  for (let base = extendsOf(dir); base; base = extendsOf(dirs.at(-1)!)) {
    const baseDir = options.baseDirs?.[base.name] ?? bundledRulesetDir(base.name) ?? folderAt(base.name, dirs.at(-1)!);
    if (!baseDir) {
      errors.push({ code: 'RULE_UNKNOWN_BASE', file: base.file, line: base.line, col: base.col, message: `extends "${base.name}", which is not a known ruleset` });
      break;
    }
    if (dirs.includes(resolve(baseDir))) {
      errors.push({ code: 'RULE_UNKNOWN_BASE', file: base.file, line: base.line, col: base.col, message: `extends "${base.name}", which leads back to a ruleset already extended (a loop)` });
      break;
    }
    dirs.push(resolve(baseDir));
  }
  return { dirs, errors };
}

/** Every source of a ruleset: its own files, then those of the rulesets it extends, nearest first. */
export function rulesetSources(dir: string, options: LoadOptions = {}): { sources: RuleSource[]; errors: RuleError[] } {
  const { dirs, errors } = rulesetChain(dir, options);
  const sources = dirs.flatMap((folder, i) => readFolder(folder, errors, i > 0));
  return { sources, errors };
}

/** The vocabulary files of the ruleset in `dir` and of the rulesets it extends, for compiling a rule held in memory (the web rule editor). */
export function vocabularySources(dir: string, options: LoadOptions = {}): RuleSource[] {
  return rulesetSources(dir, options).sources.filter(isVocabulary);
}

/** Load every rule in `dir` (and its `ruleset.yaml` manifest when present, with what it extends). */
export function loadRuleset(dir: string, options: LoadOptions = {}): LoadResult {
  const { sources, errors } = rulesetSources(dir, options);
  const result = buildRuleset(sources, { name: basename(dir), ...options });
  return { ...result, errors: [...errors, ...result.errors] };
}
