/**
 * A ruleset's vocabulary as a list to browse and edit (the web rule editor): every class after
 * merging the rulesets it extends, exactly as the loader merges them, with where each class is
 * defined, whether an own class adds to (`also:`) or replaces an inherited one, what each entry
 * matches, and which rules use it. Problems that only show when a class is expanded (a class
 * that uses itself, an unknown `{class}` in an entry) are looked for here too, so an author
 * sees them on the vocabulary rather than later on every rule that uses the class.
 */
import { basename, dirname } from 'node:path';
import type { RuleError } from '../errors.ts';
import { isRuleSource, rulesetSources, type LoadOptions, type RuleSource } from '../load/load-ruleset.ts';
import { parseYamlFile } from '../load/parse-rule-file.ts';
import { entryForms } from './forms-preview.ts';
import { buildVocabulary, isVocabularyFile, PARTY_PLACEHOLDERS, VocabularySpec, type Vocabulary, type VocabularyClass } from './vocabulary.ts';

/** One entry of a class. */
export interface VocabularyEntryInfo {
  /** As written in the vocabulary file. */
  text: string;
  /** Written in this ruleset (not inherited). */
  own: boolean;
  /** Every form a single-word entry matches; absent for phrases. */
  forms?: string[];
  /** A short summary of what the entry matches. */
  preview: string;
}

/**
 * Where a class comes from: `inherited` from an extended ruleset as it is, `own` (defined only
 * here), `replaces` (an own class with `words:` in place of an inherited one), `adds` (own
 * `also:` entries added to an inherited class).
 */
export type VocabularyClassOrigin = 'inherited' | 'own' | 'replaces' | 'adds';

/** A class as an own vocabulary file writes it (what an editor starts from). */
export interface VocabularyClassSpecText {
  means?: string;
  words?: string[];
  also?: string[];
}

/** One class of the merged vocabulary. */
export interface VocabularyClassInfo {
  name: string;
  means?: string;
  entries: VocabularyEntryInfo[];
  origin: VocabularyClassOrigin;
  /** The file that gives the class its final form (the own file for `replaces` and `adds`), and where the class starts in it. */
  file: string;
  line: number;
  /** The ruleset folder of `file`. */
  dir: string;
  /** For `replaces` and `adds`: the inherited class it builds on. */
  base?: { file: string; line: number };
  /** The own file's text of the class, for own, `replaces` and `adds` classes. */
  spec?: VocabularyClassSpecText;
  /** Ids of rules (own and inherited) and names of classes whose text uses `{name}`. */
  usedBy: { rules: string[]; classes: string[] };
}

/** A ruleset's vocabulary: classes by name, and every problem in its vocabulary files, located. */
export interface VocabularyCatalog {
  classes: VocabularyClassInfo[];
  errors: RuleError[];
}

