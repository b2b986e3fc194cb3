/**
 * Links from the checklist to a clause of the contract: the address fragment names the
 * clause's offset in the document text ("#clause-41689"), which survives re-renders and
 * needs no block ids from the engine.
 */
import type { Block } from '../types.ts';

const PREFIX = 'clause-';

/** The fragment (without "#") that opens the contract at the clause starting at `offset`. */
export function clauseHash(offset: number): string {
  return `${PREFIX}${offset}`;
}

/** The offset a clause fragment points at, or null when `hash` is something else (a finding id). */
export function clauseOffset(hash: string): number | null {
  const match = /^clause-(\d+)$/.exec(hash);
  return match ? Number(match[1]) : null;
}

/** The block containing `offset`, or else the last block before it (where inserted language would go). */
export function blockAtOffset(blocks: readonly Block[], offset: number): Block | undefined {
  let best: Block | undefined;
  for (const block of blocks) {
    if (block.start <= offset) best = block;
    if (block.start <= offset && offset < block.end) return block;
  }
  return best;
}
