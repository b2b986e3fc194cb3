import { describe, expect, it } from 'vitest';
import { analyze, buildRuleset, textDocument } from '../src/index.ts';
import { clauseAround, conjunctAround } from '../src/match/conjuncts.ts';

// "The carrier revises the handbook": flagged unless the consent language is there.
const rule = (notIn: string | null) =>
  [
    'id: r', 'concept: c', 'title: T', 'severity: low', 'scope: sentence', 'kind: presence', 'match:', '  all:',
    '    - who: payer', '      does: revise', '    - phrase: handbook',
    '    - not:', '        phrase: without ... consent', ...(notIn ? [`      not-in: ${notIn}`] : []),
    'message: m', 'explanation: e',
  ].join('\n');

const PARTIES = { payer: ['Carrier'], provider: ['Clinic'] };

function flags(notIn: string | null, text: string): boolean {
  const { ruleset, errors } = buildRuleset([{ file: 'r.yaml', text: rule(notIn) }]);
  expect(errors).toEqual([]);
  return analyze(textDocument(text, PARTIES), ruleset).findings.length > 0;
}

describe('not-in: conjunct', () => {
  it.each([
    // the consent language belongs to another predicate of the sentence
    ['Carrier may revise the handbook and shall not lower any fee without the consent of Clinic.', true],
    ['Carrier may revise the handbook, and will never lower any fee without written consent.', true],
    ['Carrier shall never lower any fee without consent and may revise the handbook at will.', true],
    // the consent language qualifies the revising itself
    ['Carrier may revise the handbook only with notice and never without the consent of Clinic.', false],
    ['Carrier may not, without the consent of Clinic, revise the handbook.', false],
    ['Without the consent of Clinic, Carrier may not revise the handbook.', false],
    ['Carrier may revise the handbook without any prior consent.', false],
  ])('%s → %s', (text, expected) => {
    expect(flags('conjunct', text)).toBe(expected);
  });

  it.each([
    // a proviso that carves out something else leaves the act standing
    ['Carrier may revise the handbook on notice, except that fees may not be lowered without the consent of Clinic.', true],
    ['Carrier may revise the handbook, provided, however, that fees shall not be lowered without written consent.', true],
    // a proviso about the act itself, a back-reference or a party limits the act
    ['Carrier may revise the handbook on notice, except that no revision shall bind Clinic without its consent.', false],
    ['Carrier may revise the handbook on notice, provided that no such change takes effect without the consent of Clinic.', false],
    ['Carrier may revise the handbook, provided that Carrier shall not act without the consent of Clinic.', false],
    ['Carrier may revise the handbook, except that it may not do so without consent.', false],
  ])('reads a proviso as its own conjunct only when it is about something else: %s → %s', (text, expected) => {
    expect(flags('conjunct', text)).toBe(expected);
    // A plain `not` reads the whole sentence, proviso included.
    expect(flags(null, text)).toBe(false);
  });

  it('leaves a plain `not` reading the whole sentence', () => {
    expect(flags(null, 'Carrier may revise the handbook and shall not lower any fee without the consent of Clinic.')).toBe(false);
    expect(flags(null, 'Carrier may revise the handbook at will.')).toBe(true);
  });

  it('reads the clause up to the semicolons with `not-in: clause`', () => {
    expect(flags('clause', 'Carrier may revise the handbook and shall not lower any fee without consent; Clinic may object.')).toBe(false);
    expect(flags('clause', 'Carrier may revise the handbook at will; no fee may be lowered without consent.')).toBe(true);
    expect(flags(null, 'Carrier may revise the handbook at will; no fee may be lowered without consent.')).toBe(false);
  });

  it('keeps only the acts whose own conjunct is clear as evidence', () => {
    // The message quotes the evidence: the act blocked by its own "without consent" is left out.
    const { ruleset } = buildRuleset([{ file: 'r.yaml', text: rule('conjunct').replace('message: m', "message: '{quote}'") }]);
    const text = 'Carrier shall not revise the fees without consent and may revise the handbook at will.';
    const [finding] = analyze(textDocument(text, PARTIES), ruleset).findings;
    expect(finding?.message.toLowerCase()).toBe('revise the handbook');
  });

  it('reads the whole unit when no act stands beside it', () => {
    const plain = rule('conjunct').replace('    - who: payer\n      does: revise\n', '    - phrase: revise\n');
    const { ruleset, errors } = buildRuleset([{ file: 'r.yaml', text: plain }]);
    expect(errors).toEqual([]);
    const doc = textDocument('Carrier may revise the handbook and shall not lower any fee without the consent of Clinic.', PARTIES);
    expect(analyze(doc, ruleset).findings).toHaveLength(0);
  });

  it('is refused outside `not`', () => {
    const bad = rule(null).replace('    - phrase: handbook', '    - phrase: handbook\n      not-in: conjunct');
    expect(buildRuleset([{ file: 'r.yaml', text: bad }]).errors[0]?.message).toContain('`not-in` only applies to `not`');
  });

  it('refuses a scope it does not know', () => {
    expect(buildRuleset([{ file: 'r.yaml', text: rule('paragraph') }]).errors.length).toBeGreaterThan(0);
  });
});

describe('conjunctAround and clauseAround', () => {
  const text = 'Carrier may revise the handbook and shall not lower any fee; Clinic may object.';
  const sentence = { start: 0, end: text.length };
  const at = (word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length });
  const slice = (span: { start: number; end: number }) => text.slice(span.start, span.end);

  it('cuts the sentence at the coordinator that starts the next predicate', () => {
    expect(slice(conjunctAround(text, at('revise'), sentence))).toBe('Carrier may revise the handbook ');
    expect(slice(conjunctAround(text, at('lower'), sentence))).toBe('and shall not lower any fee');
  });

  it('cuts before a proviso about something else, and only then', () => {
    const proviso = 'Carrier may revise the handbook, except that fees may not be lowered.';
    const revise = { start: proviso.indexOf('revise'), end: proviso.indexOf('revise') + 6 };
    const whole = { start: 0, end: proviso.length };
    expect(proviso.slice(conjunctAround(proviso, revise, whole).start, conjunctAround(proviso, revise, whole).end)).toBe('Carrier may revise the handbook');
    const own = 'Carrier may revise the handbook, except that no revision may lower fees.';
    expect(conjunctAround(own, revise, { start: 0, end: own.length }).end).toBe(own.length);
    // a party named as the proviso's subject (told by the caller) keeps it in the act's conjunct
    const party = 'Carrier may revise the handbook, except that Carrier may not lower fees.';
    const named = (offset: number, length: number) => party.slice(offset, offset + length).includes('Carrier');
    expect(conjunctAround(party, revise, { start: 0, end: party.length }, named).end).toBe(party.length);
    expect(conjunctAround(party, revise, { start: 0, end: party.length }).end).toBeLessThan(party.length);
  });

  it('cuts the clause at semicolons', () => {
    expect(slice(clauseAround(text, at('revise'), sentence))).toBe('Carrier may revise the handbook and shall not lower any fee');
    expect(slice(clauseAround(text, at('object'), sentence))).toBe(' Clinic may object.');
  });
});
