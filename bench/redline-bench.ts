/**
 * Redline speed: `redline()` writing 100 tracked replacements, each with a comment, over 100
 * distinct paragraphs of the largest DOCX in the shared corpus (Open-XML-PowerTools'
 * WC004-Large.docx when present, otherwise the largest of WC004-Large-Mod.docx and the
 * payer-dev renderings by text length). Findings are made by hand from the parsed document,
 * so the number does not depend on what the ruleset happens to flag. Parse excluded.
 * Target: median of 5 warm runs at most 0.5 s. Run alone: `tsx bench/redline-bench.ts`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument, type ContractDocument } from '@redliner/parser';
import type { Finding } from '@redliner/rules';
import { redline } from '@redliner/redline';
import { corpusFiles, corpusPath, SHARED_DIR, SKIP_MESSAGE } from '../test/support/shared-corpus.ts';
import { median } from './stats.ts';

const TARGET_MS = 500;
const EDITS = 100;
const RUNS = 5;


/** The document to redline: WC004-Large.docx, else the candidate with the most text. */
async function benchDocument(): Promise<{ file: string; bytes: Uint8Array; doc: ContractDocument }> {
  const load = async (file: string) => {
    const bytes = new Uint8Array(readFileSync(file));
    return { file, bytes, doc: await parseDocument(bytes, { name: basename(file) }) };
  };
  const large = corpusPath('docx', 'open-xml-powertools', 'WC004-Large.docx');
  if (existsSync(large)) return load(large);
  const candidates = [corpusPath('docx', 'open-xml-powertools', 'WC004-Large-Mod.docx'), ...corpusFiles('payer-dev/docs', ['.docx'])].filter((f) => existsSync(f));
  const loaded = await Promise.all(candidates.map(load));
  return loaded.sort((a, b) => b.doc.text.length - a.doc.text.length)[0]!;
}

/**
 * One replace finding per paragraph, on `count` paragraphs spread evenly over the document:
 * a run of whole words after the clause label (up to ~40 characters) becomes new wording.
 */
export function spreadFindings(doc: ContractDocument, count: number): Finding[] {
  const eligible = doc.blocks.filter((b) => {
    const body = doc.text.slice(b.start + (b.label?.length ?? 0), b.end);
    return (body.match(/[A-Za-z]{2,}/g) ?? []).length >= 4;
  });
  if (eligible.length < count) throw new Error(`${doc.name}: only ${eligible.length} paragraphs with text, need ${count}`);
  const findings: Finding[] = [];
  for (let i = 0; i < count; i++) {
    const block = eligible[Math.floor((i * eligible.length) / count)]!;
    const bodyStart = block.start + (block.label?.length ?? 0);
    const words = [...doc.text.slice(bodyStart, block.end).matchAll(/\S+/g)];
    const first = words.find((w) => /[A-Za-z]/.test(w[0]))!;
    let last = first;
    for (const w of words) if (w.index! >= first.index! && w.index! + w[0].length - first.index! <= 40) last = w;
    const start = bodyStart + first.index!;
    const end = bodyStart + last.index! + last[0].length;
    const quote = doc.text.slice(start, end);
    const span = { start, end };
    findings.push({
      id: `bench-rule@${start}`,
      ruleId: 'bench-rule',
      concept: 'bench',
      severity: 'medium',
      kind: 'presence',
      message: `Benchmark edit ${i + 1}`,
      explanation: 'Why it **matters**: the payer *controls* this.\n\n- first point\n- second point',
      span,
      quote,
      location: {},
      references: [],
      redline: { op: 'replace', span, text: `revised wording ${i + 1} for ${quote.split(' ')[0]}`, alternatives: [] },
    });
  }
  return findings;
}

/** Time `redline()` on 100 tracked edits with comments; prints the result, returns whether the target was met. */
export async function benchRedline(): Promise<boolean> {
  if (!SHARED_DIR) {
    console.log(`\nRedline: ${SKIP_MESSAGE}`);
    return true;
  }
  const { file, bytes, doc } = await benchDocument();
  const findings = spreadFindings(doc, EDITS);
  const input = { document: doc, findings, original: bytes, options: { author: 'Provider Counsel', date: '2025-02-01T09:00:00Z', audience: 'internal' as const, acceptUndecided: true } };
  const warm = await redline(input);
  const changes = warm.applied.filter((a) => a.change).length;
  const comments = warm.applied.filter((a) => a.comment).length;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await redline(input);
    times.push(performance.now() - started);
  }
  const ms = median(times);
  const met = ms <= TARGET_MS;
  console.log(`\nRedline: redline() with ${EDITS} replace findings, comments on, on ${basename(file)} (${doc.text.length} chars, ${doc.blocks.length} blocks, ${bytes.length} bytes); median of ${RUNS} warm runs, parse excluded`);
  console.log(`tracked changes written: ${changes}, comments: ${comments}, skipped: ${warm.skipped.length}; output ${warm.bytes.length} bytes`);
  console.log(`runs ms: ${times.map((t) => t.toFixed(1)).join(', ')}`);
  console.log(`median ${ms.toFixed(1)} ms vs target ${TARGET_MS} ms: ${met ? 'met' : 'MISSED'}`);
  if (changes < EDITS) console.log(`note: ${EDITS - changes} of the ${EDITS} edits were not written as tracked changes (see skipped).`);
  return met;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const met = await benchRedline();
  if (process.argv.includes('--strict') && !met) process.exitCode = 1;
}
