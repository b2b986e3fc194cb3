/**
 * Changing a ruleset's own vocabulary (the web editor's "Add words", "New class", edit and
 * remove): one class of its `vocabulary.yaml` (or of the topic file that already defines the
 * class) is set or removed, keeping the rest of the file as written, and the result is
 * checked against the whole ruleset before anything is written. Nothing is written here:
 * the caller writes `text` to `file` (atomically) when `errors` is empty.
 */
import { basename, join, resolve } from 'node:path';
import type { RuleError } from '../errors.ts';
import { buildRuleset, isRuleSource, rulesetSources, type LoadOptions, type RuleSource } from '../load/load-ruleset.ts';
import { parseYamlFile } from '../load/parse-rule-file.ts';
import { runExamples, type ExampleFailure } from '../authoring/rules-test.ts';
import { positionOf } from '../load/yaml-positions.ts';
import { vocabularyErrors } from './vocabulary-catalog.ts';
import { classLines, definesClass, NEW_VOCABULARY_HEADER, normalizeChange, removeClassIn, setClassIn, type VocabularyChange } from './vocabulary-text.ts';
import { buildVocabulary, isVocabularyFile, VOCABULARY_FILE } from './vocabulary.ts';

export type { VocabularyChange } from './vocabulary-text.ts';

/** A checked change to one vocabulary file. */
export interface VocabularyEdit {
  /** The file to write (absolute). */
  file: string;
  /** Its text after the change. */
  text: string;
  /** False when the file already reads so. */
  changed: boolean;
  /**
   * Why the change cannot be made; write nothing when there are any. Problems of the vocabulary
   * are located in `text` (or in the other file that has them); a removal still in use, at the
   * class in the file as it is.
   */
  errors: RuleError[];
  /** Examples of rules using the class that misbehave after the change and did not before: the change is allowed, but the author should know. */
  warnings: ExampleFailure[];
}

/** Write flow lists as the author did (`[a, b]`, not `[ a, b ]`) and never fold a long line. */
const KEEP_LAYOUT = { flowCollectionPadding: false, lineWidth: 0 } as const;

const isVocabularySource = (s: RuleSource): boolean => isVocabularyFile(basename(s.file));
const sameError = (a: RuleError, b: RuleError): boolean => a.code === b.code && a.file === b.file && a.message === b.message;

/** Whether the class as written already reads as `change`. */
function sameClass(written: unknown, change: VocabularyChange): boolean {
  if (written === null || typeof written !== 'object') return false;
  const keys = (o: object) => Object.keys(o).filter((k) => (o as Record<string, unknown>)[k] !== undefined).sort();
  return JSON.stringify(keys(written)) === JSON.stringify(keys(change)) && keys(change).every((k) => JSON.stringify((written as Record<string, unknown>)[k]) === JSON.stringify(change[k as keyof VocabularyChange]));
}

/** The ruleset's sources, and the own vocabulary file that defines `name` (or the one a new class goes to). */
function target(dir: string, name: string, options: LoadOptions) {
  const { sources } = rulesetSources(dir, options);
  const own = sources.filter((s) => !s.inherited && isVocabularySource(s));
  const holder = own.find((s) => {
    const yaml = parseYamlFile(s.file, s.text);
    return yaml.errors.length === 0 && definesClass(yaml.doc, name);
  });
  const file = holder?.file ?? join(resolve(dir), VOCABULARY_FILE);
  const existing = holder ?? own.find((s) => s.file === file);
  return { sources, file, before: existing?.text, defined: holder !== undefined };
}

/** `sources` with `file` reading `text` (added among the own sources when it is new). */
function withText(sources: readonly RuleSource[], file: string, text: string): RuleSource[] {
  return sources.some((s) => s.file === file) ? sources.map((s) => (s.file === file ? { ...s, text } : s)) : [{ file, text }, ...sources];
}

/** Names of the classes that use `name`, directly or through other classes, and `name` itself. */
function dependents(sources: readonly RuleSource[], name: string): Set<string> {
  const names = new Set([name]);
  const vocabulary = [...buildVocabulary(sources.filter(isVocabularySource), []).values()];
  for (let grew = true; grew; ) {
    grew = false;
    for (const cls of vocabulary) {
      if (names.has(cls.name) || !cls.entries.some((e) => [...names].some((n) => e.includes(`{${n}}`)))) continue;
      names.add(cls.name);
      grew = true;
    }
  }
  return names;
}

/** Examples of the rules affected by a change of `name` that fail after it and did not before. */
function newExampleFailures(before: readonly RuleSource[], after: readonly RuleSource[], name: string): ExampleFailure[] {
  const names = [...new Set([...dependents(before, name), ...dependents(after, name)])];
  const rules = after.filter((s) => isRuleSource(s) && names.some((n) => s.text.includes(`{${n}}`)));
  if (rules.length === 0) return [];
  const failures = (sources: readonly RuleSource[]) => {
    const all = [...sources.filter(isVocabularySource), ...rules];
    return runExamples(buildRuleset(all).ruleset, all).failures;
  };
  // Running examples compiles the rules' patterns (seconds for a large vocabulary), so the state before is only looked at when something fails after.
  const now = failures(after);
  if (now.length === 0) return [];
  const earlier = failures(before);
  return now.filter((f) => !earlier.some((e) => e.ruleId === f.ruleId && e.expect === f.expect && e.text === f.text));
}

