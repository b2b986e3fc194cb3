/**
 * Other requests while a big export runs: a generated 30,000-paragraph DOCX (the fixture
 * contract repeated; REDLINER_BENCH_EXPORT_PARAGRAPHS to change) is uploaded to a real server
 * on 127.0.0.1, then its redlined DOCX is
 * exported while a light request (GET /api/reviews) is sent every 50 ms. The export runs on a
 * worker thread, so those requests should not wait for it.
 *
 * Reports the export's time and the light requests' latency (median, p95, max) while idle and
 * while exporting. Target: no request waits more than 200 ms during the export.
 * Standalone: `npx tsx bench/export-latency.ts`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { closeParserPool, parseDocument } from '@redliner/parser';
import { startServer } from '@redliner/server';
import { corpusPath, REPO_ROOT, SHARED_DIR } from '../test/support/shared-corpus.ts';
import { median, percentile } from './stats.ts';

const TARGET_MAX_MS = 200;
const PROBE_EVERY_MS = 50;
const PARAGRAPHS = Number(process.env.REDLINER_BENCH_EXPORT_PARAGRAPHS ?? 30_000);

/** Send GET /api/reviews every PROBE_EVERY_MS until `until` settles; latencies in ms. */
async function probe(url: string, until: Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  let done = false;
  void until.finally(() => (done = true));
  while (!done) {
    const start = performance.now();
    const res = await fetch(`${url}/api/reviews`);
    await res.arrayBuffer();
    times.push(performance.now() - start);
    await new Promise((r) => setTimeout(r, PROBE_EVERY_MS));
  }
  return times;
}

const summary = (t: number[]) => `median ${median(t).toFixed(1)} ms, p95 ${percentile(t, 95).toFixed(1)} ms, max ${Math.max(...t).toFixed(1)} ms (${t.length} requests)`;

/**
 * A big contract the parser accepts: the corpus's 50k-paragraphs.docx is now refused at upload
 * (its document.xml is over the 16 MB zip-bomb limit), so the fixture contract's paragraphs are
 * repeated to PARAGRAPHS paragraphs in a new DOCX.
 */
async function bigContract(): Promise<Buffer> {
  const fixture = join(REPO_ROOT, 'test/fixtures/contracts/payer-draft.docx');
  const doc = await parseDocument(new Uint8Array(readFileSync(fixture)), { name: 'payer-draft.docx' });
  const texts = doc.blocks.map((b) => doc.text.slice(b.start, b.end)).filter((t) => t.trim());
  const paragraphs = Array.from({ length: PARAGRAPHS }, (_, i) => new Paragraph({ children: [new TextRun(texts[i % texts.length]!)] }));
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
}

/** Run the benchmark; true when the target is met. */
export async function benchExportLatency(): Promise<boolean> {
  const corpusFile = SHARED_DIR ? corpusPath('hostile', 'large', '50k-paragraphs.docx') : undefined;
  if (corpusFile && existsSync(corpusFile)) console.log('\nExport latency: the corpus 50k-paragraphs.docx is refused at upload (DOCX_TOO_LARGE); a generated contract is used.');
  const bytes = await bigContract();
  const dataDir = mkdtempSync(join(tmpdir(), 'redliner-bench-export-'));
  const server = await startServer({ port: 0, dataDir, logger: false });
  try {
    await server.warmedUp;
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), 'big-contract.docx');
    const uploadStart = performance.now();
    const uploaded = await fetch(`${server.url}/api/reviews`, { method: 'POST', body: form });
    if (uploaded.status !== 201) throw new Error(`upload failed: ${uploaded.status} ${await uploaded.text()}`);
    const review = (await uploaded.json()) as { id: string; findings: unknown[] };
    const uploadMs = performance.now() - uploadStart;

    const idle = await probe(server.url, new Promise((r) => setTimeout(r, 2000)));
    const exportStart = performance.now();
    const exporting = fetch(`${server.url}/api/reviews/${review.id}/export.docx?audience=internal`).then(async (res) => {
      const bytes = (await res.arrayBuffer()).byteLength;
      if (res.status !== 200) throw new Error(`export failed: ${res.status}`);
      return { bytes, ms: performance.now() - exportStart };
    });
    const during = await probe(server.url, exporting);
    const exported = await exporting;

    const worst = Math.max(...during);
    const met = worst <= TARGET_MAX_MS;
    console.log(`\nExport latency: export of a ${PARAGRAPHS}-paragraph DOCX (${review.findings.length} findings; upload took ${(uploadMs / 1000).toFixed(1)} s) while GET /api/reviews runs every ${PROBE_EVERY_MS} ms`);
    console.log(`export: ${(exported.ms / 1000).toFixed(1)} s, ${exported.bytes} bytes`);
    console.log(`other requests idle:      ${summary(idle)}`);
    console.log(`other requests exporting: ${summary(during)}`);
    console.log(`worst wait during export ${worst.toFixed(1)} ms (${(worst / Math.max(1, median(idle))).toFixed(1)}× the idle median) vs target ${TARGET_MAX_MS} ms: ${met ? 'met' : 'MISSED'}`);
    return met;
  } finally {
    await server.close();
    await closeParserPool();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchExportLatency();
}
