/**
 * A ruleset's vocabulary (`vocabulary.yaml`): named classes of words and phrases that mean the
 * same act or thing ("terminate": terminate, cancel, end, discontinue, bring to an end ...).
 * Rules use a class as `{terminate}` in a phrase, a `does:` or a pattern, so one list of
 * wording serves every rule, and a rule author who meets new wording adds it once here.
 *
 * A ruleset that `extends:` another inherits its vocabulary; a class of the same name replaces
 * the inherited one, and `also:` adds entries to it instead.
 */
import { dirname } from 'node:path';
import * as z from 'zod';
import type { RuleError } from '../errors.ts';
import { parseYamlFile } from '../load/parse-rule-file.ts';
import { schemaIssuesToErrors } from '../load/schema-issues.ts';
import { positionOf } from '../load/yaml-positions.ts';
import { wordForms } from './inflect.ts';
import { formsAlternation, phraseSource } from './phrase-source.ts';

/** The vocabulary file name inside a ruleset folder. */
export const VOCABULARY_FILE = 'vocabulary.yaml';

/** `vocabulary.yaml`, or a topic file `vocabulary-<topic>.yaml` beside it (one ruleset may split its vocabulary by topic). */
export function isVocabularyFile(name: string): boolean {
  return /^vocabulary(?:-[a-z0-9-]+)?\.ya?ml$/i.test(name);
}

/** Placeholder names that are party terms, never vocabulary classes. */
export const PARTY_PLACEHOLDERS = ['payer', 'provider', 'payer-name', 'provider-name', 'quote'] as const;

const Entries = z.array(z.string().min(1)).min(1);

/** One class as written. */
export const VocabularyClassSpec = z
  .strictObject({
    means: z.string().optional().describe('What the words in this class have in common, in plain words.'),
    words: Entries.optional().describe('Words and phrases; content words also match their inflections. May use `{other-class}`, `...` gaps and `=exact` words.'),
    also: Entries.optional().describe('Entries added to the class of the same name in the ruleset this one extends.'),
  })
  .refine((c) => c.words !== undefined || c.also !== undefined, { message: 'a class needs `words` (or `also`, to add to an inherited class)' });

/** The vocabulary file as written. */
export const VocabularySpec = z
  .strictObject({
    terms: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/, { message: 'expected a lower-case class name like "terminate" or "fee-schedule"' }), VocabularyClassSpec),
  })
  .meta({ title: 'Redliner vocabulary', description: 'Named classes of words and phrases that rules use as {class}.' });

/** A class ready for expansion. */
export interface VocabularyClass {
  name: string;
  means?: string;
  entries: string[];
  file: string;
  line: number;
  /** Column of the class's first line (with `line`, where problems of the class are reported). */
  col: number;
}

/** A merged vocabulary: class name → class. */
export type Vocabulary = ReadonlyMap<string, VocabularyClass>;

/** A vocabulary file's text and whether it comes from an extended ruleset. */
export interface VocabularySource {
  file: string;
  text: string;
  inherited?: boolean;
}

/** Merge vocabulary files, inherited ones first (sources are listed nearest first, as the loader reads them). */
export function buildVocabulary(sources: readonly VocabularySource[], errors: RuleError[]): Map<string, VocabularyClass> {
  const vocabulary = new Map<string, VocabularyClass>();
  // Farthest base first, so nearer rulesets replace or extend what they inherit.
  for (const source of [...sources].reverse()) {
    const yaml = parseYamlFile(source.file, source.text);
    if (yaml.errors.length) {
      errors.push(...yaml.errors);
      continue;
    }
    const result = VocabularySpec.safeParse(yaml.data ?? {});
    if (!result.success) {
      errors.push(...schemaIssuesToErrors(result.error.issues, yaml.data, yaml.doc, yaml.lineCounter, source.file, () => ['terms']));
      continue;
    }
    for (const [name, spec] of Object.entries(result.data.terms)) {
      const { line, col } = positionOf(yaml.doc, yaml.lineCounter, ['terms', name]);
      if ((PARTY_PLACEHOLDERS as readonly string[]).includes(name)) {
        errors.push({ code: 'RULE_BAD_VALUE', file: source.file, line, col, message: `"${name}" is a party placeholder and cannot be a vocabulary class` });
        continue;
      }
      const base = vocabulary.get(name);
      if (base && dirname(base.file) === dirname(source.file)) {
        errors.push({ code: 'RULE_DUPLICATE_ID', file: source.file, line, col, message: `vocabulary class "${name}" is already defined in ${base.file}:${base.line}` });
        continue;
      }
      if (spec.also && !base && !spec.words) {
        errors.push({ code: 'RULE_UNKNOWN_PLACEHOLDER', file: source.file, line, col, message: `"${name}" uses \`also\` but no extended ruleset has a class "${name}" to add to` });
        continue;
      }
      const entries = [...(spec.words ?? base?.entries ?? []), ...(spec.also ?? [])];
      const means = spec.means ?? base?.means;
      vocabulary.set(name, { name, entries, file: source.file, line, col, ...(means ? { means } : {}) });
    }
  }
  return vocabulary;
}

/** A class reference that could not be expanded. */
export interface ExpansionProblem {
  name: string;
  message: string;
}

/**
 * Expander for `phraseSource` and patterns: `{class}` → a non-capturing group of its entries.
 * Classes may use other classes; a loop is a problem, not a hang. Results are memoized.
 */
export function classExpander(vocabulary: Vocabulary, problems: ExpansionProblem[]): (name: string) => string | null {
  const memo = new Map<string, string>();
  const active: string[] = [];
  const expand = (name: string): string | null => {
    if ((PARTY_PLACEHOLDERS as readonly string[]).includes(name)) return null;
    const known = memo.get(name);
    if (known !== undefined) return known;
    const cls = vocabulary.get(name);
    if (!cls) {
      const names = [...vocabulary.keys()].sort();
      problems.push({ name, message: `unknown term {${name}}: it is not a party ({payer}, {provider}) nor a vocabulary class${names.length ? ` (the vocabulary has ${names.map((n) => `{${n}}`).join(', ')})` : ' (this ruleset has no vocabulary.yaml)'}` });
      return '(?:$^)';
    }
    if (active.includes(name)) {
      problems.push({ name, message: `vocabulary class {${name}} uses itself (${[...active, name].join(' → ')})` });
      return '(?:$^)';
    }
    active.push(name);
    // Single words share one prefix-factored group; phrases and class references stay whole.
    // Phrases come first: the regex takes the first alternative that matches at a position, so
    // "without the need for" must be tried before the single word "without", or a class hit
    // would stop at its first word and a `within` measured from it would count the rest.
    const words = cls.entries.filter((e) => /^[A-Za-z]+$/.test(e));
    const others = cls.entries.filter((e) => !/^[A-Za-z]+$/.test(e)).map((e) => phraseSource(e, expand).replace(/^\\b|\\b$/g, ''));
    const parts = words.length ? [...others, formsAlternation(words.flatMap((w) => wordForms(w)))] : others;
    const source = `(?:${parts.join('|')})`;
    active.pop();
    memo.set(name, source);
    return source;
  };
  return expand;
}

/** In a raw pattern, replace `{class}` with its expansion; party placeholders stay for per-contract resolution. */
export function expandPatternClasses(source: string, expand: (name: string) => string | null): string {
  return source.replace(/(?<!\\)\{([a-z][a-z0-9-]*)\}/g, (whole, name: string) => expand(name) ?? whole);
}
