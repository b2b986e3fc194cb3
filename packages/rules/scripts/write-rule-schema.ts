/** Regenerates the committed `schemas/rule.schema.json`, `vocabulary.schema.json` and `key-terms.schema.json` (whose conditions are rule conditions) from the zod schemas. */
import { writeFileSync } from 'node:fs';
import { keyTermsJsonSchemaText, ruleJsonSchemaText, vocabularyJsonSchemaText } from '../src/load/rule-json-schema.ts';

writeFileSync(new URL('../../../schemas/rule.schema.json', import.meta.url), ruleJsonSchemaText());
writeFileSync(new URL('../../../schemas/vocabulary.schema.json', import.meta.url), vocabularyJsonSchemaText());
writeFileSync(new URL('../../../schemas/key-terms.schema.json', import.meta.url), keyTermsJsonSchemaText());
