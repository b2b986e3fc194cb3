import { describe, expect, it } from 'vitest';
import { analyze, buildRuleset, loadRuleset, textDocument } from '../src/index.ts';
import { wordForms } from '../src/vocabulary/inflect.ts';
import { phraseSource } from '../src/vocabulary/phrase-source.ts';
import { fixture } from './helpers.ts';

const matches = (phrase: string, text: string, expand: (n: string) => string | null = () => null) => new RegExp(phraseSource(phrase, expand), 'i').test(text);

describe('wordForms', () => {
  it('gives inflections and the nominalizations contracts use', () => {
    expect(wordForms('terminate')).toEqual(expect.arrayContaining(['terminates', 'terminated', 'terminating', 'termination', 'terminations']));
    expect(wordForms('amend')).toEqual(expect.arrayContaining(['amended', 'amendment', 'amendments']));
    expect(wordForms('modify')).toEqual(expect.arrayContaining(['modifies', 'modified', 'modification']));
    expect(wordForms('withhold')).toContain('withheld');
    expect(wordForms('renew')).toContain('renewal');
  });

  it('matches the British -ise/-isation spelling of an -ize word, and leaves short words alone', () => {
    expect(wordForms('recategorize')).toEqual(expect.arrayContaining(['recategorise', 'recategorised', 'recategorising', 'recategorisation']));
    expect(wordForms('authorization')).toContain('authorisation');
    expect(wordForms('analyze')).toContain('analyse');
    expect(wordForms('size')).not.toContain('sise');
  });

  it('gives verbs in a consonant and -o their -oes form', () => {
    expect(wordForms('forgo')).toEqual(expect.arrayContaining(['forgoes', 'forgoing', 'forwent', 'forgone']));
    expect(wordForms('terminate').some((f) => f.includes('is'))).toBe(false);
  });

  it('knows nominalizations whose spelling changes, and leaves out nouns that name something else', () => {
    expect(wordForms('extend')).toContain('extension');
    expect(wordForms('submit')).toEqual(expect.arrayContaining(['submission', 'submittal']));
    expect(wordForms('refer')).toContain('referral');
    expect(wordForms('disclose')).toContain('disclosure');
    expect(wordForms('reduce')).toContain('reduction');
    expect(wordForms('receive')).toContain('receipt');
    expect(wordForms('decide')).toContain('decision');
    expect(wordForms('cancel')).toEqual(expect.arrayContaining(['cancellation', 'cancelation', 'cancellations']));
    expect(wordForms('discontinue')).toEqual(expect.arrayContaining(['discontinuation', 'discontinuance']));
    // "provision" is a clause of the contract, "payment" a thing paid: not the acts.
    expect(wordForms('provide')).not.toContain('provision');
    expect(wordForms('pay')).not.toContain('payment');
    expect(wordForms('amend')).not.toContain('amension');
  });
  it('gives -y verbs their nouns by rule (-ify) or from the table, and no guessed ones', () => {
    expect(wordForms('notify')).toEqual(expect.arrayContaining(['notifies', 'notified', 'notification', 'notifications']));
    expect(wordForms('verify')).toContain('verification');
    expect(wordForms('satisfy')).toContain('satisfaction');
    expect(wordForms('deny')).toEqual(expect.arrayContaining(['denies', 'denied', 'denial', 'denials']));
    expect(wordForms('apply')).toEqual(expect.arrayContaining(['applies', 'applied', 'application']));
    expect(wordForms('rely')).toEqual(expect.arrayContaining(['relies', 'relied', 'reliance']));
    // "comply" looks like an adverb ("promptly") by its ending; being a listed verb, it inflects.
    expect(wordForms('comply')).toEqual(expect.arrayContaining(['complies', 'complied', 'complying', 'compliance']));
    expect(wordForms('occupy')).toContain('occupancies');
    expect(wordForms('supply')).not.toContain('supplication');
    expect(wordForms('deny')).not.toContain('denication');
    expect(wordForms('policy')).toEqual(['policy', 'policies', 'policied', 'policying']);
    expect(wordForms('promptly')).toEqual(['promptly']);
  });
  it('leaves function words and capitalised or odd words as written', () => {
    expect(wordForms('the')).toEqual(['the']);
    expect(wordForms('CMS')).toEqual(['cms']);
  });
});

