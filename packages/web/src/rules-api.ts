/** The rule editor's API: rulesets, rule files, validation and trying a rule on pasted text. */
import type { RuleFile, RuleList, RuleSwitch, RuleTryResult, RuleValidation, SavedRule, SaveRuleRequest, TryRequest, ValidateRequest } from '@redliner/server';
import { request } from './api.ts';
import type { Finding } from './types.ts';

export { listRulesets } from './api.ts';
export type { RulesetInfo } from './types.ts';

/**
 * The rule editor's answers, as the server's response schemas define them (rule-response-schemas.ts):
 * a ruleset's rules and concepts, one rule's file, a problem located in the rule text, and what a check says.
 */
export type { LocatedError as RuleProblem, RuleFile as RuleText, RuleList as RuleCatalog, RuleValidation as Validation } from '@redliner/server';

const rulesetPath = (rulesetId: string) => `/api/rulesets/${encodeURIComponent(rulesetId)}/rules`;
const rulePath = (rulesetId: string, ruleId: string) => `${rulesetPath(rulesetId)}/${encodeURIComponent(ruleId)}`;

export const listRules = (rulesetId: string): Promise<RuleList> => request<RuleList>('GET', rulesetPath(rulesetId));
export const getRule = (rulesetId: string, ruleId: string): Promise<RuleFile> => request<RuleFile>('GET', rulePath(rulesetId, ruleId));
export const saveRule = (rulesetId: string, ruleId: string, yaml: string): Promise<SavedRule> => request<SavedRule>('PUT', rulePath(rulesetId, ruleId), { yaml } satisfies SaveRuleRequest);
export const deleteRule = (rulesetId: string, ruleId: string): Promise<void> => request<void>('DELETE', rulePath(rulesetId, ruleId));
/** Turn a rule off (or on again) in a user ruleset; a missing My rules is created. */
export const setRuleOff = (rulesetId: string, ruleId: string, off: boolean): Promise<RuleSwitch> =>
  request<RuleSwitch>(off ? 'PUT' : 'DELETE', `/api/rulesets/${encodeURIComponent(rulesetId)}/disabled/${encodeURIComponent(ruleId)}`);
export const validateRule = (yaml: string, rulesetId: string): Promise<RuleValidation> => request<RuleValidation>('POST', '/api/rules/validate', { yaml, ruleset: rulesetId } satisfies ValidateRequest);
/** Run rule text on pasted contract text, with the vocabulary of `rulesetId`. */
export const tryRule = async (yaml: string, text: string, rulesetId: string): Promise<Finding[]> => (await request<RuleTryResult>('POST', '/api/rules/try', { yaml, text, ruleset: rulesetId } satisfies TryRequest)).findings;
