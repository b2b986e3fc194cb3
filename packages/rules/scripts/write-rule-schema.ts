/** Regenerates the committed `schemas/rule.schema.json` from the zod rule schema. */
import { writeFileSync } from 'node:fs';
import { ruleJsonSchemaText } from '../src/rule-json-schema.ts';

writeFileSync(new URL('../../../schemas/rule.schema.json', import.meta.url), ruleJsonSchemaText());
