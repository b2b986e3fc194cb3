/**
 * The JSON Schema (draft-07, what yaml-language-server reads) generated from the zod rule
 * schema. Committed as `schemas/rule.schema.json`; a test fails when it drifts.
 */
import * as z from 'zod';
import { RuleSpec } from './rule-schema.ts';

/** The rule JSON Schema as a pretty-printed string with a trailing newline, ready to write to disk. */
export function ruleJsonSchemaText(): string {
  const schema = z.toJSONSchema(RuleSpec, { target: 'draft-7', io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify(schema, null, 2)}\n`;
}
