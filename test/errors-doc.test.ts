/**
 * docs/errors.md is generated from the error registries; this fails when someone adds or changes
 * a code without regenerating it (`pnpm errors:doc`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES } from '@redliner/server';
import { errorsMarkdown } from '../scripts/errors-markdown.ts';
import { REPO_ROOT } from './support/shared-corpus.ts';

describe('docs/errors.md', () => {
  const doc = readFileSync(join(REPO_ROOT, 'docs', 'errors.md'), 'utf8');

  it('is what the registries generate (run `pnpm errors:doc` after changing a code)', () => {
    expect(doc).toBe(errorsMarkdown());
  });

  it('has a row for every API problem code with its status', () => {
    for (const [code, spec] of Object.entries(PROBLEM_CODES)) expect(doc).toContain(`| \`${code}\` | ${spec.status} |`);
  });
});
