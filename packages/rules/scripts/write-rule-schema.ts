/** Regenerates the committed `schemas/rule.schema.json` and `schemas/vocabulary.schema.json` from the zod schemas. */
import { writeFileSync } from 'node:fs';
import { ruleJsonSchemaText, vocabularyJsonSchemaText } from '../src/rule-json-schema.ts';

writeFileSync(new URL('../../../schemas/rule.schema.json', import.meta.url), ruleJsonSchemaText());
writeFileSync(new URL('../../../schemas/vocabulary.schema.json', import.meta.url), vocabularyJsonSchemaText());