/** Errors after the change that it caused: new ones anywhere, and every one inside the changed class. */
function introducedErrors(before: readonly RuleSource[], after: readonly RuleSource[], file: string, text: string, name: string): RuleError[] {
  const was = vocabularyErrors(before);
  const yaml = parseYamlFile(file, text);
  const lines = yaml.errors.length ? undefined : classLines(yaml.doc, name, (offset) => yaml.lineCounter.linePos(offset).line);
  return vocabularyErrors(after).filter((e) => (lines && e.file === file && e.line >= lines.first && e.line <= lines.last) || !was.some((w) => sameError(w, e)));
}

/**
 * Set class `name` of the ruleset in `dir` to read as `change` (PUT semantics: a key left out
 * is removed). Refused, with located errors, when the class would have no entries, adds with
 * `also` to a class no extended ruleset has, is named like a party ({payer}, {provider}), uses
 * itself, or names an unknown class.
 */
export function setVocabularyClass(dir: string, name: string, change: VocabularyChange, options: LoadOptions = {}): VocabularyEdit {
  const { sources, file, before } = target(dir, name, options);
  const current = before ?? NEW_VOCABULARY_HEADER;
  const parsed = parseYamlFile(file, current);
  if (parsed.errors.length) return { file, text: current, changed: false, errors: parsed.errors, warnings: [] };
  const normalized = normalizeChange(change);
  // Leave the file exactly as it is (comment spacing included) when the class already reads so.
  const existing = (parsed.data as { terms?: Record<string, unknown> } | null | undefined)?.terms?.[name];
  if (sameClass(existing, normalized)) return { file, text: current, changed: false, errors: [], warnings: [] };
  try {
    setClassIn(parsed.doc, name, normalized);
  } catch (error) {
    return { file, text: current, changed: false, errors: [{ code: 'RULE_WRONG_TYPE', file, ...positionOf(parsed.doc, parsed.lineCounter, ['terms']), message: (error as Error).message }], warnings: [] };
  }
  const text = parsed.doc.toString(KEEP_LAYOUT);
  if (!normalized.words && !normalized.also) {
    // Said plainly here rather than as the schema's message about `words` and `also`.
    const yaml = parseYamlFile(file, text);
    const message = `the class "${name}" needs at least one word or phrase`;
    return { file, text, changed: false, errors: [{ code: 'RULE_MISSING_KEY', file, ...positionOf(yaml.doc, yaml.lineCounter, ['terms', name]), message }], warnings: [] };
  }
  const after = withText(sources, file, text);
  const errors = introducedErrors(sources, after, file, text, name);
  const inherited = buildVocabulary(sources.filter((s) => s.inherited && isVocabularySource(s)), []);
  if (normalized.also && !inherited.has(name)) {
    const yaml = parseYamlFile(file, text);
    const message = `"${name}" adds words with \`also\`, but no ruleset this one extends has a class "${name}" to add them to: list them as its words instead`;
    if (!errors.some((e) => e.message.includes('`also`'))) errors.push({ code: 'RULE_UNKNOWN_PLACEHOLDER', file, ...positionOf(yaml.doc, yaml.lineCounter, ['terms', name, 'also']), message });
  }
  return { file, text, changed: text !== before, errors, warnings: errors.length ? [] : newExampleFailures(sources, after, name) };
}

/**
 * Remove the own class `name` from the ruleset in `dir` (an inherited class of the same name,
 * if any, applies again). Undefined when the ruleset itself does not define the class.
 * Refused when a rule or another class still uses it and nothing inherited would take its place.
 */
export function removeVocabularyClass(dir: string, name: string, options: LoadOptions = {}): VocabularyEdit | undefined {
  const { sources, file, before, defined } = target(dir, name, options);
  if (!defined || before === undefined) return undefined;
  const parsed = parseYamlFile(file, before);
  const where = { file, ...positionOf(parsed.doc, parsed.lineCounter, ['terms', name]) };
  removeClassIn(parsed.doc, name);
  const text = parsed.doc.toString(KEEP_LAYOUT);
  const after = withText(sources, file, text);
  const errors = introducedErrors(sources, after, file, text, name);
  const inherited = buildVocabulary(sources.filter((s) => s.inherited && isVocabularySource(s)), []);
  const users = sources.filter((s) => isRuleSource(s) && s.text.includes(`{${name}}`)).map((s) => /^id:\s*['"]?([a-z0-9-]+)/m.exec(s.text)?.[1] ?? basename(s.file));
  if (!inherited.has(name) && users.length) {
    errors.push({ code: 'RULE_UNKNOWN_PLACEHOLDER', ...where, message: `{${name}} is used by ${users.length === 1 ? 'the rule' : 'the rules'} ${users.map((u) => `"${u}"`).join(', ')}: change ${users.length === 1 ? 'it' : 'them'} to use other words first, or keep the class` });
  }
  return { file, text, changed: true, errors, warnings: errors.length ? [] : newExampleFailures(sources, after, name) };
}
