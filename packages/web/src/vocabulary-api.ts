/** The vocabulary API, as the rule editor uses it: a ruleset's classes, and changes to a class of your own rules. */
import { request } from './api.ts';

/** Where a class is written: a ruleset id, its kind, a file name and a line. */
export interface VocabularyPlace {
  ruleset: string;
  source: 'bundled' | 'user';
  file: string;
  line: number;
}

/** One word or phrase of a class. */
export interface VocabularyEntry {
  text: string;
  /** Written in this ruleset (not inherited). */
  own: boolean;
  /** Every form a single word matches. */
  forms?: string[];
  /** A short summary of what it matches. */
  preview: string;
}

/** A class as the ruleset's own vocabulary file writes it. */
export interface VocabularyClassText {
  means?: string;
  words?: string[];
  also?: string[];
}

/**
 * One class. `origin`: `inherited` (from the extended ruleset, as it is), `own` (only here),
 * `replaces` (own words instead of an inherited class), `adds` (own words added with `also:`).
 */
export interface VocabularyClass {
  name: string;
  means?: string;
  entries: VocabularyEntry[];
  origin: 'inherited' | 'own' | 'replaces' | 'adds';
  definedIn: VocabularyPlace;
  base?: VocabularyPlace;
  spec?: VocabularyClassText;
  usedBy: { rules: string[]; classes: string[] };
}

/** A problem of a vocabulary file, located. */
export interface VocabularyProblem extends VocabularyPlace {
  code: string;
  col: number;
  message: string;
}

/** A ruleset's vocabulary. */
export interface Vocabulary {
  ruleset: string;
  source: 'bundled' | 'user';
  classes: VocabularyClass[];
  errors: VocabularyProblem[];
}

/** What saving a class returns; `warnings` are rule examples that misbehave since the change. */
export interface SavedClass {
  ruleset: string;
  created: boolean;
  changed: boolean;
  class?: VocabularyClass;
  warnings: Array<VocabularyProblem & { ruleId?: string }>;
}

const vocabularyPath = (rulesetId: string) => `/api/rulesets/${encodeURIComponent(rulesetId)}/vocabulary`;
const classPath = (rulesetId: string, name: string) => `${vocabularyPath(rulesetId)}/${encodeURIComponent(name)}`;

/** Every class of a ruleset, its own and the inherited ones. */
export const getVocabulary = (rulesetId: string): Promise<Vocabulary> => request<Vocabulary>('GET', vocabularyPath(rulesetId));
/** Make a class of a user ruleset read as `body` (a user ruleset that does not exist yet is created). */
export const saveVocabularyClass = (rulesetId: string, name: string, body: VocabularyClassText): Promise<SavedClass> => request<SavedClass>('PUT', classPath(rulesetId, name), body);
/** Remove a class of a user ruleset's own (the inherited class of the same name applies again). */
export const removeVocabularyClass = (rulesetId: string, name: string): Promise<void> => request<void>('DELETE', classPath(rulesetId, name));
