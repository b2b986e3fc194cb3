/**
 * Parser speed and memory: our PDF parse against poppler's `pdftotext` on the same files in
 * the same run, reported as ratios (absolute times vary by machine; ratios do not, much).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { corpusFiles, REPO_ROOT, SHARED_DIR, SKIP_MESSAGE } from '../test/support/shared-corpus.ts';
import { median } from './stats.ts';

function hasPdftotext(): boolean {
  return spawnSync('pdftotext', ['-v']).error === undefined;
}

function timePdftotext(file: string, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    execFileSync('pdftotext', [file, '-'], { stdio: ['ignore', 'ignore', 'ignore'] });
    times.push(performance.now() - started);
  }
  return median(times);
}

function timeParser(file: string, runs: number, pdfThreads = 1): { warm: number; first: number; maxRssMb: number; characters: number } {
  const tsx = join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const out = execFileSync(process.execPath, [tsx, join(REPO_ROOT, 'bench', 'parse-once.ts'), file, String(runs), String(pdfThreads)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const result = JSON.parse(out) as { times: number[]; characters: number; maxRssMb: number };
  return { warm: median(result.times.slice(1)), first: result.times[0]!, maxRssMb: result.maxRssMb, characters: result.characters };
}

/** Run the parser benchmark and print a table. Returns false when a target is missed. */
export function benchParser(): boolean {
  if (!SHARED_DIR) {
    console.log(`parser benchmark: ${SKIP_MESSAGE}`);
    return true;
  }
  const pdfs = [...corpusFiles('payer/hilabs_2025', ['.pdf']), ...corpusFiles('cuad/pdf', ['.pdf']), ...corpusFiles('payer-dev/docs', ['.pdf'])]
    .map((file) => ({ file, size: statSync(file).size }))
    .sort((a, b) => b.size - a.size)
    .slice(0, 5);
  // The memory target names the 61-page HiLabs agreement; always include it.
  const memoryFile = corpusFiles('payer/hilabs_2025', ['.pdf']).find((f) => f.endsWith('TN_Contract3_Redacted.pdf'));
  if (memoryFile && !pdfs.some((p) => p.file === memoryFile)) pdfs.push({ file: memoryFile, size: statSync(memoryFile).size });
  const poppler = hasPdftotext();
  if (!poppler) console.log('pdftotext not found (install poppler-utils); showing our times without the comparison.');
  console.log('\nParser: PDF parse time vs pdftotext (median of warm runs, same machine, same run)');
  console.log('Ratios compare one pdf.js thread with single-threaded pdftotext; "2 threads" is what the server uses for a long PDF when nothing else is waiting.');
  console.log('file | chars | ours warm ms | ours first ms | pdftotext ms | ratio | peak RSS MB | 2 threads warm ms | 2 threads ratio');
  let ok = true;
  let totalOurs = 0;
  let totalTwo = 0;
  let totalPoppler = 0;
  let memoryLine = '';
  for (const { file } of pdfs) {
    const ours = timeParser(file, 4);
    const two = timeParser(file, 4, 2);
    const theirs = poppler ? timePdftotext(file, 5) : NaN;
    totalOurs += ours.warm;
    totalTwo += two.warm;
    totalPoppler += theirs;
    const ratio = ours.warm / theirs;
    console.log(
      `${basename(file).slice(0, 48)} | ${ours.characters} | ${ours.warm.toFixed(0)} | ${ours.first.toFixed(0)} | ${poppler ? theirs.toFixed(0) : '-'} | ${poppler ? ratio.toFixed(2) + 'x' : '-'} | ${ours.maxRssMb.toFixed(0)} | ${two.warm.toFixed(0)} | ${poppler ? (two.warm / theirs).toFixed(2) + 'x' : '-'}`,
    );
    if (file === memoryFile) {
      memoryLine = `peak RSS on the 61-page ${basename(file)}: ${ours.maxRssMb.toFixed(0)} MB (target < 300 MB, whole process including the TypeScript runtime)`;
      if (ours.maxRssMb >= 300) ok = false;
    }
  }
  if (memoryLine) console.log(memoryLine);
  if (poppler) {
    const overall = totalOurs / totalPoppler;
    console.log(`overall ratio (sum of times): ${overall.toFixed(2)}x pdftotext with one pdf.js thread (target <= 3x); ${(totalTwo / totalPoppler).toFixed(2)}x with two`);
    if (overall > 3) ok = false;
  }
  return ok;
}
