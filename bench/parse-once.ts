/**
 * Child process of the benchmark: parse one file N times in-process and print timings and
 * peak RSS as JSON. A separate process per file keeps memory readings honest.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseDocument } from '@redliner/parser';

const [file, runsArg, threadsArg] = process.argv.slice(2);
if (!file) throw new Error('usage: parse-once FILE [RUNS] [PDF_THREADS]');
const runs = Number(runsArg ?? 3);
const pdfThreads = Number(threadsArg ?? 1);
const bytes = readFileSync(file);
const times: number[] = [];
let characters = 0;
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  const document = await parseDocument(bytes, { name: basename(file), pdfThreads });
  times.push(performance.now() - started);
  characters = document.text.length;
}
process.stdout.write(JSON.stringify({ times, characters, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
