/**
 * Tesseract (tesseract.js, WebAssembly) for the pages of a PDF that are pictures. One
 * recognition runs at a time in a process (each thread of the parse pool has its own engine,
 * and the pool is bounded), in tesseract.js's own worker thread, so the caller's event loop
 * stays free. Nothing is fetched: the language data comes from the installed
 * @tesseract.js-data/eng package and the thread starts with `fetch` disabled (ocr-thread.cjs).
 *
 * A page that takes longer than its time limit has its thread terminated (a WebAssembly call
 * cannot be interrupted otherwise) and the next page starts a fresh one. The engine is ended
 * when no document uses it any more, so a CLI run exits and an idle server holds no memory for it.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pLimit from 'p-limit';
import Tesseract from 'tesseract.js';

const require = createRequire(import.meta.url);

/** Where the English model is read from: the installed package's LSTM ("best_int") data, never a URL. */
export function ocrLanguageDir(): string {
  return join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
}

/** The tesseract.js options every engine is created with (exported so a test can check them). */
export function ocrWorkerOptions(): Partial<Tesseract.WorkerOptions> {
  return {
    langPath: ocrLanguageDir(),
    // 'none': never read or write a cached copy in the working directory.
    cacheMethod: 'none',
    gzip: true,
    workerPath: join(dirname(fileURLToPath(import.meta.url)), 'ocr-thread.cjs'),
    // A failed job rejects its promise; without a handler tesseract.js would also throw it uncaught.
    errorHandler: () => undefined,
  };
}

/** Recognize one encoded image (PGM, PNG, JPEG…) scanned at `dpi`, giving up after `timeoutMs`. */
export type RecognizeImage = (image: Uint8Array, options: { timeoutMs: number; dpi: number }) => Promise<OcrOutcome>;

/** What recognizing one page gave: tesseract's page, or why there is none. */
export type OcrOutcome = { ok: true; page: Tesseract.Page } | { ok: false; reason: 'timeout' | 'failed'; detail: string };

let engine: Promise<Tesseract.Worker> | null = null;
let users = 0;
const lane = pLimit(1);

function startEngine(): Promise<Tesseract.Worker> {
  const started = Tesseract.createWorker('eng', Tesseract.OEM.LSTM_ONLY, ocrWorkerOptions());
  // Text lines are read as text, not as single words or sparse fragments; dpi is set per image.
  return started.then(async (worker) => {
    // Tesseract's own notes ("Detected 42 diacritics") would go to the terminal: into nothing instead.
    await worker.setParameters({ tessedit_pageseg_mode: Tesseract.PSM.AUTO, preserve_interword_spaces: '0', debug_file: '/dev/null' });
    return worker;
  });
}

async function stopEngine(): Promise<void> {
  const current = engine;
  engine = null;
  if (current) await current.then((w) => w.terminate(), () => undefined);
}

/**
 * Use the engine for one document: `fn` gets `recognize`, and the engine is ended after the last
 * document using it finishes.
 */
export async function withOcr<T>(fn: (recognize: RecognizeImage) => Promise<T>): Promise<T> {
  users++;
  try {
    return await fn(recognizeImage);
  } finally {
    users--;
    if (users === 0) await lane(stopEngine);
  }
}

// The engine's start counts toward the first page's time.
const recognizeImage: RecognizeImage = (image, { timeoutMs, dpi }) => {
  return lane(async () => {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    try {
      engine ??= startEngine();
      // Told the resolution, tesseract sizes text right and does not print its own estimate.
      const work = engine.then(async (w) => {
        await w.setParameters({ user_defined_dpi: String(Math.round(dpi)) });
        return w.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength), {}, { blocks: true, text: false });
      });
      const result = await Promise.race([work, expired]);
      if (result === 'timeout') {
        await stopEngine();
        return { ok: false, reason: 'timeout', detail: `no result within ${timeoutMs} ms` };
      }
      return { ok: true, page: result.data };
    } catch (error) {
      await stopEngine();
      return { ok: false, reason: 'failed', detail: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
    }
  });
};
