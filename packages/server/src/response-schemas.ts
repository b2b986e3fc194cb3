/**
 * Response schemas of the routes whose answers the server shapes itself. Each is the one
 * definition of its answer: the route declares it (`schema.response`), the serializer checks
 * every answer against it, and the web app imports the type instead of copying it.
 */
import * as z from 'zod';
import { PROBLEM_CODES } from './problem-codes.ts';

/**
 * A value whose one definition is a TypeScript type of another package (a finding, a key term,
 * a deadline): the schema names that type, so the handler's return and the web app's import are
 * checked against it at compile time, and checks at run time that an object (or array) is sent.
 * Its fields are that package's to define and test; restating them here would make a second
 * definition that drifts.
 */
export function sharedShape<T extends object>(what: string): z.ZodType<T> {
  return z.custom<T>((value) => typeof value === 'object' && value !== null, `${what} (an object)`);
}

/** A 204 answer: no body. */
export const NoContentSchema = z.undefined();

const problemCode = z.string().refine((code) => Object.hasOwn(PROBLEM_CODES, code), 'a registered problem code');

/** GET /api/storage: can the app save right now; `problem` (the code and words a failed save gets) only when it cannot. */
export const StorageStatusSchema = z.strictObject({
  writable: z.boolean(),
  /** The data folder's name (never its path). */
  folder: z.string().optional(),
  problem: z.strictObject({ code: problemCode, title: z.string(), detail: z.string() }).optional(),
});

/** The answer of GET /api/storage. */
export type StorageStatus = z.output<typeof StorageStatusSchema>;

/** GET /api/uploads/:uploadId/progress: `reading` until OCR starts, then the scanned page being read. */
export const UploadProgressSchema = z.discriminatedUnion('stage', [
  z.strictObject({ stage: z.literal('reading') }),
  z.strictObject({ stage: z.literal('ocr'), page: z.number().int(), done: z.number().int(), total: z.number().int() }),
]);

/** The answer of GET /api/uploads/:uploadId/progress. */
export type UploadProgressStatus = z.output<typeof UploadProgressSchema>;

/** One ruleset in GET /api/rulesets. */
export const RulesetInfoSchema = z.strictObject({
  /** `payer-core` for the bundled set, `user:<folder>` for the user's own. */
  id: z.string(),
  source: z.enum(['bundled', 'user']),
  name: z.string(),
  version: z.string().optional(),
  /** How many rules load. */
  rules: z.number().int(),
  concepts: z.array(z.string()),
  /** Rule files that do not load, already formatted (`file:line:col CODE message`, never a server path). */
  errors: z.array(z.string()),
});

/** A ruleset as GET /api/rulesets lists it. */
export type RulesetInfo = z.output<typeof RulesetInfoSchema>;

/** GET /api/rulesets. */
export const RulesetListSchema = z.strictObject({ rulesets: z.array(RulesetInfoSchema) });

/** The answer of GET /api/rulesets. */
export type RulesetList = z.output<typeof RulesetListSchema>;
