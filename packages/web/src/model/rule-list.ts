/** The rule editor's list: rules grouped under their concept, in the ruleset's checklist order. */
import type { RuleListEntry } from '@redliner/server';

/** The fields of a rule the list needs, as GET /api/rulesets/:rulesetId/rules sends them. */
export type ListedRule = Pick<RuleListEntry, 'id' | 'title' | 'concept' | 'severity' | 'origin' | 'errorCount'>;

/** One concept and its rules. */
export interface RuleGroup<R extends ListedRule> {
  concept: string;
  rules: R[];
}

/** Rules whose id, title or concept contain every word of `query` (case-insensitive). */
export function filterRules<R extends ListedRule>(rules: readonly R[], query: string): R[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rules];
  return rules.filter((rule) => {
    const haystack = `${rule.id} ${rule.title ?? ''} ${rule.concept ?? ''}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

/**
 * Group by concept, concepts in `conceptOrder` first (the checklist order), any others after
 * them alphabetically, rules without a readable concept last under "Rules with errors".
 */
export function groupRules<R extends ListedRule>(rules: readonly R[], conceptOrder: readonly string[]): Array<RuleGroup<R>> {
  const groups = new Map<string, R[]>();
  for (const rule of rules) {
    const key = rule.concept ?? '';
    const list = groups.get(key) ?? [];
    list.push(rule);
    groups.set(key, list);
  }
  const rank = (concept: string) => {
    if (concept === '') return Number.MAX_SAFE_INTEGER;
    const i = conceptOrder.indexOf(concept);
    return i === -1 ? conceptOrder.length : i;
  };
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([concept, list]) => ({ concept, rules: list.sort((x, y) => (x.title ?? x.id).localeCompare(y.title ?? y.id)) }));
}

/** A 1-based line and column in `text` as an offset, clamped into the text (errors may point past its end). */
export function offsetAt(text: string, line: number, col: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  const end = text.indexOf('\n', offset);
  const lineEnd = end === -1 ? text.length : end;
  return Math.min(offset + Math.max(0, col - 1), lineEnd);
}

/** The `id:` of rule YAML, read without a YAML parser (the server validates the rest). */
export function ruleIdOf(yaml: string): string | undefined {
  const match = /^id:[ \t]*(['"]?)([a-z0-9]+(?:-[a-z0-9]+)*)\1[ \t]*(?:#.*)?$/m.exec(yaml);
  return match?.[2];
}
