import { describe, expect, it } from 'vitest';
import { baseVerb, fillAgreeing } from '../src/match/verb-agreement.ts';
import { fillText } from '../src/compile/placeholders.ts';

const letter = { payer: 'we', provider: 'you', 'payer-name': 'Northstar Health Plan, Inc.', 'provider-name': 'you' };
const contract = { payer: 'Plan', provider: 'Group', 'payer-name': 'Plan', 'provider-name': 'Group' };

describe('fillAgreeing', () => {
  it.each([
    ['{provider} is deemed to accept the amendment.', 'You are deemed to accept the amendment.'],
    ['If {provider} does not object, {payer} applies the new rates.', 'If you do not object, we apply the new rates.'],
    ['{payer} agrees to pay and {provider} agrees to bill.', 'We agree to pay and you agree to bill.'],
    ['{payer} has its principal office in another state.', 'We have our principal office in another state.'],
    ['{payer} also reserves the right to audit.', 'We also reserve the right to audit.'],
    ['{payer} was not notified; {provider} has no appeal and {payer} indemnifies no one.', 'We were not notified; you have no appeal and we indemnify no one.'],
    ['{provider} reaches the limit when {payer} publishes a change.', 'You reach the limit when we publish a change.'],
    ["{payer} doesn't pay interest.", "We don't pay interest."],
  ])('verb after a subject: %s', (template, expected) => {
    expect(fillAgreeing(template, letter)).toBe(expected);
  });

  it.each([
    ["{provider} is bound to all of {payer}'s products.", 'You are bound to all of our products.'],
    ["{payer}’s policies override {provider}'s billed charges.", 'Our policies override your billed charges.'],
    ['Claims follow {payer} policies and {provider} rates.', 'Claims follow our policies and your rates.'],
    ['{provider} responds to {payer} requests within 10 days.', 'You respond to our requests within 10 days.'],
    ['Any revision of the {payer} policies binds {provider}. The {payer} policies apply.', 'Any revision of our policies binds you. Our policies apply.'],
    ['{provider} must give {payer} rates at least as low as any other.', 'You must give us rates at least as low as any other.'],
  ])('possessives: %s', (template, expected) => {
    expect(fillAgreeing(template, letter)).toBe(expected);
  });

  it.each([
    ['{provider} shall notify {payer} in writing.', 'You shall notify us in writing.'],
    ['{provider} shall hold {payer} harmless.', 'You shall hold us harmless.'],
    ['Disputes between {payer} and {provider} go to mediation.', 'Disputes between us and you go to mediation.'],
  ])('object forms: %s', (template, expected) => {
    expect(fillAgreeing(template, letter)).toBe(expected);
  });

  it('leaves modals, the rule author’s own words and other placeholders alone', () => {
    expect(fillAgreeing('{payer} shall pay {provider} within 30 days. Ask whether you is right: "{quote}"', { ...letter, quote: 'we pays' })).toBe(
      'We shall pay you within 30 days. Ask whether you is right: "we pays"',
    );
    expect(fillAgreeing('{payer-name} may amend.', letter)).toBe('Northstar Health Plan, Inc. may amend.');
  });

  it('turns "its" into the possessive of the party it plainly means, and leaves other "its" alone', () => {
    expect(fillAgreeing('{provider} may withhold consent in its sole discretion.', letter)).toBe('You may withhold consent in your sole discretion.');
    expect(fillAgreeing('{payer} shall indemnify {provider} and its directors, and {payer} shall use its best efforts.', letter)).toBe(
      'We shall indemnify you and your directors, and we shall use our best efforts.',
    );
    expect(fillAgreeing('{payer} shall give notice before its effective date.', letter)).toBe('We shall give notice before its effective date.');
  });

  it('capitalises a pronoun only where a sentence starts', () => {
    expect(fillAgreeing('Under this clause {payer} may recoup. {provider} has 30 days.', letter)).toBe('Under this clause we may recoup. You have 30 days.');
  });

  it('fills named parties exactly as fillText does', () => {
    const template = "{provider} is deemed to accept {payer}'s policies; notify {payer}.";
    expect(fillAgreeing(template, contract)).toBe(fillText(template, contract));
    expect(fillAgreeing(template, contract)).toBe("Group is deemed to accept Plan's policies; notify Plan.");
  });
});

describe('baseVerb', () => {
  it.each([
    ['agrees', 'agree'],
    ['applies', 'apply'],
    ['reaches', 'reach'],
    ['goes', 'go'],
    ['pays', 'pay'],
    ['is', 'are'],
    ['has', 'have'],
  ])('%s → %s', (verb, base) => {
    expect(baseVerb(verb)).toBe(base);
  });

  it.each(['shall', 'status', 'process', 'rates', 'policies', 'notified', 'this'])('%s is not a third-person verb', (word) => {
    expect(baseVerb(word)).toBeNull();
  });
});
