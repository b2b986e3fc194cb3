import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { entryForms, vocabularyCatalog, wordForms } from '../src/index.ts';
import { fixture, PAYER_CORE } from './helpers.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A ruleset folder extending the vocabulary-base fixture, with the given files. */
function userRuleset(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'redliner-vocabulary-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'ruleset.yaml'), `name: mine\nextends: ${fixture('vocabulary-base')}\n`);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('entryForms', () => {
  it('lists every form of a single word, as the matcher generates them', () => {
    const terminate = entryForms('terminate');
    expect(terminate.forms).toEqual(wordForms('terminate'));
    expect(terminate.preview).toBe('terminate, terminates, terminated, terminating, termination, terminations');
    expect(entryForms('=term')).toEqual({ forms: ['term'], preview: 'term' });
    expect(entryForms('non-renew').forms).toContain('non-renewal');
  });
  it('joins the forms of each content word of a phrase, keeping gaps, classes and function words', () => {
    const phrase = entryForms('bring ... to an end');
    expect(phrase.forms).toBeUndefined();
    expect(phrase.preview).toBe('bring/brings/bringed/… … to an end/ends/ended/…');
    expect(entryForms('terminate {agreement} by {payer}').preview).toBe('terminate/terminates/terminated/… {agreement} by {payer}');
  });
  it('cuts a long preview at a word boundary', () => {
    const long = entryForms('terminate amend modify renew withhold recoup offset deny reduce suspend');
    expect(long.preview.length).toBeLessThanOrEqual(122);
    expect(long.preview.endsWith(' …')).toBe(true);
  });
});

describe('vocabularyCatalog', () => {
  it('lists an inherited class with `also` entries as one that adds words, marking which entries are own', () => {
    const { classes, errors } = vocabularyCatalog(fixture('vocabulary-user'));
    expect(errors).toEqual([]);
    expect(classes.map((c) => [c.name, c.origin])).toEqual([['agreement', 'inherited'], ['terminate', 'adds']]);
    const terminate = classes[1]!;
    expect(terminate.means).toBe('Ending the agreement.');
    expect(terminate.entries.map((e) => [e.text, e.own])).toEqual([['terminate', false], ['cancel', false], ['bring ... to an end', false], ['discontinue', true]]);
    expect(terminate.file).toBe(join(fixture('vocabulary-user'), 'vocabulary.yaml'));
    expect(terminate.base).toEqual({ file: join(fixture('vocabulary-base'), 'vocabulary.yaml'), line: 4 });
    expect(terminate.spec).toEqual({ also: ['discontinue'] });
    expect(terminate.usedBy).toEqual({ rules: ['payer-ends'], classes: [] });
    expect(classes[0]!.spec).toBeUndefined();
  });

  it('tells a class that replaces an inherited one from a class of its own', () => {
    const dir = userRuleset({ 'vocabulary-topic.yaml': 'terms:\n  agreement:\n    words: [deal]\n  whim:\n    means: At will.\n    words: [whim, "{agreement} at will"]\n' });
    const { classes, errors } = vocabularyCatalog(dir);
    expect(errors).toEqual([]);
    const byName = new Map(classes.map((c) => [c.name, c]));
    expect(byName.get('agreement')).toMatchObject({ origin: 'replaces', entries: [{ text: 'deal', own: true }], usedBy: { classes: ['whim'] } });
    expect(byName.get('whim')).toMatchObject({ origin: 'own', means: 'At will.', line: 5 });
    expect(byName.get('whim')!.base).toBeUndefined();
    expect(byName.get('terminate')!.origin).toBe('inherited');
  });

  it('lists the bundled vocabulary without errors, each class with a meaning', () => {
    const { classes, errors } = vocabularyCatalog(PAYER_CORE);
    expect(errors).toEqual([]);
    expect(classes.map((c) => c.name)).toEqual(expect.arrayContaining(['may', 'discretion', 'agreement']));
    for (const cls of classes) {
      expect(cls.origin).toBe('own');
      expect(cls.means, cls.name).toBeTruthy();
    }
  });

  it('reports problems that only show when a class is expanded, at the class', () => {
    const dir = userRuleset({
      'vocabulary.yaml': 'terms:\n  a:\n    words: ["{b} x"]\n  b:\n    words: ["{a} y"]\n  c:\n    words: ["{nope} z"]\n',
    });
    const { errors } = vocabularyCatalog(dir);
    expect(errors.map((e) => [e.code, e.line, e.message])).toEqual([
      ['RULE_BAD_VALUE', 3, 'vocabulary class {a} uses itself (a → b → a)'],
      ['RULE_BAD_VALUE', 5, 'vocabulary class {b} uses itself (b → a → b)'],
      ['RULE_UNKNOWN_PLACEHOLDER', 7, expect.stringContaining('{c} uses {nope}')],
    ]);
  });

  it('reports a broken vocabulary file at its line and still lists the inherited classes', () => {
    const dir = userRuleset({ 'vocabulary.yaml': 'terms:\n  terminate:\n    also: [stop\n' });
    const { classes, errors } = vocabularyCatalog(dir);
    expect(errors[0]).toMatchObject({ code: 'RULE_YAML_SYNTAX', file: join(dir, 'vocabulary.yaml') });
    expect(classes.find((c) => c.name === 'terminate')!.origin).toBe('inherited');
  });
});