const isVocabularySource = (source: RuleSource): boolean => isVocabularyFile(basename(source.file));
const usesClass = (text: string, name: string): boolean => text.includes(`{${name}}`);
const ruleIdOf = (source: RuleSource): string => /^id:\s*['"]?([a-z0-9-]+)/m.exec(source.text)?.[1] ?? basename(source.file).replace(/\.ya?ml$/i, '');

/** The classes an entry list names as `{class}` (parties and unknown names left out). */
function referencedClasses(entries: readonly string[], vocabulary: Vocabulary): string[] {
  return [...new Set(entries.flatMap((e) => [...e.matchAll(/\{([a-z][a-z0-9-]*)\}/g)].map((m) => m[1]!)))].filter((n) => vocabulary.has(n));
}

/** A chain of classes from `start` back to itself (`[start, …, start]`), or undefined. */
function loopFrom(start: string, vocabulary: Vocabulary): string[] | undefined {
  const path = [start];
  const seen = new Set<string>([start]);
  const visit = (name: string): boolean => {
    for (const next of referencedClasses(vocabulary.get(name)?.entries ?? [], vocabulary)) {
      if (next === start) {
        path.push(next);
        return true;
      }
      if (seen.has(next)) continue;
      seen.add(next);
      path.push(next);
      if (visit(next)) return true;
      path.pop();
    }
    return false;
  };
  return visit(start) ? path : undefined;
}

/**
 * Problems a class shows only when expanded: an unknown `{class}` in one of its own entries,
 * or a chain of classes that leads back to it (reported on each class in the loop, at its own
 * line). Found on the graph of class names, without building any pattern, so listing a large
 * vocabulary stays quick.
 */
export function expansionErrors(vocabulary: Vocabulary): RuleError[] {
  const errors: RuleError[] = [];
  for (const cls of vocabulary.values()) {
    const at = { file: cls.file, line: cls.line, col: cls.col };
    const written = new Set(cls.entries.flatMap((e) => [...e.matchAll(/\{([a-z][a-z0-9-]*)\}/g)].map((m) => m[1]!)));
    for (const name of written) {
      if (vocabulary.has(name) || (PARTY_PLACEHOLDERS as readonly string[]).includes(name)) continue;
      errors.push({ code: 'RULE_UNKNOWN_PLACEHOLDER', ...at, message: `vocabulary class {${cls.name}} uses {${name}}, which is neither a party ({payer}, {provider}) nor a class of this vocabulary` });
    }
    const loop = loopFrom(cls.name, vocabulary);
    if (loop) errors.push({ code: 'RULE_BAD_VALUE', ...at, message: `vocabulary class {${cls.name}} uses itself (${loop.join(' → ')})` });
  }
  return errors;
}

/** Every problem of the vocabulary files among `sources`: reading them, merging them, and expanding their classes. */
export function vocabularyErrors(sources: readonly RuleSource[]): RuleError[] {
  const errors: RuleError[] = [];
  const merged = buildVocabulary(sources.filter(isVocabularySource), errors);
  return [...errors, ...expansionErrors(merged)];
}

/** The own file's text of each class in the own (not inherited) vocabulary files. */
function ownSpecs(sources: readonly RuleSource[]): Map<string, { file: string; spec: VocabularyClassSpecText }> {
  const specs = new Map<string, { file: string; spec: VocabularyClassSpecText }>();
  for (const source of sources) {
    if (source.inherited) continue;
    const yaml = parseYamlFile(source.file, source.text);
    const parsed = yaml.errors.length ? undefined : VocabularySpec.safeParse(yaml.data ?? {});
    if (!parsed?.success) continue;
    for (const [name, spec] of Object.entries(parsed.data.terms)) if (!specs.has(name)) specs.set(name, { file: source.file, spec });
  }
  return specs;
}

function originOf(own: VocabularyClassSpecText | undefined, base: VocabularyClass | undefined): VocabularyClassOrigin {
  if (!own) return 'inherited';
  if (!base) return 'own';
  return own.words ? 'replaces' : 'adds';
}

/**
 * The catalog of a ruleset's `sources` (own first, then inherited, as `rulesetSources` lists
 * them): its vocabulary files are merged, its rule files searched for uses of each class.
 */
export function catalogOfSources(sources: readonly RuleSource[], readErrors: readonly RuleError[] = []): VocabularyCatalog {
  const vocabularySources = sources.filter(isVocabularySource);
  const errors: RuleError[] = [...readErrors];
  const merged = buildVocabulary(vocabularySources, errors);
  errors.push(...expansionErrors(merged));
  const base = buildVocabulary(vocabularySources.filter((s) => s.inherited), []);
  const own = ownSpecs(vocabularySources);
  const rules = sources.filter((s) => isRuleSource(s));

  const classes = [...merged.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((cls): VocabularyClassInfo => {
      const mine = own.get(cls.name);
      const spec = mine && mine.file === cls.file ? mine.spec : undefined;
      const inherited = base.get(cls.name);
      const origin = originOf(spec, inherited);
      // `also` entries come after the inherited ones; `words` make every entry the ruleset's own.
      const firstOwn = origin === 'inherited' ? cls.entries.length : origin === 'adds' ? cls.entries.length - (spec?.also?.length ?? 0) : 0;
      return {
        name: cls.name,
        ...(cls.means ? { means: cls.means } : {}),
        entries: cls.entries.map((text, i) => ({ text, own: i >= firstOwn, ...entryForms(text) })),
        origin,
        file: cls.file,
        line: cls.line,
        dir: dirname(cls.file),
        ...(inherited && spec ? { base: { file: inherited.file, line: inherited.line } } : {}),
        ...(spec ? { spec } : {}),
        usedBy: {
          rules: [...new Set(rules.filter((r) => usesClass(r.text, cls.name)).map(ruleIdOf))].sort(),
          classes: [...merged.values()].filter((c) => c.name !== cls.name && c.entries.some((e) => usesClass(e, cls.name))).map((c) => c.name).sort(),
        },
      };
    });
  return { classes, errors };
}

/** The vocabulary of the ruleset in `dir`, merged with the rulesets it extends. */
export function vocabularyCatalog(dir: string, options: LoadOptions = {}): VocabularyCatalog {
  const { sources, errors } = rulesetSources(dir, options);
  // Only problems of the vocabulary files belong here; the rule list reports the rest.
  return catalogOfSources(sources, errors.filter((e) => isVocabularyFile(basename(e.file))));
}
