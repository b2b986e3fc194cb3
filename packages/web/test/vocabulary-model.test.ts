import { describe, expect, it } from 'vitest';
import { addWordsBody, filterClasses, newClassProblem, originLabel, placeholderBefore, placeholderOptions, splitWords, type ClassFields } from '../src/model/vocabulary.ts';

const entry = (text: string) => ({ text, own: false, preview: text });
const cls = (name: string, origin: ClassFields['origin'], words: string[], extra: Partial<ClassFields> = {}): ClassFields => ({ name, origin, entries: words.map(entry), ...extra });

const classes = [
  cls('discretion', 'inherited', ['sole discretion', 'as it deems appropriate'], { means: 'The payer decides alone.' }),
  cls('may', 'inherited', ['may', 'reserves the right to'], { means: 'A party is allowed to act.' }),
  cls('fee-schedule', 'own', ['fee schedule'], { spec: { means: 'The rates.', words: ['fee schedule'] } }),
];

describe('finding a class', () => {
  it('matches every typed word across name, meaning and words, braces ignored', () => {
    expect(filterClasses(classes, '{disc}').map((c) => c.name)).toEqual(['discretion']);
    expect(filterClasses(classes, 'RESERVES right').map((c) => c.name)).toEqual(['may']);
    expect(filterClasses(classes, 'payer alone').map((c) => c.name)).toEqual(['discretion']);
    expect(filterClasses(classes, '  ')).toHaveLength(3);
    expect(filterClasses(classes, 'nothing-like-this')).toEqual([]);
  });
});

describe('adding words', () => {
  it('splits at commas and new lines, trims, and drops blanks and repeats', () => {
    expect(splitWords(' whim,\n at its  pleasure ,,whim\n')).toEqual(['whim', 'at its pleasure']);
  });
  it('adds to `also` for a bundled class, keeping the words already added and the own meaning', () => {
    expect(addWordsBody(undefined, ['whim'])).toEqual({ also: ['whim'] });
    expect(addWordsBody(classes[0], ['whim'])).toEqual({ also: ['whim'] });
    const adds = cls('discretion', 'adds', [], { spec: { means: 'Mine.', also: ['caprice'] } });
    expect(addWordsBody(adds, ['whim', 'caprice'])).toEqual({ means: 'Mine.', also: ['caprice', 'whim'] });
  });
  it('adds to the words of a class of your own, keeping its meaning', () => {
    expect(addWordsBody(classes[2], ['rate schedule'])).toEqual({ means: 'The rates.', words: ['fee schedule', 'rate schedule'] });
  });
});

describe('new classes', () => {
  it('refuses bad names, party names and existing classes, in words a reader can act on', () => {
    expect(newClassProblem('Fee Schedule', classes)).toMatch(/lower-case words joined by hyphens/);
    expect(newClassProblem('payer', classes)).toMatch(/party/);
    expect(newClassProblem('may', classes)).toMatch(/add words to it instead/);
    expect(newClassProblem('recoup', classes)).toBeUndefined();
  });
  it('labels where a class comes from', () => {
    const at = (source: 'bundled' | 'user') => ({ ruleset: source === 'user' ? 'user:my-rules' : 'payer-core', source, file: 'vocabulary.yaml', line: 1 });
    expect(originLabel({ origin: 'inherited', definedIn: at('bundled') })).toBe('Bundled');
    expect(originLabel({ origin: 'own', definedIn: at('bundled') })).toBe('Bundled');
    expect(originLabel({ origin: 'own', definedIn: at('user') })).toBe('Yours');
    expect(originLabel({ origin: 'adds', definedIn: at('user') })).toBe('Bundled + your words');
    expect(originLabel({ origin: 'replaces', definedIn: at('user') })).toBe('Your version');
  });
});

describe('`{` completions', () => {
  it('finds the name being typed after an open brace', () => {
    expect(placeholderBefore("    - phrase: '{disc")).toEqual({ from: 15, typed: 'disc' });
    expect(placeholderBefore("does: '{")).toEqual({ from: 7, typed: '' });
    expect(placeholderBefore("does: '{may} ")).toBeNull();
    expect(placeholderBefore('title: plain text')).toBeNull();
  });
  it('offers the parties first, then each class with its meaning and first words', () => {
    const options = placeholderOptions(classes);
    expect(options.map((o) => o.label)).toEqual(['{payer}', '{provider}', '{discretion}', '{may}', '{fee-schedule}']);
    expect(options[2]).toEqual({ label: '{discretion}', detail: 'The payer decides alone.', info: 'The payer decides alone.\nWords: sole discretion, as it deems appropriate' });
    expect(options[4]!.detail).toBe('vocabulary class');
  });
});
