/**
 * Patterns RE2 has already checked, remembered on disk between runs. Checking a pattern means
 * compiling it, and the bundled ruleset's phrases expand to megabytes of patterns: checking
 * every one again on each load cost seconds per command. A pattern is remembered only after it
 * compiled and did not match empty text, under this RE2 version and these flags, so a
 * remembered pattern is one that would pass again. The file holds hashes of rule patterns,
 * never contract text; a missing, damaged or unwritable file only costs the check.
 *
 * Where: `$REDLINER_CACHE_DIR`, else `$XDG_CACHE_HOME/redliner`, else `~/.cache/redliner`;
 * `REDLINER_CACHE_DIR=off` turns it off.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';

const RE2_VERSION = (createRequire(import.meta.url)('re2/package.json') as { version: string }).version;

interface Store {
  file: string | null;
  known: Set<string>;
  added: number;
}

let store: Store | undefined;
const KEEP = 50_000;

function cacheFile(): string | null {
  const configured = process.env.REDLINER_CACHE_DIR;
  if (configured === 'off') return null;
  const dir = configured || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'redliner');
  return join(dir, `checked-patterns-re2-${RE2_VERSION}.txt`);
}

function open(): Store {
  if (store) return store;
  const file = cacheFile();
  let known = new Set<string>();
  if (file) {
    try {
      known = new Set(readFileSync(file, 'utf8').split('\n').filter((line) => /^[0-9a-f]{32}$/.test(line)));
    } catch {
      // No file yet, or unreadable: every pattern is checked.
    }
  }
  store = { file, known, added: 0 };
  return store;
}

const keyOf = (source: string, flags: string) => createHash('sha256').update(flags).update('\0').update(source).digest('hex').slice(0, 32);

/** Whether `source` compiled with `flags` passed the check in an earlier run (or earlier in this one). */
export function wasChecked(source: string, flags: string): boolean {
  return open().known.has(keyOf(source, flags));
}

/** Remember that `source` with `flags` passed the check. */
export function rememberChecked(source: string, flags: string): void {
  const s = open();
  const key = keyOf(source, flags);
  if (s.known.has(key)) return;
  s.known.add(key);
  s.added++;
}

/** Write what this run learned (whole file, replaced atomically, so a reader never sees half of it). */
export function saveChecked(): void {
  const s = store;
  if (!s?.file || s.added === 0) return;
  const temp = `${s.file}.${process.pid}.tmp`;
  // Rule authors' edits keep adding patterns: the newest are kept.
  const keys = [...s.known].slice(-KEEP);
  try {
    mkdirSync(join(s.file, '..'), { recursive: true });
    writeFileSync(temp, `${keys.join('\n')}\n`, { mode: 0o600 });
    renameSync(temp, s.file);
    s.added = 0;
  } catch {
    // A read-only home or a full disk: the next run checks again.
  }
}
