import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isParseError } from '@redliner/parser';
import { UsageError } from '../src/cli-error.ts';
import { readInputFile } from '../src/read-input.ts';

const dir = mkdtempSync(join(tmpdir(), 'redliner-read-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('readInputFile', () => {
  it('refuses a device such as /dev/zero as a usage error instead of reading it forever', async () => {
    const error = await failure(readInputFile('/dev/zero'));
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/\/dev\/zero is not a regular file/);
  });

  it('refuses a file over the size cap with FILE_TOO_LARGE, naming both sizes', async () => {
    const path = join(dir, 'big.pdf');
    writeFileSync(path, new Uint8Array(3000));
    const error = await failure(readInputFile(path, 2048));
    expect(isParseError(error) && error.code).toBe('FILE_TOO_LARGE');
    expect((error as Error).message).toMatch(/big\.pdf: this file is .* MB; Redliner reads contracts of at most/);
  });

  it('reads a file at the cap whole', async () => {
    const path = join(dir, 'fits.pdf');
    writeFileSync(path, new Uint8Array(2048).fill(7));
    const bytes = await readInputFile(path, 2048);
    expect(bytes.byteLength).toBe(2048);
    expect(bytes[2047]).toBe(7);
  });
});
