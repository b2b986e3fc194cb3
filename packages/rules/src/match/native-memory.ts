/**
 * Frees the native memory of compiled patterns nobody uses any more.
 *
 * node-re2 does not tell V8 how much memory a compiled pattern holds outside the JS heap, so V8
 * sees a few small objects and may never collect them: a process that analysed forty contracts
 * with different party names held 10 GB, almost all of it patterns of contracts long evicted from
 * the party cache (see leaf-hits.ts). Collected, the same process stays near 0.5 GB. So when
 * enough evicted patterns have piled up we ask V8 for a full collection ourselves.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Evicted party-specific patterns (each some hundreds of KB natively) tolerated before a collection. */
export const RELEASE_AFTER_PATTERNS = 300;

let pending = 0;
let collect: (() => void) | null | undefined;

function collector(): (() => void) | null {
  if (collect !== undefined) return collect;
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return (collect = exposed);
  try {
    // The flag applies to contexts created after it; a fresh context hands us its `gc`.
    setFlagsFromString('--expose-gc');
    const fromContext: unknown = runInNewContext('gc');
    collect = typeof fromContext === 'function' ? (fromContext as () => void) : null;
  } catch {
    collect = null;
  }
  return collect;
}

/**
 * Record that `count` compiled patterns became garbage; once `RELEASE_AFTER_PATTERNS` have
 * accumulated, run a full collection so their native memory is returned. Returns true when it
 * collected (for tests).
 */
export function retirePatterns(count: number, threshold = RELEASE_AFTER_PATTERNS): boolean {
  pending += count;
  if (pending < threshold) return false;
  pending = 0;
  const gc = collector();
  if (!gc) return false;
  gc();
  return true;
}
