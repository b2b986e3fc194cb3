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

interface ParserRun {
  warm: number;
  first: number;
  maxRssMb: number;
  characters: number;
  imagePages: number[];
}

function timeParser(file: string, runs: number, pdfThreads = 1, ocr: 'ocr' | 'no-ocr' = 'no-ocr'): ParserRun {
  const tsx = join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const out = execFileSync(process.execPath, [tsx, join(REPO_ROOT, 'bench', 'parse-once.ts'), file, String(runs), String(pdfThreads), ocr], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const result = JSON.parse(out) as { times: number[]; characters: number; imagePages: number[]; maxRssMb: number };
  return { warm: runs > 1 ? median(result.times.slice(1)) : result.times[0]!, first: result.times[0]!, maxRssMb: result.maxRssMb, characters: result.characters, imagePages: result.imagePages };
}

const RATIO_TARGET = 3;
const MEMORY_TARGET_MB = 300;
/** The memory target names the 90-page HiLabs template. */
const MEMORY_FILE = 'TN_Standard_Template_Redacted.pdf';

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
  const memoryFile = corpusFiles('payer/hilabs_2025', ['.pdf']).find((f) => f.endsWith(MEMORY_FILE));
  if (memoryFile && !pdfs.some((p) => p.file === memoryFile)) pdfs.push({ file: memoryFile, size: statSync(memoryFile).size });
  const poppler = hasPdftotext();
  if (!poppler) console.log('pdftotext not found (install poppler-utils); showing our times without the comparison.');
  console.log('\nParser: PDF parse time vs pdftotext (median of warm runs, same machine, same run)');
  console.log('Both read the text layer only: our parse runs here with OCR off, since pdftotext reads nothing on image-only pages (OCR time is in `pnpm bench ocr`; the memory line below includes it).');
  console.log('Ratios compare one pdf.js thread with single-threaded pdftotext; "2 threads" is what the server uses for a long PDF when nothing else is waiting.');
  console.log('file | chars | image-only pages | ours warm ms | ours first ms | pdftotext ms | ratio | peak RSS MB | 2 threads warm ms | 2 threads ratio');
  let ok = true;
  let totalOurs = 0;
  let totalTwo = 0;
  let totalPoppler = 0;
  for (const { file } of pdfs) {
    const ours = timeParser(file, 4);
    const two = timeParser(file, 4, 2);
    const theirs = poppler ? timePdftotext(file, 5) : NaN;
    totalOurs += ours.warm;
    totalTwo += two.warm;
    totalPoppler += theirs;
    const ratio = ours.warm / theirs;
    console.log(
      `${basename(file).slice(0, 48)} | ${ours.characters} | ${ours.imagePages.join(', ') || '-'} | ${ours.warm.toFixed(0)} | ${ours.first.toFixed(0)} | ${poppler ? theirs.toFixed(0) : '-'} | ${poppler ? ratio.toFixed(2) + 'x' : '-'} | ${ours.maxRssMb.toFixed(0)} | ${two.warm.toFixed(0)} | ${poppler ? (two.warm / theirs).toFixed(2) + 'x' : '-'}`,
    );
  }
  if (poppler) {
    const overall = totalOurs / totalPoppler;
    const met = overall <= RATIO_TARGET;
    console.log(`${met ? 'met' : 'MISSED'}: overall ratio (sum of times) ${overall.toFixed(2)}x pdftotext with one pdf.js thread (target <= ${RATIO_TARGET}x); ${(totalTwo / totalPoppler).toFixed(2)}x with two`);
    if (!met) ok = false;
  }
  if (memoryFile) {
    // Memory as a user's parse uses it: OCR on, so the image-only pages are recognized too.
    const withOcr = timeParser(memoryFile, 1, 1, 'ocr');
    const met = withOcr.maxRssMb < MEMORY_TARGET_MB;
    console.log(
      `${met ? 'met' : 'MISSED'}: peak RSS parsing the 90-page ${MEMORY_FILE} with OCR of its image-only pages (${withOcr.imagePages.join(', ') || 'none'}): ${withOcr.maxRssMb.toFixed(0)} MB in ${(withOcr.first / 1000).toFixed(1)} s (target < ${MEMORY_TARGET_MB} MB, whole process including the TypeScript runtime; see the table for the text layer alone)`,
    );
    if (!met) ok = false;
  }
  return ok;
}
