import { describe, expect, it } from 'vitest';
import { analyze, buildRuleset, textDocument } from '../src/index.ts';

const rule = (who: string) =>
  ['id: r', 'concept: c', 'title: T', 'severity: low', 'scope: sentence', 'kind: presence', 'match:', '  all:', `    - who: ${who}`, '      does: terminate', '    - phrase: without cause', 'message: m', 'explanation: e'].join('\n');

function actorFlags(who: string, text: string, parties: { payer?: string[]; provider?: string[] } = {}): boolean {
  const { ruleset, errors } = buildRuleset([{ file: 'r.yaml', text: rule(who) }]);
  expect(errors).toEqual([]);
  return analyze(textDocument(text, parties), ruleset).findings.length > 0;
}

describe('who does what', () => {
  it.each([
    ['Plan may terminate this Agreement without cause.', 'payer'],
    ['Plan, at its sole option, may terminate this Agreement without cause.', 'payer'],
    ['This Agreement may be terminated by Plan without cause.', 'payer'],
    ['Termination without cause by Plan requires sixty days notice.', 'payer'],
    ["At Plan's option, this Agreement may be terminated without cause.", 'payer'],
    ['Plan has the right described here. It may terminate without cause.', 'payer'],
    ['Provider may, upon notice to Plan, terminate without cause.', 'provider'],
    ['This Agreement may be terminated by Provider without cause.', 'provider'],
    ['Either party may terminate this Agreement without cause.', 'both'],
    ['Plan or Provider may terminate without cause.', 'both'],
    ['Plan or its designee may terminate this Agreement without cause.', 'payer'],
    ['Plan and its affiliates, at their option, may terminate without cause.', 'payer'],
    ['Provider, or any of its subcontractors, may terminate without cause.', 'provider'],
    ['[REDACTED] may terminate this Agreement without cause.', 'unnamed'],
    ['This Agreement may be terminated without cause on notice.', 'unnamed'],
    // A party as the passive's subject is what is terminated, not who terminates.
    ['Provider may be terminated from the network without cause.', 'unnamed'],
    ['Provider shall be entitled to terminate this Agreement without cause.', 'provider'],
    ['Provider shall be required to terminate the subcontract without cause.', 'provider'],
    // "at" ends like a participle but is none: "is at liberty to" is the subject's own right.
    ['Provider is at liberty to terminate this Agreement without cause.', 'provider'],
    ['Either party shall be at liberty to terminate this Agreement without cause.', 'both'],
  ])('%s → %s', (text, role) => {
    for (const who of ['payer', 'provider', 'both', 'unnamed']) expect(actorFlags(who, text), `${who}`).toBe(who === role);
  });

  it('reads an act a government program or agency performs as nobody\'s, even beside a party', () => {
    const outsider = [
      'Plan shall keep its rates even if Medicare terminates the program without cause.',
      "Plan pays under a formula that follows CMS's termination of codes without cause.",
      'Plan will notify Provider when the State terminates the waiver without cause.',
    ];
    for (const text of outsider) for (const who of ['payer', 'provider', 'both', 'unnamed']) expect(actorFlags(who, text), `${who}: ${text}`).toBe(false);
    // The payer's own act in the same sentence is still the payer's.
    expect(actorFlags('payer', 'Plan may terminate this Agreement without cause whenever Medicare changes its rules.')).toBe(true);
    // A state agency that is the contract's payer is a party, not an outsider.
    expect(actorFlags('payer', 'The Department may terminate this Agreement without cause.', { payer: ['Department'] })).toBe(true);
  });

  it('does not hold where the clause negates the act', () => {
    expect(actorFlags('payer', 'Plan may not terminate this Agreement without cause.')).toBe(false);
    expect(actorFlags('both', 'Neither party may terminate this Agreement without cause.')).toBe(false);
    expect(actorFlags('payer', 'Plan may, on not less than ninety days notice, terminate without cause.')).toBe(true);
    expect(actorFlags('payer', 'Plan shall not be entitled to terminate this Agreement without cause.')).toBe(false);
    expect(actorFlags('payer', 'Plan shall not, at any time, terminate this Agreement without cause.')).toBe(false);
    expect(actorFlags('payer', 'In no event shall Plan terminate this Agreement without cause.')).toBe(false);
    expect(actorFlags('payer', 'This Agreement may not be terminated by Plan without cause.')).toBe(false);
  });

  it('reads a negated subject ("no amount may") as negating its modal\'s own verb only', () => {
    expect(actorFlags('unnamed', 'No contract may be terminated without cause.')).toBe(false);
    expect(actorFlags('unnamed', 'No such agreement shall then be terminated without cause.')).toBe(false);
    expect(actorFlags('payer', 'No agreement may be terminated by Plan without cause.')).toBe(false);
    // the "no" negates another verb: the requiring, not the terminating
    expect(actorFlags('unnamed', 'No notice shall be required before contracts are terminated without cause.')).toBe(true);
    expect(actorFlags('payer', 'No notice is due, and Plan may terminate this Agreement without cause.')).toBe(true);
  });

  it('does not let the negation of another predicate cancel the act', () => {
    expect(actorFlags('payer', "Provider's consent shall not be required for any termination without cause by Plan.")).toBe(true);
    expect(actorFlags('payer', 'Provider shall not bill Members after Plan terminates this Agreement without cause.')).toBe(true);
    expect(actorFlags('payer', 'Plan shall not be liable for claims incurred where this Agreement is terminated by Plan without cause.')).toBe(true);
    // a coordinator and a new modal start another predicate the negation does not reach
    expect(actorFlags('payer', 'Plan shall not lower fees and may terminate this Agreement without cause.')).toBe(true);
    expect(actorFlags('payer', 'Plan shall not lower fees or terminate this Agreement without cause.')).toBe(false);
    expect(actorFlags('payer', 'Plan shall not lower fees and may not terminate this Agreement without cause.')).toBe(false);
  });

  it('reads joined verbs and leaves compound nouns alone', () => {
    expect(actorFlags('provider', 'Provider waives and agrees to terminate without cause any claim against Plan.')).toBe(true);
    expect(actorFlags('payer', 'Plan Members may be moved and this Agreement terminated without cause by Provider.')).toBe(false);
    expect(actorFlags('provider', 'Plan Members may be moved and this Agreement terminated without cause by Provider.')).toBe(true);
    expect(actorFlags('payer', 'Plan policies change often. This Agreement may be terminated without cause.')).toBe(false);
  });

  it('reads pronoun drafting and other party terms', () => {
    expect(actorFlags('payer', 'We may terminate your participation without cause.', { payer: ['we'], provider: ['you'] })).toBe(true);
    expect(actorFlags('payer', 'You may terminate without cause.', { payer: ['we'], provider: ['you'] })).toBe(false);
    expect(actorFlags('payer', 'Carrier may terminate without cause.', { payer: ['Carrier'], provider: ['Practitioner'] })).toBe(true);
  });

  it('reads a redacted name as the party the parser found it stands for', () => {
    const parties = { payer: ['[REDACTED]'], provider: ['Provider'] };
    const text = '[REDACTED] may terminate this Agreement without cause.';
    expect(actorFlags('payer', text, parties)).toBe(true);
    expect(actorFlags('unnamed', text, parties)).toBe(false);
    expect(actorFlags('unnamed', text, { payer: ['Plan'], provider: ['Provider'] })).toBe(true);
  });

  it('reads the possessor of a noun act as its actor, whatever the subject', () => {
    const parties = { payer: ['Carrier'], provider: ['Clinic'] };
    expect(actorFlags('payer', "Carrier's termination of the contract without cause takes effect on notice.", parties)).toBe(true);
    expect(actorFlags('provider', "Carrier's termination of the contract without cause takes effect on notice.", parties)).toBe(false);
    expect(actorFlags('payer', 'Clinic accepts that Carrier’s early termination without cause ends referrals.', parties)).toBe(true);
    expect(actorFlags('provider', 'Clinic accepts that Carrier’s early termination without cause ends referrals.', parties)).toBe(false);
    expect(actorFlags('provider', "Carrier will honor Clinic's termination without cause.", parties)).toBe(true);
    expect(actorFlags('payer', 'You accept that our termination without cause ends your referrals.', { payer: ['we'], provider: ['you'] })).toBe(true);
    // Not a noun act of the possessor: the thing owned is what is ended, by the passive's agent.
    expect(actorFlags('payer', "Clinic's enrollment may be terminated by Carrier without cause.", parties)).toBe(true);
    expect(actorFlags('provider', "Clinic's enrollment may be terminated by Carrier without cause.", parties)).toBe(false);
    // The possessor of a verb's subject is not the verb's actor.
    expect(actorFlags('provider', "Clinic's files are to terminate without cause on the last day.", parties)).toBe(false);
    // A possessor with a right or consent "to" the act is not the one performing it here.
    expect(actorFlags('provider', "Carrier needs Clinic's consent to termination without cause.", parties)).toBe(false);
  });

  it('reads the by-agent of a noun act as its actor, over the sentence subject', () => {
    const parties = { payer: ['Carrier'], provider: ['Clinic'] };
    const one = 'Clinic understands that termination of the contract by Carrier without cause ends all referrals.';
    expect(actorFlags('payer', one, parties)).toBe(true);
    expect(actorFlags('provider', one, parties)).toBe(false);
    const two = 'Clinic may sue for breach; any termination without cause by Carrier needs a year of notice.';
    expect(actorFlags('payer', two, parties)).toBe(true);
    // A verb's by-phrase, a participle's agent and an appealed noun's agent are not the act's.
    expect(actorFlags('payer', 'Clinic may request termination of services rendered by Carrier without cause.', parties)).toBe(false);
    expect(actorFlags('payer', 'Clinic may terminate the contract without cause by written notice to Carrier.', parties)).toBe(false);
  });

  it('reads "it" and "its" as the party named just before, and only then', () => {
    const parties = { payer: ['Carrier'], provider: ['Clinic'] };
    // The pronoun acts, is the agent, or possesses the deciding: Carrier, named in the sentence before.
    expect(actorFlags('payer', 'Carrier reviews the roster. The contract, as it sees fit, may be terminated without cause by it.', parties)).toBe(true);
    expect(actorFlags('payer', 'Carrier reviews the roster. Clinic agrees that it may terminate without cause.', parties)).toBe(false);
    expect(actorFlags('payer', 'Carrier reviews the roster each year. After review it may terminate the contract without cause.', parties)).toBe(true);
    expect(actorFlags('payer', 'Carrier reviews the roster each year. At its option, the contract may be terminated without cause.', parties)).toBe(true);
    // Both sides named before: the pronoun is not read as the payer (the earlier sentence's subject carries over as before).
    const both = 'Clinic sends the roster to Carrier each year. After review it may terminate the contract without cause.';
    expect(actorFlags('payer', both, parties)).toBe(false);
    // "it is agreed", "it shall be terminated": the pronoun is the Agreement or an expletive.
    expect(actorFlags('payer', 'Carrier reviews the roster. If the contract lapses, it shall be terminated without cause.', parties)).toBe(false);
    // A noun act opening a "that" clause is not the act of the one deciding outside it.
    expect(actorFlags('payer', 'Unless in its discretion Carrier decides that a termination without cause is not needed, the site stays.', parties)).toBe(false);
    expect(actorFlags('payer', 'Carrier reviews the roster. Unless it decides that a termination without cause is not needed, the site stays.', parties)).toBe(false);
    // Two sentences back is too far.
    expect(actorFlags('payer', 'Carrier reviews the roster. The roster lists sites. After review it may terminate the contract without cause.', parties)).toBe(false);
  });

  it('reads "is entitled to" + act as the subject acting, and a by-phrase of another participle as not the agent', () => {
    const CC = { payer: ['Carrier'], provider: ['Clinic'] };
    const offset = (who: string, text: string) =>
      analyze(textDocument(text, CC), buildRuleset([{ file: 'r.yaml', text: rule(who).replace('does: terminate', 'does: set off').replace('    - phrase: without cause\n', '') }]).ruleset).findings.length > 0;
    for (const text of ['Carrier is entitled to set off any sums owed by Clinic.', 'Carrier shall be authorized to set off sums paid by Clinic in error.']) {
      expect(offset('payer', text), text).toBe(true);
      expect(offset('provider', text), text).toBe(false);
    }
    // a passive whose only by-phrase belongs to another participle has no named agent
    expect(offset('unnamed', 'Sums owed by Clinic may be set off.')).toBe(true);
    expect(offset('provider', 'Sums owed by Clinic may be set off.')).toBe(false);
    // the act's own by-agent still counts, also after a passive light verb
    expect(offset('payer', 'Sums owed may be set off by Carrier.')).toBe(true);
    expect(offset('payer', 'A set off of sums may be made by Carrier.')).toBe(true);
  });

  it('needs both `who` and `does`', () => {
    const bad = rule('payer').replace('    - who: payer\n      does', '    - does');
    expect(buildRuleset([{ file: 'r.yaml', text: bad }]).errors[0]?.message).toContain('`does` needs `who`');
  });

  it('reads the agent of a passive with an irregular participle', () => {
    const CP = { payer: ['Carrier'], provider: ['Practitioner'] };
    for (const verb of ['held', 'bound', 'made', 'withheld', 'brought', 'paid', 'sent', 'given']) {
      const text = `Practitioner may be ${verb} without cause by Carrier under this section.`;
      const flags = (who: string) => analyze(textDocument(text, CP), buildRuleset([{ file: 'r.yaml', text: rule(who).replace('does: terminate', `does: ${verb}`) }]).ruleset).findings.length > 0;
      expect(flags('payer'), verb).toBe(true);
      expect(flags('provider'), verb).toBe(false);
    }
  });

  it('reads "is entitled to" + act as active, not as a passive with a later by-agent', () => {
    // the by-phrase belongs to another verb ("owed by Provider"), the subject acts
    for (const modal of ['shall be entitled to', 'is permitted to', 'will be authorized to']) {
      const text = `Plan ${modal} terminate without cause any arrangement entered into by Provider.`;
      expect(actorFlags('payer', text), modal).toBe(true);
      expect(actorFlags('provider', text), modal).toBe(false);
    }
    // a real passive of the act still reads its agent
    expect(actorFlags('provider', 'This Agreement is to be terminated without cause by Provider.')).toBe(true);
  });

  it('does not take the by-agent of an earlier participle as the agent of a later passive', () => {
    // "by Provider" is the agent of "entered into"/"owed", not of "terminated"
    for (const text of [
      'Any arrangement entered into by Provider may be terminated without cause.',
      'Any arrangement entered into with Plan by Provider may be terminated without cause.',
    ]) {
      expect(actorFlags('unnamed', text), text).toBe(true);
      expect(actorFlags('provider', text), text).toBe(false);
    }
    expect(actorFlags('provider', 'By Provider, this Agreement may be terminated without cause.')).toBe(true);
  });

  it('does not read a party after "to" or "from" as the subject of the verb that follows', () => {
    // "addressed to Provider may terminate": Provider is the object of "to", not who terminates
    expect(actorFlags('provider', 'A letter addressed to Provider may terminate this Agreement without cause.')).toBe(false);
    expect(actorFlags('provider', 'Provider may terminate this Agreement without cause.')).toBe(true);
  });

  it('reads the agent of a passive inside a gapped act, and not the agent of an -able word before it', () => {
    const gapped = (who: string, text: string) => {
      const yaml = ['id: r', 'concept: c', 'title: T', 'severity: low', 'scope: sentence', 'kind: presence', 'match:', '  all:', `    - who: ${who}`, "      does: 'retain ... out of'", 'message: m', 'explanation: e'].join('\n');
      const { ruleset, errors } = buildRuleset([{ file: 'r.yaml', text: yaml }]);
      expect(errors).toEqual([]);
      return analyze(textDocument(text, {}), ruleset).findings.length > 0;
    };
    const text = 'Any sum repayable by Provider may be retained by Plan out of later payments.';
    expect(gapped('payer', text)).toBe(true);
    expect(gapped('provider', text)).toBe(false);
    // with no agent of its own the passive is unnamed; "repayable by Provider" names no actor of it
    const bare = 'Any sum repayable by Provider may be retained out of later payments.';
    expect(gapped('unnamed', bare)).toBe(true);
    expect(gapped('provider', bare)).toBe(false);
  });

  it('reads a by-agent joined to the other side as both', () => {
    const CP = { payer: ['Carrier'], provider: ['Practitioner'] };
    const text = 'The contract may be terminated without cause by Carrier or Practitioner.';
    expect(actorFlags('both', text, CP)).toBe(true);
    expect(actorFlags('payer', text, CP)).toBe(false);
    expect(actorFlags('both', 'Either Carrier or Practitioner may terminate without cause.', CP)).toBe(true);
    expect(actorFlags('payer', "The contract may be terminated without cause by Carrier and Practitioner's affiliates.", CP)).toBe(true);
  });
});
