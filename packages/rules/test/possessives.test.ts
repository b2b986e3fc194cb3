import { describe, expect, it } from 'vitest';
import { analyze, buildRuleset, textDocument } from '../src/index.ts';
import { phraseSource } from '../src/vocabulary/phrase-source.ts';

const rule = (phrase: string) =>
  ['id: r', 'concept: c', 'title: T', 'severity: low', 'scope: sentence', 'kind: presence', 'match:', `  phrase: "${phrase}"`, 'message: m', 'explanation: e'].join('\n');

const CC = { payer: ['Carrier'], provider: ['Clinic'] };

function quotes(phrase: string, text: string, parties: { payer?: string[]; provider?: string[] } = CC): string[] {
  const { ruleset, errors } = buildRuleset([{ file: 'r.yaml', text: rule(phrase) }]);
  expect(errors).toEqual([]);
  return analyze(textDocument(text, parties), ruleset).findings.map((f) => f.quote);
}
const flags = (phrase: string, text: string, parties?: { payer?: string[]; provider?: string[] }) => quotes(phrase, text, parties).length > 0;

describe("{payer}'s reads the pronouns that stand for the payer", () => {
  it('compiles the possessive to its own placeholder', () => {
    expect(phraseSource("{payer}'s manual")).toContain('{payer-possessive}');
    expect(phraseSource('{payer} ... manual')).not.toContain('possessive');
  });

  it.each([
    // the party the sentence is about
    ["{payer}'s ... fee schedule", 'Carrier may revise its fee schedule on notice to Clinic.', true],
    ["{payer}'s ... fee schedule", 'Clinic accepts that Carrier may revise its fee schedule.', true],
    // only the payer named nearby
    ["{payer}'s manual", 'Carrier publishes rules. Claims are priced under its manual.', true],
    // the provider's own possessive is the provider's
    ["{payer}'s manual", 'Clinic shall keep to its manual.', false],
    ["{payer}'s manual", 'Carrier publishes rules. Clinic shall keep to its manual.', false],
    // both sides named before it, and the last one is not the subject: nobody's
    ["{payer}'s manual", "Clinic reads Carrier's notes and its manual.", false],
    // right after the subject's object: the subject's (subject preference); "for its" is left unread
    ["{payer}'s ... fee schedule", 'Carrier shall pay Clinic its fee schedule in effect on the date of service.', true],
    ["{payer}'s ... rates", 'Carrier will reimburse Clinic under its then-current rates.', true],
    ["{payer}'s ... services", 'Carrier will pay Clinic for its services.', false],
    ["{payer}'s ... fee schedule", 'Clinic shall bill Carrier its fee schedule.', false],
    ["{provider}'s ... fee schedule", 'Clinic shall bill Carrier its fee schedule.', true],
    // "their": only a party named with its companions
    ["{payer}'s manual", 'Carrier and its affiliates may apply their manual to Clinic.', true],
    ["{payer}'s manual", 'Carrier tells members to read their manual.', false],
    // the party term itself still works, and the provider's possessive reads the same way
    ["{payer}'s manual", "Clinic shall keep to Carrier's manual.", true],
    ["{provider}'s records", 'Clinic shall keep its records for ten years.', true],
    ["{provider}'s records", 'Carrier shall keep its records for ten years.', false],
  ])('%s in "%s" → %s', (phrase, text, expected) => {
    expect(flags(phrase, text)).toBe(expected);
  });

  it('reads "our" and "your" by the letter-style party terms', () => {
    const WE = { payer: ['we'], provider: ['you'] };
    expect(flags("{payer}'s fee schedule", 'You accept our fee schedule.', WE)).toBe(true);
    expect(flags("{payer}'s fee schedule", 'We accept your fee schedule.', WE)).toBe(false);
    expect(flags("{provider}'s fee schedule", 'We accept your fee schedule.', WE)).toBe(true);
    // Without letter-style terms "our" is nobody's.
    expect(flags("{payer}'s fee schedule", 'Clinic accepts our fee schedule.')).toBe(false);
  });

  it("finds a later party possessive that a wrong pronoun's match overlapped", () => {
    expect(quotes("{payer}'s ... manual", "Clinic shall keep its notes and Carrier's manual.")).toHaveLength(1);
  });
});
