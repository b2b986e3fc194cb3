import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ruleJsonSchemaText } from '../src/index.ts';
import { vocabularyJsonSchemaText } from '../src/load/rule-json-schema.ts';
import { ruleFiles } from '../src/load/load-ruleset.ts';
import { PAYER_CORE } from './helpers.ts';

const COMMITTED = fileURLToPath(new URL('../../../schemas/rule.schema.json', import.meta.url));

describe('the rule JSON Schema', () => {
  it('is committed exactly as generated from the zod schema (regenerate: npx tsx packages/rules/scripts/write-rule-schema.ts)', () => {
    expect(readFileSync(COMMITTED, 'utf8')).toBe(ruleJsonSchemaText());
    expect(readFileSync(COMMITTED.replace('rule.schema.json', 'vocabulary.schema.json'), 'utf8')).toBe(vocabularyJsonSchemaText());
  });

  it('is draft-07, closed to unknown keys, and describes conditions recursively', () => {
    const schema = JSON.parse(ruleJsonSchemaText()) as Record<string, unknown>;
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.additionalProperties).toBe(false);
    expect(JSON.stringify(schema)).toContain('"$ref":"#/definitions/condition"');
  });

  it('is named by every bundled rule file for editor validation', () => {
    for (const file of ruleFiles(PAYER_CORE).filter((f) => !f.endsWith('ruleset.yaml') && !/(^|\/)vocabulary(-[a-z-]+)?\.yaml$/.test(f))) {
      expect(readFileSync(file, 'utf8').split('\n')[0], file).toBe('# yaml-language-server: $schema=../../schemas/rule.schema.json');
    }
  });
});
