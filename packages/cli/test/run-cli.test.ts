import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from './run.ts';

const formats = (name: string) => fileURLToPath(new URL(`../../parser/test/fixtures/formats/${name}`, import.meta.url));

describe('redliner CLI', () => {
  it('prints usage with --help and exits 0', async () => {
    const result = await run('--help');
    expect(result.code).toBe(0);
    expect(result.out).toContain('parse FILE');
  });

  it('rejects an unknown command with a hint', async () => {
    const result = await run('frobnicate');
    expect(result.code).toBe(2);
    expect(result.err).toContain('unknown command "frobnicate"');
    expect(result.out).toBe('');
  });

  it('reports a missing file as a usage error naming the path', async () => {
    const result = await run('parse', '/nonexistent/contract.pdf');
    expect(result.code).toBe(2);
    expect(result.err).toContain('/nonexistent/contract.pdf: no such file');
  });

  it('rejects an unknown --format value', async () => {
    const result = await run('parse', formats('contract.txt'), '--format', 'html');
    expect(result.code).toBe(2);
    expect(result.err).toContain('--format must be one of text, json, markdown');
  });

  it('reports an unsupported file with its code on stderr and nothing on stdout', async () => {
    const result = await run('parse', formats('legacy-word97.doc'), '--format', 'json');
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toMatch(/^redliner: error \[UNSUPPORTED_FORMAT\] legacy-word97\.doc: .*Word 97-2003/);
  });

  it('reports an unknown option without a stack trace', async () => {
    const result = await run('parse', formats('contract.txt'), '--colour');
    expect(result.code).toBe(2);
    expect(result.err).toContain("Unknown option '--colour'");
    expect(result.err).not.toContain('    at ');
  });
});
