/** Request schemas shared by the routes. */
import * as z from 'zod';

/** `:id` of a review. Any string is accepted so an unknown id gets a 404, not a 400. */
export const ReviewParams = z.strictObject({ id: z.string().min(1).max(200) });

/** `:id` and `:findingId`. */
export const DecisionParams = z.strictObject({ id: z.string().min(1).max(200), findingId: z.string().min(1).max(500) });

const reason = z.string().max(4000, 'the reason is limited to 4000 characters').optional();
const comment = z.boolean().optional();

/** A decision body; the same shape @redliner/redline's DecisionSchema accepts. */
export const DecisionBody = z.discriminatedUnion(
  'action',
  [
    z.strictObject({ action: z.literal('accept'), alternative: z.number().int().min(0).optional(), reason, comment }),
    z.strictObject({
      action: z.literal('edit'),
      text: z.string().max(100_000).refine((text) => text.trim() !== '', 'the edited text is empty; give the language to use, or reject the finding instead'),
      // "clause": the text is the whole clause as it will read, not only the suggestion's words.
      scope: z.literal('clause', { error: 'scope is "clause" (the text rewrites the whole clause) or left out' }).optional(),
      reason,
      comment,
    }),
    z.strictObject({ action: z.literal('reject'), reason, comment }),
  ],
  { error: 'send {"action": "accept" | "edit" | "reject"} (edit needs "text"; accept may name an "alternative" index)' },
);

/** Re-analysis may switch ruleset. */
export const ReanalyzeBody = z.strictObject({ ruleset: z.string().min(1).max(200).optional() }).nullish();

/** The body of POST /api/reviews/:id/reanalyze (none, or the ruleset to switch to). */
export type ReanalyzeRequest = z.input<typeof ReanalyzeBody>;

/** Upload form fields besides the file. */
export const UploadFields = z.strictObject({
  password: z.string().max(1000).optional(),
  ruleset: z.string().max(200).optional(),
  /** A random id the client picks to follow the upload's progress (`GET /api/uploads/:id/progress`). */
  uploadId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/).optional(),
});

/** The form fields of POST /api/reviews besides the file. */
export type UploadRequestFields = z.input<typeof UploadFields>;

/** Rule text from the editor. */
export const ValidateBody = z.strictObject({
  yaml: z.string().max(1_000_000),
  file: z.string().min(1).max(200).optional(),
  ruleset: z.string().max(200).optional(),
});

/** The body of POST /api/rules/validate. */
export type ValidateRequest = z.input<typeof ValidateBody>;

/** Rule text plus pasted contract text. */
export const TryBody = z.strictObject({
  yaml: z.string().max(1_000_000),
  text: z.string().min(1, 'paste some contract text to try the rule on').max(4_000_000),
  file: z.string().min(1).max(200).optional(),
  parties: z.strictObject({ payer: z.array(z.string().min(1)).max(20).optional(), provider: z.array(z.string().min(1)).max(20).optional() }).optional(),
  /** The ruleset whose vocabulary `{class}` terms come from (default: the bundled one). */
  ruleset: z.string().min(1).max(200).optional(),
});

/** The body of POST /api/rules/try. */
export type TryRequest = z.input<typeof TryBody>;

/** `:rulesetId`, e.g. `payer-core` or `user:my-rules`. */
export const RulesetParams = z.strictObject({ rulesetId: z.string().min(1).max(200) });

/** `:rulesetId` and `:ruleId` (a rule id is kebab-case). */
export const RuleParams = z.strictObject({
  rulesetId: z.string().min(1).max(200),
  ruleId: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a rule id is kebab-case, like "audit-lookback-unlimited"').max(100, 'a rule id is at most 100 characters'),
});

/** A rule to save. */
export const SaveRuleBody = z.strictObject({ yaml: z.string().min(1, 'the rule is empty').max(1_000_000) });

/** The body of PUT /api/rulesets/:rulesetId/rules/:ruleId. */
export type SaveRuleRequest = z.input<typeof SaveRuleBody>;

/** `:rulesetId` and `:className` (a vocabulary class name is lower-case words joined by hyphens). */
export const VocabularyClassParams = z.strictObject({
  rulesetId: z.string().min(1).max(200),
  className: z.string().regex(/^[a-z][a-z0-9-]*$/, 'a vocabulary class name is lower-case words joined by hyphens, like "terminate" or "fee-schedule"').max(60),
});

const vocabularyEntries = z.array(z.string().max(300, 'a word or phrase is limited to 300 characters')).max(500, 'a class is limited to 500 words and phrases');

/** A vocabulary class as it should read (a key left out is removed from the class). */
export const VocabularyClassBody = z.strictObject({
  words: vocabularyEntries.optional(),
  also: vocabularyEntries.optional(),
  means: z.string().max(1000, 'the meaning is limited to 1000 characters').optional(),
});

/** The body of PUT /api/rulesets/:rulesetId/vocabulary/:className: the class as it should read. */
export type VocabularyClassRequest = z.input<typeof VocabularyClassBody>;

/** `:id` and `:fieldId` of a key term. */
export const TermParams = z.strictObject({ id: z.string().min(1).max(200), fieldId: z.string().min(1).max(200) });

/** A user's correction of a key term: the value as it should read ("120 days", "No", "not stated"). */
export const TermCorrectionBody = z.strictObject({
  text: z.string().max(2000, 'a corrected value is limited to 2000 characters'),
  note: z.string().max(4000, 'the note is limited to 4000 characters').optional(),
});

/** The body of PUT /api/reviews/:id/terms/:fieldId. */
export type TermCorrectionRequest = z.input<typeof TermCorrectionBody>;
