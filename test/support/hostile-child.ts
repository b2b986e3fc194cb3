/**
 * One hostile file through the library or the CLI, in a process of its own so its memory can be
 * measured alone: prints one JSON line {outcome, code, exit, ms, maxRssMb}. Run by
 * hostile-files.test.ts as `node --import tsx hostile-child.ts library|cli FILE`.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { isParseError, parseDocument } from '@redliner/parser';
import { runCli } from '@redliner/cli';

const [mode, file] = process.argv.slice(2) as ['library' | 'cli', string];
const started = performance.now();
let result: { outcome: 'document' | 'typed' | 'crash'; code?: string; exit?: number; detail?: string };
if (mode === 'library') {
  try {
    await parseDocument(new Uint8Array(readFileSync(file)), { name: basename(file) });
    result = { outcome: 'document' };
  } catch (error) {
    result = isParseError(error) ? { outcome: 'typed', code: error.code } : { outcome: 'crash', detail: String(error).slice(0, 300) };
  }
} else {
  let err = '';
  const exit = await runCli(['parse', file, '--format', 'json'], { out: () => undefined, err: (text) => void (err += text) });
  const code = /\[([A-Z_]+)\]/.exec(err)?.[1] ?? (exit === 2 ? 'USAGE' : undefined);
  result = exit === 0 ? { outcome: 'document', exit } : exit === 1 || exit === 2 ? { outcome: 'typed', exit, ...(code ? { code } : {}) } : { outcome: 'crash', exit, detail: err.slice(0, 300) };
}
const ms = Math.round(performance.now() - started);
process.stdout.write(`${JSON.stringify({ ...result, ms, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
// pdf.js threads are unreferenced; nothing else should keep the process alive, but do not wait on it.
process.exit(0);
