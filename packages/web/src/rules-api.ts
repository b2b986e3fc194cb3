/** The rule editor's API: rulesets, rule files, validation and trying a rule on pasted text. */
import { request } from './api.ts';
import type { Finding, Severity } from './types.ts';

export { listRulesets } from './api.ts';
export type { RulesetInfo } from './types.ts';

/** One rule of a ruleset's list. */
export interface RuleListEntry {
  id: string;
  file: string;
  title?: string;
  concept?: string;
  severity?: Severity;
  kind?: 'presence' | 'absence';
  origin: 'bundled' | 'user';
  replacesBundled: boolean;
  /** Turned off by the ruleset's `disable:` list. */
  disabled: boolean;
  errorCount: number;
}

/** One rule's text. */
export interface RuleText {
  ruleset: string;
  id: string;
  file: string;
  origin: 'bundled' | 'user';
  replacesBundled: boolean;
  disabled: boolean;
  yaml: string;
}

/** A problem in the rule text, at a 1-based line and column. */
export interface RuleProblem {
  code: string;
  line: number;
  col: number;
  message: string;
}

/** What validation says about rule text. */
export interface Validation {
  valid: boolean;
  errors: RuleProblem[];
  examples: { total: number; failed: number };
  rule?: { id: string; title: string; concept: string; severity: Severity };
}

/** What a save returns. */
export interface SavedRule {
  ruleset: string;
  id: string;
  file: string;
  replacesBundled: boolean;
}

const rulesetPath = (rulesetId: string) => `/api/rulesets/${encodeURIComponent(rulesetId)}/rules`;
const rulePath = (rulesetId: string, ruleId: string) => `${rulesetPath(rulesetId)}/${encodeURIComponent(ruleId)}`;

/** A concept of a ruleset, in checklist order. */
export interface ConceptInfo {
  id: string;
  title?: string;
}

/** A ruleset's rules and concepts. */
export interface RuleCatalog {
  ruleset: string;
  source: 'bundled' | 'user';
  concepts: ConceptInfo[];
  rules: RuleListEntry[];
}

export const listRules = (rulesetId: string): Promise<RuleCatalog> => request<RuleCatalog>('GET', rulesetPath(rulesetId));
export const getRule = (rulesetId: string, ruleId: string): Promise<RuleText> => request<RuleText>('GET', rulePath(rulesetId, ruleId));
export const saveRule = (rulesetId: string, ruleId: string, yaml: string): Promise<SavedRule> => request<SavedRule>('PUT', rulePath(rulesetId, ruleId), { yaml });
export const deleteRule = (rulesetId: string, ruleId: string): Promise<void> => request<void>('DELETE', rulePath(rulesetId, ruleId));
/** Turn a rule off (or on again) in a user ruleset; a missing My rules is created. */
export const setRuleOff = (rulesetId: string, ruleId: string, off: boolean): Promise<{ ruleset: string; id: string; disabled: boolean }> =>
  request(off ? 'PUT' : 'DELETE', `/api/rulesets/${encodeURIComponent(rulesetId)}/disabled/${encodeURIComponent(ruleId)}`);
export const validateRule = (yaml: string, rulesetId: string): Promise<Validation> => request<Validation>('POST', '/api/rules/validate', { yaml, ruleset: rulesetId });
/** Run rule text on pasted contract text, with the vocabulary of `rulesetId`. */
export const tryRule = async (yaml: string, text: string, rulesetId: string): Promise<Finding[]> => (await request<{ findings: Finding[] }>('POST', '/api/rules/try', { yaml, text, ruleset: rulesetId })).findings;
