/**
 * The package-boundary lint rule catches what it is there for. Each fixture in
 * test/fixtures/lint/ is linted as if it sat at a path inside a package (the whole-repo lint
 * skips that folder), and must fail, or pass, with the boundary rule's own message.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../lint/boundaries.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RULE = '@typescript-eslint/no-restricted-imports';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The boundary messages from linting `fixture` as though it were the file at `asPath`. */
async function boundaryMessages(fixture: string, asPath: string): Promise<Array<{ line: number; message: string }>> {
  const text = readFileSync(new URL(`fixtures/lint/${fixture}`, import.meta.url), 'utf8');
  const [result] = await eslint.lintText(text, { filePath: `${ROOT}${asPath}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === RULE).map((m) => ({ line: m.line, message: m.message }));
}

describe('package boundaries lint', () => {
  it('refuses an upward import: the parser importing the server', async () => {
    const found = await boundaryMessages('parser-imports-server.ts', 'packages/parser/src/lint-fixture.ts');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain(MESSAGES.upward('parser', 'server'));
  });

  it('lets the same import through from the CLI, which sits above the server', async () => {
    expect(await boundaryMessages('parser-imports-server.ts', 'packages/cli/src/lint-fixture.ts')).toEqual([]);
  });

  it("refuses the web app importing another package's code, but not its types", async () => {
    const found = await boundaryMessages('web-imports-rules-code.ts', 'packages/web/src/lint-fixture.ts');
    expect(found).toEqual([{ line: 4, message: expect.stringContaining(MESSAGES.webTypesOnly) }]);
    expect(await boundaryMessages('web-imports-types.ts', 'packages/web/src/lint-fixture.ts')).toEqual([]);
  });

  it("refuses reaching into another package's src/, by relative path or deep import", async () => {
    const found = await boundaryMessages('reaches-into-src.ts', 'packages/server/test/lint-fixture.test.ts');
    expect(found.map((m) => m.line)).toEqual([3, 4]);
    expect(found[0]!.message).toContain(MESSAGES.reachIn);
    expect(found[1]!.message).toContain(MESSAGES.internals);
  });

  it('applies to the root benches too', async () => {
    const found = await boundaryMessages('reaches-into-src.ts', 'bench/lint-fixture.ts');
    expect(found).toHaveLength(2);
  });
});
