/**
 * A suggestion may lean on a term another suggestion defines: the prompt-payment clause pays
 * "every Clean Claim", and the clean-claim rule proposes the definition. When the lead accepts
 * the first and rejects the second, in a contract that neither defines nor uses the term, the
 * capitalized term would be left undefined. It then reads as plain words ("every clean claim"),
 * which take their ordinary meaning, as prompt-pay statutes use them.
 */
import type { ContractDocument } from '@redliner/parser';
import type { PlannedFinding } from './decisions.ts';
import { definedTerm, termSource } from './definition-heads.ts';


/**
 * Lower-case, in the rules' own accepted language, each term that some suggestion would define
 * but that no accepted change defines and the contract neither defines nor uses. The lead's own
 * edited wording is left as typed. Changes `plans` in place.
 */
export function plainWordsForUndefinedTerms(doc: ContractDocument, plans: PlannedFinding[]): void {
  const proposed = new Set<string>();
  for (const { finding } of plans) {
    for (const text of [finding.redline?.text, ...(finding.redline?.alternatives ?? [])]) {
      const term = definedTerm(text);
      if (term) proposed.add(term);
    }
  }
  const definedByChange = new Set(plans.map((p) => definedTerm(p.change?.text)).filter((t): t is string => !!t).map((t) => t.toLowerCase()));
  for (const term of proposed) {
    if (definedByChange.has(term.toLowerCase())) continue;
    // Used or defined by the contract itself ("Clean Claim" from its manual): its wording stands.
    const whole = `(?<![\\p{L}\\p{N}])${termSource(term)}s?(?![\\p{L}\\p{N}])`;
    if (new RegExp(whole, 'u').test(doc.text)) continue;
    const word = new RegExp(whole, 'gu');
    for (const plan of plans) {
      if (!plan.change || plan.outcome !== 'accepted') continue;
      // A sentence that opens with the term keeps its capital: "Clean claims are paid …".
      plan.change.text = plan.change.text.replace(word, (m: string, at: number, all: string) => {
        const plain = m.toLowerCase();
        return /(?:^|[.!?:]\s+)["“(]?$/.test(all.slice(0, at)) ? plain[0]!.toUpperCase() + plain.slice(1) : plain;
      });
    }
  }
}
