/**
 * The payer-facing comment on each payer-core redline: every redline has one, it is short, it
 * names the parties only through placeholders, and it carries nothing internal (the payer copy
 * of a redline shows it to the other side verbatim).
 */
import { describe, expect, it } from 'vitest';
import { analyze, loadRuleset, textDocument } from '../src/index.ts';
import { findPlaceholders } from '../src/compile/placeholders.ts';
import { PAYER_CORE } from './helpers.ts';

// Words that would show the payer the provider's own analysis, strategy or tooling.
const INTERNAL = /\b(?:high|medium|low|risk|risky|severity|fallbacks?|note|rule|redliner|playbook|strategy|position|leverage|cannot accept|landing point|internal|concept)\b/i;
// The comment speaks of the provider through {provider}; a written "we" would be wrong in a "we/you" contract.
const FIRST_PERSON = /\b(?:we|our|us|ours)\b/i;

describe('payer comments in payer-core', () => {
  const { ruleset, errors } = loadRuleset(PAYER_CORE);
  const withRedline = ruleset.rules.filter((r) => r.spec.redline);
  const comments = withRedline.map((r) => ({ id: r.id, text: r.spec.redline?.payerComment ?? '' }));

  it('loads, and every rule with a redline has a payer comment', () => {
    expect(errors).toEqual([]);
    expect(withRedline.length).toBeGreaterThanOrEqual(49);
    expect(comments.filter((c) => !c.text.trim()).map((c) => c.id)).toEqual([]);
  });

  it('keeps each comment to one or two sentences under 300 characters', () => {
    const tooLong = comments.filter((c) => c.text.length >= 300).map((c) => `${c.id} (${c.text.length})`);
    const tooManySentences = comments.filter((c) => c.text.split(/[.!?](?:\s|$)/).filter((s) => s.trim()).length > 2).map((c) => c.id);
    const unfinished = comments.filter((c) => !/[.!?]$/.test(c.text.trim())).map((c) => c.id);
    expect({ tooLong, tooManySentences, unfinished }).toEqual({ tooLong: [], tooManySentences: [], unfinished: [] });
  });

  it('uses only {payer} and {provider}, and says nothing internal', () => {
    const ids = ruleset.rules.map((r) => r.id);
    const problems = comments.flatMap((c) => {
      const out: string[] = [];
      const bad = findPlaceholders(c.text).filter((p) => p.name !== 'payer' && p.name !== 'provider');
      if (bad.length) out.push(`${c.id}: placeholder {${bad[0]!.name}}`);
      const internal = INTERNAL.exec(c.text) ?? FIRST_PERSON.exec(c.text);
      if (internal) out.push(`${c.id}: "${internal[0]}"`);
      const named = ids.find((id) => c.text.includes(id));
      if (named) out.push(`${c.id}: names rule ${named}`);
      return out;
    });
    expect(problems).toEqual([]);
  });

  it("fills the contract's party terms, with the verb agreeing when the provider is \"you\"", () => {
    const renewal = 'This Agreement shall automatically renew for successive one (1) year terms unless either party gives written notice of non-renewal at least ninety (90) days before the end of the then-current term.';
    const named = analyze(textDocument(renewal, { payer: ['Health Plan'], provider: ['Practice'] }), ruleset).findings.find((f) => f.ruleId === 'evergreen-renewal');
    expect(named?.redline?.payerComment).toMatch(/^Practice requests that renewal be by mutual written agreement\b/);
    const letter = analyze(textDocument(renewal, { payer: ['we'], provider: ['you'] }), ruleset).findings.find((f) => f.ruleId === 'evergreen-renewal');
    expect(letter?.redline?.payerComment).toMatch(/^You request that renewal\b/);
  });
});
