/**
 * Response schemas of the rule editor's routes: checking and trying a rule, a ruleset's rule
 * list, one rule's file, saving and switching rules, and the vocabulary. The located error, the
 * compiled rule's summary and a file's place are the server's own shapes, defined here; errors
 * never carry a server path, and the strict schemas refuse an answer that would.
 */
import * as z from 'zod';
import { SeveritySchema, type CatalogEntry, type ChecklistEntry, type ConceptInfo, type Finding, type VocabularyClassInfo } from '@redliner/rules';
import { RulesetInfoSchema, sharedShape } from './response-schemas.ts';

/** A rule problem located in the text the client sent (never a file path). */
export const LocatedErrorSchema = z.strictObject({ code: z.string(), line: z.number().int(), col: z.number().int(), message: z.string(), ruleId: z.string().optional() });

/** The compiled rule as the editor shows it. */
export const RuleSummarySchema = z.strictObject({ id: z.string(), title: z.string(), concept: z.string(), severity: SeveritySchema, kind: z.string(), scope: z.string() });

/** How a rule's examples ran. */
export const ExamplesRunSchema = z.strictObject({ total: z.number().int(), failed: z.number().int() });

/** POST /api/rules/validate. */
export const RuleValidationSchema = z.strictObject({ valid: z.boolean(), errors: z.array(LocatedErrorSchema), examples: ExamplesRunSchema, rule: RuleSummarySchema.optional() });

/** POST /api/rules/try: what the rule finds in the pasted text. */
export const RuleTrySchema = z.strictObject({ findings: z.array(sharedShape<Finding>('a finding')), checklist: z.array(sharedShape<ChecklistEntry>('a checklist entry')), errors: z.array(LocatedErrorSchema) });

const RulesetSourceSchema = RulesetInfoSchema.shape.source;
/** Whose rule it is: the user's own, or one from the bundled rules (inherited). */
const RuleOriginSchema = z.enum(['user', 'bundled']);

/** A rule as the list shows it: the rules package's catalog entry with its file's name (not its path) and whose it is. */
export type RuleListEntry = Omit<CatalogEntry, 'file' | 'inherited' | 'replacesInherited' | 'replaced'> & { file: string; origin: z.output<typeof RuleOriginSchema>; replacesBundled: boolean };

/** GET /api/rulesets/:rulesetId/rules. */
export const RuleListSchema = z.strictObject({ ruleset: z.string(), source: RulesetSourceSchema, concepts: z.array(sharedShape<ConceptInfo>('a concept')), rules: z.array(sharedShape<RuleListEntry>('a rule')) });

/** GET /api/rulesets/:rulesetId/rules/:ruleId: the rule's YAML and where it comes from. */
export const RuleFileSchema = z.strictObject({ ruleset: z.string(), id: z.string(), file: z.string(), origin: RuleOriginSchema, replacesBundled: z.boolean(), disabled: z.boolean(), yaml: z.string() });

/** PUT /api/rulesets/:rulesetId/rules/:ruleId. */
export const SavedRuleSchema = z.strictObject({ ruleset: z.string(), id: z.string(), file: z.string(), replacesBundled: z.boolean(), examples: ExamplesRunSchema });

/** PUT and DELETE /api/rulesets/:rulesetId/disabled/:ruleId. */
export const RuleSwitchSchema = z.strictObject({ ruleset: z.string(), id: z.string(), disabled: z.boolean() });

/** Where something is written, in terms the browser knows: a ruleset id and a file name. */
export const PlaceSchema = z.strictObject({ ruleset: z.string(), source: RulesetSourceSchema, file: z.string(), line: z.number().int() });

/** A vocabulary problem, placed by ruleset and file name. */
export const VocabularyErrorSchema = PlaceSchema.extend({ code: z.string(), col: z.number().int(), message: z.string(), ruleId: z.string().optional() });

/** A vocabulary class as the editor shows it: the rules package's class with places instead of paths. */
export type VocabularyClassView = Omit<VocabularyClassInfo, 'file' | 'line' | 'dir' | 'base'> & { definedIn: z.output<typeof PlaceSchema>; base?: z.output<typeof PlaceSchema> };

const VocabularyClassViewSchema = sharedShape<VocabularyClassView>('a vocabulary class');

/** GET /api/rulesets/:rulesetId/vocabulary. */
export const VocabularyListSchema = z.strictObject({ ruleset: z.string(), source: RulesetSourceSchema, classes: z.array(VocabularyClassViewSchema), errors: z.array(VocabularyErrorSchema) });

/** PUT /api/rulesets/:rulesetId/vocabulary/:className. */
export const VocabularySavedSchema = z.strictObject({ ruleset: z.string(), created: z.boolean(), changed: z.boolean(), class: VocabularyClassViewSchema.optional(), warnings: z.array(VocabularyErrorSchema) });

/** A rule error without the server's file path, as validate, try and a refused save report it. */
export type LocatedError = z.output<typeof LocatedErrorSchema>;
/** The answer of POST /api/rules/validate. */
export type RuleValidation = z.output<typeof RuleValidationSchema>;
/** The answer of POST /api/rules/try. */
export type RuleTryResult = z.output<typeof RuleTrySchema>;
/** The answer of GET /api/rulesets/:rulesetId/rules. */
export type RuleList = z.output<typeof RuleListSchema>;
/** The answer of GET /api/rulesets/:rulesetId/rules/:ruleId. */
export type RuleFile = z.output<typeof RuleFileSchema>;
/** The answer of PUT /api/rulesets/:rulesetId/rules/:ruleId. */
export type SavedRule = z.output<typeof SavedRuleSchema>;
/** The answer of PUT and DELETE /api/rulesets/:rulesetId/disabled/:ruleId. */
export type RuleSwitch = z.output<typeof RuleSwitchSchema>;
/** Where a vocabulary class or problem is written: a ruleset id, its kind, a file name and a line. */
export type VocabularyPlace = z.output<typeof PlaceSchema>;
/** A vocabulary problem, placed by ruleset and file name. */
export type VocabularyError = z.output<typeof VocabularyErrorSchema>;
/** The answer of GET /api/rulesets/:rulesetId/vocabulary. */
export type VocabularyList = z.output<typeof VocabularyListSchema>;
/** The answer of PUT /api/rulesets/:rulesetId/vocabulary/:className. */
export type VocabularySaved = z.output<typeof VocabularySavedSchema>;
