import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze, loadRuleset, removeVocabularyClass, setVocabularyClass, textDocument, vocabularyCatalog } from '../src/index.ts';
import { fixture } from './helpers.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A ruleset folder extending the vocabulary-base fixture (classes `terminate` and `agreement`), with the given files. */
function userRuleset(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'redliner-vocabulary-edit-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'ruleset.yaml'), `name: mine\nextends: ${fixture('vocabulary-base')}\n`);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const OWN_RULE = ['id: own-end', 'concept: termination-without-cause', 'title: T', 'severity: low', 'scope: sentence', 'kind: presence', 'match:', '  all:', '    - who: payer', "      does: '{terminate}'", '    - phrase: without cause', 'message: m', 'explanation: e', 'examples:', '  pass:', '    - Plan may discontinue this Agreement without cause.', ''].join('\n');

describe('setVocabularyClass', () => {
  it('starts a vocabulary.yaml that adds words to an inherited class, and the ruleset then matches them', () => {
    const dir = userRuleset();
    const edit = setVocabularyClass(dir, 'terminate', { also: ['discontinue', ' discontinue ', ''] });
    expect(edit.errors).toEqual([]);
    expect(edit.file).toBe(join(dir, 'vocabulary.yaml'));
    expect(edit.changed).toBe(true);
    expect(edit.text).toMatch(/^# Your own vocabulary/);
    expect(edit.text.endsWith('terms:\n  terminate:\n    also:\n      - discontinue\n')).toBe(true);
    const flags = () => analyze(textDocument('Plan may discontinue this Agreement without cause.'), loadRuleset(dir).ruleset).findings.length;
    expect(flags()).toBe(0);
    writeFileSync(edit.file, edit.text);
    expect(flags()).toBe(1);
    expect(vocabularyCatalog(dir).classes.find((c) => c.name === 'terminate')!.origin).toBe('adds');
  });

  it('edits one class in place, keeping comments, layout and the other classes', () => {
    const text = ['# My words.', 'terms:', '  # Ways to end it.', '  terminate:', '    also: [discontinue, wind down]   # from the Acme draft', '  whim:', '    means: At will.', '    words:', '      - whim # keep', '      - caprice', ''].join('\n');
    const dir = userRuleset({ 'vocabulary.yaml': text });
    const edit = setVocabularyClass(dir, 'whim', { means: 'At its whim.', words: ['whim', 'fancy'] });
    expect(edit.errors).toEqual([]);
    // The yaml library writes one space before a comment after a value.
    expect(edit.text).toBe(text.replace('At will.', 'At its whim.').replace('      - caprice', '      - fancy').replace(']   #', '] #'));
    const added = setVocabularyClass(dir, 'terminate', { also: ['discontinue', 'wind down', 'sunset'] });
    expect(added.text).toContain('    also: [discontinue, wind down, sunset] # from the Acme draft\n');
    expect(added.text).toContain('# Ways to end it.');
    expect(setVocabularyClass(dir, 'whim', { means: 'At will.', words: ['whim', 'caprice'] }).changed).toBe(false);
  });

  it('edits a class in the topic file that defines it', () => {
    const dir = userRuleset({ 'vocabulary-acts.yaml': 'terms:\n  whim:\n    words: [whim]\n' });
    const edit = setVocabularyClass(dir, 'whim', { words: ['whim', 'caprice'] });
    expect(edit.file).toBe(join(dir, 'vocabulary-acts.yaml'));
    expect(edit.text).toBe('terms:\n  whim:\n    words: [whim, caprice]\n');
  });

  it.each([
    ['a class with no entries', 'empty', { means: 'Nothing yet.', words: [' '] }, 'RULE_MISSING_KEY', 'needs at least one word or phrase'],
    ['`also` without an inherited class', 'whim', { also: ['whim'] }, 'RULE_UNKNOWN_PLACEHOLDER', 'no extended ruleset has a class "whim"'],
    ['a party name', 'payer', { words: ['plan'] }, 'RULE_BAD_VALUE', 'party placeholder'],
    ['a class that uses itself', 'loop', { words: ['{loop} again'] }, 'RULE_BAD_VALUE', 'uses itself (loop → loop)'],
    ['an unknown class', 'odd', { words: ['{nope} x'] }, 'RULE_UNKNOWN_PLACEHOLDER', 'uses {nope}'],
  ])('refuses %s, located at the class', (_what, name, change, code, message) => {
    const before = 'terms:\n  terminate:\n    also: [discontinue]\n';
    const dir = userRuleset({ 'vocabulary.yaml': before });
    const edit = setVocabularyClass(dir, name, change);
    expect(edit.errors).toEqual([expect.objectContaining({ code, file: join(dir, 'vocabulary.yaml'), message: expect.stringContaining(message) })]);
    // The class starts on line 4 of the edited text (after the inherited class's three lines).
    expect(edit.errors[0]!.line).toBeGreaterThanOrEqual(4);
    expect(edit.text.split('\n')[3]).toBe(`  ${name}:`);
  });

  it('refuses a change that makes another class loop back to it', () => {
    const dir = userRuleset({ 'vocabulary.yaml': 'terms:\n  a:\n    words: ["{b} x"]\n  b:\n    words: [y]\n' });
    const edit = setVocabularyClass(dir, 'b', { words: ['{a} y'] });
    expect(edit.errors.map((e) => e.message)).toEqual(['vocabulary class {a} uses itself (a → b → a)', 'vocabulary class {b} uses itself (b → a → b)']);
  });

  it('allows a change that leaves an unrelated broken class as it was', () => {
    const dir = userRuleset({ 'vocabulary.yaml': 'terms:\n  odd:\n    words: ["{nope} x"]\n  whim:\n    words: [whim]\n' });
    expect(vocabularyCatalog(dir).errors).toHaveLength(1);
    expect(setVocabularyClass(dir, 'whim', { words: ['whim', 'fancy'] }).errors).toEqual([]);
  });

  it('warns about examples of rules using the class that misbehave after the change', () => {
    const dir = userRuleset({ 'own-end.yaml': OWN_RULE });
    const edit = setVocabularyClass(dir, 'terminate', { also: ['discontinue'] });
    expect(edit.errors).toEqual([]);
    expect(edit.warnings).toEqual([expect.objectContaining({ ruleId: 'own-end', expect: 'pass', line: 16, text: 'Plan may discontinue this Agreement without cause.' })]);
    expect(setVocabularyClass(dir, 'terminate', { also: ['wind down'] }).warnings).toEqual([]);
  });
});

describe('removeVocabularyClass', () => {
  it('removes an own class, so the inherited class applies again', () => {
    const dir = userRuleset({ 'vocabulary.yaml': '# mine\nterms:\n  terminate:\n    also: [discontinue]\n  whim:\n    words: [whim]\n' });
    const edit = removeVocabularyClass(dir, 'terminate')!;
    expect(edit.errors).toEqual([]);
    expect(edit.text).toBe('# mine\nterms:\n  whim:\n    words: [whim]\n');
    writeFileSync(edit.file, edit.text);
    expect(vocabularyCatalog(dir).classes.find((c) => c.name === 'terminate')!.origin).toBe('inherited');
  });

  it('finds nothing to remove for an inherited class or one that does not exist', () => {
    const dir = userRuleset({ 'vocabulary.yaml': 'terms:\n  whim:\n    words: [whim]\n' });
    expect(removeVocabularyClass(dir, 'terminate')).toBeUndefined();
    expect(removeVocabularyClass(dir, 'nothing')).toBeUndefined();
  });

  it('refuses to remove a class a rule or another class still uses', () => {
    const rule = OWN_RULE.replace("'{terminate}'", "'{whim}'").replace('examples:\n  pass:\n    - Plan may discontinue this Agreement without cause.\n', '');
    const dir = userRuleset({ 'vocabulary.yaml': 'terms:\n  whim:\n    words: [whim]\n  fancy:\n    words: ["{whim} of the moment"]\n', 'own-end.yaml': rule });
    const edit = removeVocabularyClass(dir, 'whim')!;
    expect(edit.errors.map((e) => [e.line, e.message])).toEqual([
      [3, expect.stringContaining('{fancy} uses {whim}')], // in the text without {whim}
      [3, '{whim} is used by the rule "own-end": change it to use other words first, or keep the class'],
    ]);
  });
});
