/**
 * The JSON Schemas (draft-07, what yaml-language-server reads) generated from the zod schemas
 * of rule files, of `vocabulary.yaml` and of key-terms files. Committed in `schemas/`; a test fails when they drift.
 */
import * as z from 'zod';
import { RuleSpec } from './rule-schema.ts';
import { KeyTermsSpec } from '../terms/term-schema.ts';
import { VocabularySpec } from '../vocabulary/vocabulary.ts';

function schemaText(schema: z.ZodType): string {
  return `${JSON.stringify(z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }), null, 2)}\n`;
}

/** The rule JSON Schema as a pretty-printed string with a trailing newline, ready to write to disk. */
export function ruleJsonSchemaText(): string {
  return schemaText(RuleSpec);
}

/** The vocabulary JSON Schema (`schemas/vocabulary.schema.json`), same form. */
export function vocabularyJsonSchemaText(): string {
  return schemaText(VocabularySpec);
}

/** The key-terms JSON Schema (`schemas/key-terms.schema.json`), same form. */
export function keyTermsJsonSchemaText(): string {
  return schemaText(KeyTermsSpec);
}
