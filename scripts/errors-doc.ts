/**
 * `pnpm errors:doc`: writes docs/errors.md from the error registries, so the documented table is
 * never a second definition: API problem codes (packages/server/src/problem-codes.ts), warning
 * codes (packages/server/src/warning-codes.ts), rule
 * error codes (packages/rules/src/errors.ts) and CLI exit codes (packages/cli/src/cli-error.ts).
 * `--check` exits 1 when docs/errors.md differs (test/errors-doc.test.ts runs the same check).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorsMarkdown } from './errors-markdown.ts';

const DOC = join(fileURLToPath(new URL('..', import.meta.url)), 'docs', 'errors.md');

const text = errorsMarkdown();
if (process.argv.includes('--check')) {
  const current = readFileSync(DOC, 'utf8');
  if (current !== text) {
    console.error('docs/errors.md is out of date: run `pnpm errors:doc`.');
    process.exit(1);
  }
} else {
  writeFileSync(DOC, text);
  console.log(`wrote ${DOC}`);
}
