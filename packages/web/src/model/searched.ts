/**
 * The checklist's "what was searched" in words counsel reads: the rules' own titles and where
 * they looked, from the engine's `searchedIn` data. Reviews saved before that data existed
 * only carry the engine's one technical line ("evergreen-renewal: 14 sentences in sections
 * titled Term/Renewal (does not apply: no triggering language); …"), which is parsed instead.
 */
import type { SearchedRule } from '../types.ts';

export type { SearchedRule } from '../types.ts';

/** What a checklist reader sees for a concept with nothing found. */
export interface SearchedDescription {
  /** "Looked for: …" (empty when no rule applied). */
  lookedFor: string;
  /** "Searched the whole contract (14 sentences)." */
  where: string;
  /** "Not relevant here, because …" (empty when every rule applied). */
  notApplicable: string;
}

const PART = /^([^\s:;]+): (?:the whole document|(\d+) (sentences|paragraphs|sections))(?: in sections titled (.+?))?( \(does not apply: [^)]*\))?$/;

/** Parse the engine's searched line; parts in an unknown shape are left out. */
export function parseSearched(text: string): SearchedRule[] {
  const rules: SearchedRule[] = [];
  for (const part of text.split('; ')) {
    const match = PART.exec(part.trim());
    if (!match) continue;
    const [, ruleId, count, unit, only, notApplies] = match;
    rules.push({
      ruleId: ruleId!,
      ...(count !== undefined ? { count: Number(count) } : {}),
      unit: (unit as SearchedRule['unit'] | undefined) ?? 'document',
      ...(only ? { sectionsOnly: only.split('/').map((s) => s.trim()).filter(Boolean) } : {}),
      applies: !notApplies,
    });
  }
  return rules;
}

/** "a, b or c". */
export function orList(items: readonly string[], word = 'or'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${word} ${items.at(-1)!}`;
}

/** A rule title as a phrase inside a sentence: "Payer may assign…" → "payer may assign…" (acronyms kept). */
export function asPhrase(title: string): string {
  const trimmed = title.trim().replace(/\.$/, '');
  if (/^[A-Z][a-z]/.test(trimmed)) return trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
  return trimmed;
}

function plural(count: number, unit: string): string {
  const singular = unit.replace(/s$/, '');
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : unit}`;
}

function whereOf(rule: SearchedRule): string {
  if (rule.unit === 'document' || rule.count === undefined) return 'the whole contract';
  if (rule.sectionsOnly?.length) {
    const headed = `sections headed ${orList(rule.sectionsOnly.map((s) => `“${s}”`))}`;
    return rule.count === 0 ? `${headed} (the contract has none)` : `${headed} (${plural(rule.count, rule.unit)})`;
  }
  return `the whole contract (${plural(rule.count, rule.unit)})`;
}

const unique = (items: readonly string[]): string[] => [...new Set(items)];

/**
 * Describe a not-found checklist entry in plain English, naming rules by their titles
 * (`titleOf` returns undefined for an unknown rule id; the concept's title stands in then).
 */
export function describeSearched(searched: string | readonly SearchedRule[], titleOf: (ruleId: string) => string | undefined, conceptTitle: string): SearchedDescription {
  const rules = typeof searched === 'string' ? parseSearched(searched) : searched;
  const title = (ruleId: string): string => asPhrase(titleOf(ruleId) ?? conceptTitle);
  if (rules.length === 0) return { lookedFor: `Looked for: ${asPhrase(conceptTitle)}.`, where: 'Searched the whole contract.', notApplicable: '' };
  const applying = rules.filter((r) => r.applies);
  const idle = rules.filter((r) => !r.applies);
  const wheres = unique(rules.map(whereOf));
  return {
    lookedFor: applying.length ? `Looked for: ${unique(applying.map((r) => title(r.ruleId))).join('; ')}.` : '',
    where: `Searched ${wheres.join('; ')}.`,
    notApplicable: idle.length ? `Not relevant to this contract, because it has no related language: ${unique(idle.map((r) => title(r.ruleId))).join('; ')}.` : '',
  };
}
