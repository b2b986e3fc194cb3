/** The vocabulary API, as the rule editor uses it: a ruleset's classes, and changes to a class of your own rules. */
import type { VocabularyClassRequest, VocabularyList, VocabularySaved } from '@redliner/server';
import { request } from './api.ts';

/**
 * The vocabulary's answers, as the server's response schemas define them (rule-response-schemas.ts).
 * A class's `origin`: `inherited` (from the extended ruleset, as it is), `own` (only here),
 * `replaces` (own words instead of an inherited class), `adds` (own words added with `also:`).
 */
export type { VocabularyClassView as VocabularyClass, VocabularyList as Vocabulary, VocabularySaved as SavedClass } from '@redliner/server';

/** A class as a user ruleset's vocabulary file should write it: the body the server takes (and a class's `spec`). */
export type { VocabularyClassRequest as VocabularyClassText } from '@redliner/server';

const vocabularyPath = (rulesetId: string) => `/api/rulesets/${encodeURIComponent(rulesetId)}/vocabulary`;
const classPath = (rulesetId: string, name: string) => `${vocabularyPath(rulesetId)}/${encodeURIComponent(name)}`;

/** Every class of a ruleset, its own and the inherited ones. */
export const getVocabulary = (rulesetId: string): Promise<VocabularyList> => request<VocabularyList>('GET', vocabularyPath(rulesetId));
/** Make a class of a user ruleset read as `body` (a user ruleset that does not exist yet is created). */
export const saveVocabularyClass = (rulesetId: string, name: string, body: VocabularyClassRequest): Promise<VocabularySaved> => request<VocabularySaved>('PUT', classPath(rulesetId, name), body);
/** Remove a class of a user ruleset's own (the inherited class of the same name applies again). */
export const removeVocabularyClass = (rulesetId: string, name: string): Promise<void> => request<void>('DELETE', classPath(rulesetId, name));
