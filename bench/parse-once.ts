/**
 * Child process of the benchmark: parse one file N times in-process and print timings, the
 * image-only pages and peak RSS as JSON. A separate process per file keeps memory readings honest.
 * `ocr` (default) reads image-only pages with OCR as a user's parse does; `no-ocr` reads only the
 * text layer, which is what `pdftotext` reads.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseDocument } from '@redliner/parser';

const [file, runsArg, threadsArg, ocrArg] = process.argv.slice(2);
if (!file || (ocrArg !== undefined && ocrArg !== 'ocr' && ocrArg !== 'no-ocr')) throw new Error('usage: parse-once FILE [RUNS] [PDF_THREADS] [ocr|no-ocr]');
const runs = Number(runsArg ?? 3);
const pdfThreads = Number(threadsArg ?? 1);
const ocr = ocrArg !== 'no-ocr';
const bytes = readFileSync(file);
const times: number[] = [];
let characters = 0;
let imagePages: number[] = [];
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  const document = await parseDocument(bytes, { name: basename(file), pdfThreads, ocr });
  times.push(performance.now() - started);
  characters = document.text.length;
  imagePages = document.warnings.filter((w) => w.code === 'PDF_IMAGE_ONLY_PAGES' || w.code === 'PDF_OCR_PAGE').flatMap((w) => w.pages ?? []);
}
process.stdout.write(JSON.stringify({ times, characters, imagePages, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
