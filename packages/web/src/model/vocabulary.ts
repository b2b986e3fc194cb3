/**
 * The vocabulary as the rule editor shows and changes it: finding a class, what adding words
 * sends (added words go to the class's own list, or to `also:` for a class that comes from the
 * bundled rules, so the bundled words keep applying), and the `{` completions of the YAML
 * editor. Pure functions over the API's data, tested without a browser.
 */
import type { VocabularyClass, VocabularyClassText } from '../vocabulary-api.ts';

/** The fields of a class these functions need. */
export type ClassFields = Pick<VocabularyClass, 'name' | 'origin' | 'entries'> & Partial<Pick<VocabularyClass, 'means' | 'spec'>>;

/** Classes whose name, meaning or words contain every word of `query` (case-insensitive). */
export function filterClasses<C extends ClassFields>(classes: readonly C[], query: string): C[] {
  const words = query.toLowerCase().replace(/[{}]/g, ' ').split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...classes];
  return classes.filter((cls) => {
    const haystack = [cls.name, cls.means ?? '', ...cls.entries.map((e) => e.text)].join(' ').toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

/** What the author typed as words: one per line or separated by commas, trimmed, without blanks or repeats. */
export function splitWords(input: string): string[] {
  return [...new Set(input.split(/[\n,]/).map((w) => w.trim().replace(/\s+/g, ' ')).filter(Boolean))];
}

/**
 * The class after adding `words`, as the API takes it. A class of one's own gets them in its
 * words; a class that comes from the bundled rules (or adds to one) gets them in `also:`, so
 * the bundled words keep applying and later bundled additions still reach it. `cls` is the
 * class as the ruleset that is changed sees it (undefined when that ruleset does not exist yet).
 */
export function addWordsBody(cls: ClassFields | undefined, words: readonly string[]): VocabularyClassText {
  const spec = cls?.spec ?? {};
  const merged = (list: readonly string[] | undefined) => [...new Set([...(list ?? []), ...words])];
  if (cls && (cls.origin === 'own' || cls.origin === 'replaces')) return { ...spec, words: merged(spec.words) };
  return { ...(spec.means ? { means: spec.means } : {}), also: merged(spec.also) };
}

/** Why `name` cannot be a new class, or undefined when it can. */
export function newClassProblem(name: string, existing: readonly ClassFields[]): string | undefined {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) return 'A class name is lower-case words joined by hyphens, like "fee-schedule".';
  if (name === 'payer' || name === 'provider' || name === 'payer-name' || name === 'provider-name' || name === 'quote') return `{${name}} already stands for a party of the contract; choose another name.`;
  if (existing.some((c) => c.name === name)) return `There is already a class {${name}}: add words to it instead.`;
  return undefined;
}

/** A short label for where a class comes from. */
export function originLabel(cls: Pick<VocabularyClass, 'origin' | 'definedIn'>): string {
  switch (cls.origin) {
    case 'adds':
      return 'Bundled + your words';
    case 'replaces':
      return 'Your version';
    case 'own':
      return cls.definedIn.source === 'user' ? 'Yours' : 'Bundled';
    default:
      return cls.definedIn.source === 'user' ? `From ${cls.definedIn.ruleset}` : 'Bundled';
  }
}

/** The `{name` being typed just before the caret: where the `{` is and what follows it, or null. */
export function placeholderBefore(textBefore: string): { from: number; typed: string } | null {
  const match = /\{([a-z0-9-]*)$/.exec(textBefore);
  return match ? { from: match.index, typed: match[1]! } : null;
}

/** One `{…}` completion: the text inserted, a short note and a longer description. */
export interface PlaceholderOption {
  label: string;
  detail: string;
  info: string;
}

const PARTIES: PlaceholderOption[] = [
  { label: '{payer}', detail: 'the payer', info: "The contract's terms for the payer (Plan, Company, we…), found in each contract." },
  { label: '{provider}', detail: 'the provider', info: "The contract's terms for the provider (Provider, Group, you…), found in each contract." },
];

/** The completions after `{`: the two parties, then every class with its meaning and first words. */
export function placeholderOptions(classes: readonly ClassFields[]): PlaceholderOption[] {
  const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);
  return [
    ...PARTIES,
    ...classes.map((cls) => {
      const words = cls.entries.slice(0, 6).map((e) => e.text).join(', ') + (cls.entries.length > 6 ? ', …' : '');
      return { label: `{${cls.name}}`, detail: shorten(cls.means ?? 'vocabulary class', 60), info: `${cls.means ? `${cls.means}\n` : ''}Words: ${words}` };
    }),
  ];
}
