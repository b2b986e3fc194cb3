import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatRuleError, loadRuleset, type RuleError } from '../src/index.ts';
import { fixture } from './helpers.ts';

const result = loadRuleset(fixture('bad-rules'), { concepts: ['evergreen-renewal'] });
const errorsFor = (file: string): RuleError[] => result.errors.filter((e) => basename(e.file) === file);

describe('loading a ruleset with broken rule files', () => {
  it('still loads the valid rule and nothing else', () => {
    expect(result.rules.map((r) => r.id)).toEqual(['good-rule']);
  });

  it.each([
    ['invalid-yaml.yaml', 'RULE_YAML_SYNTAX', 7, 1],
    ['unknown-key.yaml', 'RULE_UNKNOWN_KEY', 4, 1],
    ['wrong-type.yaml', 'RULE_WRONG_TYPE', 11, 11],
    ['bad-pattern.yaml', 'RULE_BAD_PATTERN', 10, 16],
    ['unsafe-pattern.yaml', 'RULE_UNSAFE_PATTERN', 8, 12],
    ['backreference.yaml', 'RULE_UNSAFE_PATTERN', 8, 12],
    ['duplicate-id.yaml', 'RULE_DUPLICATE_ID', 1, 5],
    ['unknown-placeholder.yaml', 'RULE_UNKNOWN_PLACEHOLDER', 10, 16],
    ['unknown-concept.yaml', 'RULE_UNKNOWN_CONCEPT', 2, 10],
    ['missing-key.yaml', 'RULE_MISSING_KEY', 1, 1],
    ['bad-duration.yaml', 'RULE_WRONG_TYPE', 8, 26],
  ])('%s gives exactly one %s at %i:%i', (file, code, line, col) => {
    const errors = errorsFor(file);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code, line, col });
  });

  it('explains what to do instead of an unsafe construct', () => {
    expect(errorsFor('unsafe-pattern.yaml')[0]!.message).toMatch(/lookbehind.*unless/);
    expect(errorsFor('backreference.yaml')[0]!.message).toMatch(/backreferences/);
  });

  it('suggests the key the author probably meant', () => {
    expect(errorsFor('unknown-key.yaml')[0]!.message).toContain('did you mean "severity"');
  });

  it('formats errors as file:line:col CODE message', () => {
    const line = formatRuleError(errorsFor('wrong-type.yaml')[0]!);
    expect(line).toMatch(/wrong-type\.yaml:11:11 RULE_WRONG_TYPE match\.within should be number/);
  });

  it('names the rule an error belongs to when the id was readable', () => {
    expect(errorsFor('unknown-placeholder.yaml')[0]!.ruleId).toBe('unknown-placeholder');
  });

  it('reports an unreadable folder instead of throwing', () => {
    const missing = loadRuleset(fixture('no-such-folder'));
    expect(missing.rules).toEqual([]);
    expect(missing.errors[0]!.code).toBe('RULE_READ_ERROR');
  });
});