describe('phraseSource', () => {
  it('reads across punctuation stuck to a word: a closing quote before the next word, a comma before a gap', () => {
    expect(matches('products means', '"Products" means every plan')).toBe(true);
    expect(matches('products means', "'Products' means every plan")).toBe(true);
    expect(matches('discretion ... interest', 'in its discretion, pay interest')).toBe(true);
    expect(matches('limited to ... assurance', 'including but not limited to, quality assurance')).toBe(true);
    // A comma is no word gap: "terminate, agreement" is not "terminate agreement".
    expect(matches('terminate agreement', 'terminate, agreement')).toBe(false);
  });

  it("lets a `...` gap start after a possessive 's, straight or curly", () => {
    expect(matches('plan ... terminate', "Plan's right to terminate")).toBe(true);
    expect(matches('plan ... terminate', 'the Plan’s unilateral right to terminate')).toBe(true);
    expect(matches('carriers ... amend', "the carriers' power to amend")).toBe(true);
    // Only the possessive: other letters glued to the word still end it.
    expect(matches('plan ... terminate', 'Planet may terminate')).toBe(false);
  });

  it('matches inflections, an article between words, hyphen variants and `...` gaps', () => {
    expect(matches('terminate agreement', 'Termination of the Agreement')).toBe(false);
    expect(matches('terminate agreement', 'terminated this Agreement')).toBe(true);
    expect(matches('set-off', 'a right of setoff')).toBe(true);
    expect(matches('set-off', 'a right of set off')).toBe(true);
    // The reverse: a space in the phrase reads a hyphen in the text, never a dash and a space.
    expect(matches('prompt payment statute', 'the prompt-payment statute')).toBe(true);
    expect(matches('post payment review', 'a post-payment review')).toBe(true);
    expect(matches('set off', 'a right of set-off')).toBe(true);
    expect(matches('prompt payment', 'prompt - payment')).toBe(false);
    expect(matches('bring ... to an end', 'bring this Agreement to an end')).toBe(true);
    expect(matches('bring ... to an end', 'bring; to an end')).toBe(false);
    expect(matches('=term', 'the terms')).toBe(false);
    expect(matches('without cause', 'without causes')).toBe(true);
  });
  it('expands vocabulary classes and keeps party placeholders', () => {
    const source = phraseSource('{payer} may {end}', (n) => (n === 'end' ? '(?:end|cancel)' : null));
    expect(source).toContain('{payer}');
    expect(source).toContain('(?:end|cancel)');
  });
});

describe('vocabulary.yaml', () => {
  it('lets rules use {class}, with inflections of every entry', () => {
    const { ruleset, errors } = loadRuleset(fixture('vocabulary-base'));
    expect(errors).toEqual([]);
    const flagged = (text: string) => analyze(textDocument(text), ruleset).findings.length > 0;
    expect(flagged('Plan may cancel this Contract without cause.')).toBe(true);
    expect(flagged('The Contract may be cancelled by Provider without cause.')).toBe(false);
    expect(flagged('Plan may bring this Agreement to an end without cause.')).toBe(false); // "bring ... to an end" has no object slot before {agreement}
    expect(flagged('Plan may discontinue this Agreement without cause.')).toBe(false);
  });
  it('prefers a phrase entry to a single word it starts with, so `within` counts from the whole phrase', () => {
    const vocabulary = 'terms:\n  waived:\n    words: [without, "without the need for"]\n';
    const rule = ['id: r', 'concept: c', 'title: T', 'severity: low', 'scope: sentence', 'kind: presence', 'match:', '  all:', "    - phrase: '{waived}'", '    - phrase: amendment', '  within: 2', 'message: m', 'explanation: e'].join('\n');
    const { ruleset, errors } = buildRuleset([{ file: 'vocabulary.yaml', text: vocabulary }, { file: 'r.yaml', text: rule }]);
    expect(errors).toEqual([]);
    // "the need for a" lies between the single word and "amendment": too far unless the phrase is the hit
    expect(analyze(textDocument('It takes effect without the need for a signed amendment.'), ruleset).findings).toHaveLength(1);
    expect(analyze(textDocument('It takes effect without notice to anyone by a signed amendment.'), ruleset).findings).toHaveLength(0);
  });
  it('is inherited by an extending ruleset, which may add entries with `also`', () => {
    const { ruleset, errors } = loadRuleset(fixture('vocabulary-user'));
    expect(errors).toEqual([]);
    expect(analyze(textDocument('Plan may discontinue this Agreement without cause.'), ruleset).findings).toHaveLength(1);
  });
  it('reports an unknown class at its line, naming the classes there are', () => {
    const rule = ['id: r', 'concept: c', 'title: T', 'severity: low', 'scope: sentence', 'kind: presence', 'match:', '  phrase: "{terminat} now"', 'message: m', 'explanation: e'].join('\n');
    const { errors } = buildRuleset([{ file: 'vocabulary.yaml', text: 'terms:\n  terminate:\n    words: [end]\n' }, { file: 'r.yaml', text: rule }]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'RULE_UNKNOWN_PLACEHOLDER', file: 'r.yaml', line: 8 });
    expect(errors[0]!.message).toContain('{terminate}');
  });
  it('reports a class that uses itself instead of hanging', () => {
    const rule = ['id: r', 'concept: c', 'title: T', 'severity: low', 'scope: sentence', 'kind: presence', 'match:', '  phrase: "{a}"', 'message: m', 'explanation: e'].join('\n');
    const { errors } = buildRuleset([{ file: 'vocabulary.yaml', text: 'terms:\n  a:\n    words: ["{b} x"]\n  b:\n    words: ["{a} y"]\n' }, { file: 'r.yaml', text: rule }]);
    expect(errors.map((e) => e.message).join(' ')).toContain('uses itself');
  });
  it('rejects a class defined twice in one ruleset and a class named like a party', () => {
    const { errors } = buildRuleset([
      { file: 'dir/vocabulary.yaml', text: 'terms:\n  end:\n    words: [end]\n  payer:\n    words: [plan]\n' },
      { file: 'dir/vocabulary-more.yaml', text: 'terms:\n  end:\n    words: [stop]\n' },
    ]);
    expect(errors.map((e) => e.code).sort()).toEqual(['RULE_BAD_VALUE', 'RULE_DUPLICATE_ID']);
  });
});
