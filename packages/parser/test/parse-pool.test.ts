import { afterAll, describe, expect, it } from 'vitest';
import { closeParserPool, parseDocumentOffThread, parserQueue, ParserBusyError } from '../src/parse-pool.ts';
import { fixture } from './pdf-helpers.ts';

afterAll(() => closeParserPool());

const flow = fixture('flow.pdf');

describe('parseDocumentOffThread: queueing', () => {
  it('starts parses in the order they were asked for', async () => {
    const started: number[] = [];
    const count = parserQueue().slots * 4;
    const documents = await Promise.all(Array.from({ length: count }, (_, i) => parseDocumentOffThread(flow, { name: `flow-${i}.pdf` }, { onStart: () => started.push(i) })));
    expect(started).toEqual(Array.from({ length: count }, (_, i) => i));
    expect(documents.map((d) => d.name)).toEqual(Array.from({ length: count }, (_, i) => `flow-${i}.pdf`));
  });

  it('refuses at once, with ParserBusyError, when the queue is full', async () => {
    const { slots } = parserQueue();
    const results = await Promise.allSettled(Array.from({ length: slots + 3 }, (_, i) => parseDocumentOffThread(flow, { name: `busy-${i}.pdf` }, { maxQueued: 1 })));
    // `slots` run at once and one may wait; the rest are refused without waiting.
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(slots + 1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as unknown);
    expect(refused).toHaveLength(2);
    for (const reason of refused) expect(reason).toBeInstanceOf(ParserBusyError);
  });

  it('does not count time spent waiting for a turn against the time limit', async () => {
    // Measure one warm parse, then queue far more than the limit's worth of them behind each other.
    const t0 = performance.now();
    await parseDocumentOffThread(flow, { name: 'warm.pdf' });
    const one = Math.max(20, performance.now() - t0);
    const timeoutMs = Math.round(10 * one + 500);
    const count = Math.ceil((3 * timeoutMs) / one) * parserQueue().slots;
    const asked = performance.now();
    let lastStart = asked;
    const results = await Promise.allSettled(
      Array.from({ length: count }, (_, i) => parseDocumentOffThread(flow, { name: `queued-${i}.pdf` }, { timeoutMs, maxQueued: count, onStart: () => (lastStart = performance.now()) })),
    );
    // The precondition that makes this test meaningful: the last parse waited longer than the limit.
    expect(lastStart - asked).toBeGreaterThan(timeoutMs);
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
  });
});

describe('parseDocumentOffThread: scanned pages', () => {
  it('recognizes them in the worker, forwards progress, and gives OCR its own time on top of the limit', async () => {
    const seen: string[] = [];
    // 1 s would not even start the engine; each scanned page adds its own OCR limit to it.
    const document = await parseDocumentOffThread(fixture('scanned-text.pdf'), { name: 'scanned-text.pdf', onProgress: (p) => seen.push(`${p.done}/${p.total}`) }, { timeoutMs: 1_000 });
    expect(document.text).toContain('6.2 Recoupment. Plan may recover any overpayment');
    expect(document.warnings.map((w) => w.code)).toEqual(['PDF_OCR_PAGE']);
    expect(seen).toEqual(['0/1', '1/1']);
  }, 60_000);

  it('passes OCR off to the worker', async () => {
    await expect(parseDocumentOffThread(fixture('scanned-text.pdf'), { name: 'scanned-text.pdf', ocr: false })).rejects.toMatchObject({ code: 'PDF_SCANNED' });
  });
});
