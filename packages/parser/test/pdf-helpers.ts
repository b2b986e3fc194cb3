/** Shared helpers for the PDF extractor tests: fixture bytes and quick block lookups. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RawBlock } from '../src/raw-document.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'pdf');

/** Bytes of a committed fixture PDF. */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

/** The single block whose text contains `needle`; fails loudly when there are none or several. */
export function blockWith(blocks: readonly RawBlock[], needle: string): RawBlock {
  const found = blocks.filter((b) => b.text.includes(needle));
  if (found.length !== 1) throw new Error(`expected one block containing "${needle}", found ${found.length}`);
  return found[0]!;
}
