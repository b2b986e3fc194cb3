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
import { bundledRulesetDir } from './bundled-rulesets.ts';
import { saveChecked } from '../compile/checked-patterns.ts';
import type { CompiledRule, ConceptInfo, Ruleset } from '../compiled-types.ts';
import { newLeafTable, type CompileIssue } from '../compile/compile-condition.ts';
import { compileRule } from '../compile/compile-rule.ts';
import type { RuleError } from '../errors.ts';
import { parseRuleFile, parseYamlFile } from './parse-rule-file.ts';
import { compilePatternSet } from '../compile/literal-prefilter.ts';
import { isManifest, manifestsOf, MANIFEST_FILE } from './ruleset-manifest.ts';

export { MANIFEST_FILE, manifestInfo } from './ruleset-manifest.ts';
import { buildVocabulary, isVocabularyFile } from '../vocabulary/vocabulary.ts';
import { positionOf } from './yaml-positions.ts';

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
  /**
   * The folder must have a `ruleset.yaml` (a user ruleset, created with one that extends a
   * bundled ruleset): without it the ruleset is refused instead of run with only its own rules.
   */
  requireManifest?: boolean;
}

/** What loading returns: the usable ruleset, its rules, and every error found. */
export interface LoadResult {
  ruleset: Ruleset;
  rules: CompiledRule[];
  errors: RuleError[];
}

const isVocabulary = (source: RuleSource): boolean => isVocabularyFile(basename(source.file));

/** Whether a source is a rule file (not the manifest or the vocabulary). */
export function isRuleSource(source: RuleSource): boolean {
  return !isManifest(source) && !isVocabulary(source);
}

/** Compile rule sources (and an optional manifest among them) into a ruleset. Own sources come before inherited ones. */
export function buildRuleset(sources: readonly RuleSource[], options: LoadOptions = {}): LoadResult {
  const errors: RuleError[] = [];
  const { own: manifest, ownSource: manifestSource, ownBroken, concepts: listed } = manifestsOf(sources, errors);
  // A broken manifest may hide `extends:` or `disable:`: no rule runs rather than the wrong half of them.
  if (ownBroken) return { ruleset: emptyRuleset(options.name ?? 'rules'), rules: [], errors };
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

  for (const [id, found] of disabled) {
    if (found || !manifestSource) continue;
    const yaml = parseYamlFile(manifestSource.file, manifestSource.text);
    const index = manifest!.disable!.indexOf(id);
    errors.push({ code: 'RULE_UNKNOWN_DISABLED', file: manifestSource.file, ...positionOf(yaml.doc, yaml.lineCounter, ['disable', index]), ruleId: id, message: `disable lists "${id}", which is not a rule of this ruleset or the one it extends` });
  }

  saveChecked();
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

function emptyRuleset(name: string): Ruleset {
  return { name, concepts: [], rules: [], leaves: [], prefilter: null, partyCache: new Map() };
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
export function rulesetChain(dir: string, options: LoadOptions = {}): { dirs: string[]; errors: RuleError[]; missingBase?: RuleError } {
  const errors: RuleError[] = [];
  let missingBase: RuleError | undefined;
  const dirs = [resolve(dir)];
  for (let base = extendsOf(dir); base; base = extendsOf(dirs.at(-1)!)) {
    const baseDir = options.baseDirs?.[base.name] ?? bundledRulesetDir(base.name) ?? folderAt(base.name, dirs.at(-1)!);
    if (!baseDir) {
      missingBase = { code: 'RULE_UNKNOWN_BASE', file: base.file, line: base.line, col: base.col, message: `extends "${base.name}", which is not a known ruleset, so none of this ruleset's rules are used (running only its own would miss the inherited ones). Name an existing ruleset, such as payer-core.` };
      errors.push(missingBase);
      break;
    }
    if (dirs.includes(resolve(baseDir))) {
      errors.push({ code: 'RULE_UNKNOWN_BASE', file: base.file, line: base.line, col: base.col, message: `extends "${base.name}", which leads back to a ruleset already extended (a loop)` });
      break;
    }
    dirs.push(resolve(baseDir));
  }
  return missingBase ? { dirs, errors, missingBase } : { dirs, errors };
}

/** Every source of a ruleset: its own files, then those of the rulesets it extends, nearest first. */
export function rulesetSources(dir: string, options: LoadOptions = {}): { sources: RuleSource[]; errors: RuleError[]; missingBase?: RuleError } {
  const { dirs, errors, missingBase } = rulesetChain(dir, options);
  const sources = dirs.flatMap((folder, i) => readFolder(folder, errors, i > 0));
  return missingBase ? { sources, errors, missingBase } : { sources, errors };
}

/** The vocabulary files of the ruleset in `dir` and of the rulesets it extends, for compiling a rule held in memory (the web rule editor). */
export function vocabularySources(dir: string, options: LoadOptions = {}): RuleSource[] {
  return rulesetSources(dir, options).sources.filter(isVocabulary);
}

/** Load every rule in `dir` (and its `ruleset.yaml` manifest when present, with what it extends). */
export function loadRuleset(dir: string, options: LoadOptions = {}): LoadResult {
  const { sources, errors, missingBase } = rulesetSources(dir, options);
  // Without the ruleset it extends, this one would run with only its own rules: refused (the error is already listed).
  if (missingBase) return { ruleset: emptyRuleset(options.name ?? basename(dir)), rules: [], errors };
  const refused = missingManifest(dir, sources, options);
  if (refused) return { ruleset: emptyRuleset(options.name ?? basename(dir)), rules: [], errors: [...errors, refused] };
  const result = buildRuleset(sources, { name: basename(dir), ...options });
  return { ...result, errors: [...errors, ...result.errors] };
}

/** The refusal of a ruleset that must have a manifest and has none. */
function missingManifest(dir: string, sources: readonly RuleSource[], options: LoadOptions): RuleError | undefined {
  if (!options.requireManifest || sources.some((s) => isManifest(s) && !s.inherited)) return undefined;
  return {
    code: 'RULESET_MANIFEST_MISSING',
    file: join(resolve(dir), MANIFEST_FILE),
    line: 1,
    col: 1,
    message: `this ruleset has no ${MANIFEST_FILE}, so it would run without the bundled rules it extends; none of its rules are used. Add a ${MANIFEST_FILE} with a "name:" and an "extends: payer-core" line (or save your rules into a new ruleset), then try again.`,
  };
}
