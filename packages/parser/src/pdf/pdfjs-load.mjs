// @ts-check
/**
 * Loads pdf.js for `pdfjs-worker.mjs`, with four fixes for hot spots of pdfjs-dist 5.5.207 in
 * Node 20, found with --cpu-prof on the largest corpus PDF. Together they cut the CPU time of
 * `getTextContent` for its 90 pages from about 1.9 s to 0.65 s (push 1.65 s, then the source
 * edits 1.0 s, then inflation 0.65 s; medians of interleaved runs) with identical output on all 53
 * corpus PDFs. Plain JavaScript for the same reason as the worker (no TypeScript loader in the
 * pdf.js thread).
 *
 * 1. The legacy build's core-js polyfills replace `Array.prototype.push` with a JavaScript
 *    function on Node 20 (core-js's test for two edge cases, lengths near 2^32 and arrays with a
 *    read-only length, fails on this V8; pdf.js relies on neither). Every push in the thread then
 *    runs that function. The native push is put back once pdf.js has loaded.
 * 2. Two edits to the pdf.js worker code (pdf.worker.mjs), kept as a pnpm patch
 *    (patches/pdfjs-dist@5.5.207.patch, applied at install; `workerEdits()` tells whether
 *    the installed copy has them, and a test checks it):
 *    - getTextContent saved and restored the graphics state twice per q/Q (the operator
 *      preprocessor already does it). Upstream removed the second pair in mozilla/pdf.js#20904;
 *      output is identical.
 *    - TextState.clone used `Object.create(this)`, which turns every cloned state into a
 *      prototype; V8 then gives each its own map and the text loop goes megamorphic (`clone`
 *      alone was a sixth of the profile). A plain copy has the same own properties and methods.
 * 3. pdf.js inflates each page's content stream through the web `DecompressionStream`; in Node
 *    that is zlib behind two web streams, chunk by chunk, which cost a third of getTextContent
 *    once (1) and (2) were in. This thread has nothing else to do, so `deflate` is inflated in
 *    one synchronous zlib call instead. A stream zlib rejects (damaged, truncated) fails the same
 *    way as before, and pdf.js falls back to its own inflater as it did.
 *
 * 4. A third edit to pdf.worker.mjs (same patch) lets the thread leave text drawing out of
 *    operator lists: with `globalThis.pdfjsSkipTextDrawing` set, `getOperatorList` skips the four
 *    text-showing operators (Tj, TJ, ', ") instead of turning each string into glyph objects and
 *    glyph outlines (pdf.js builds outlines for every glyph when fonts are not loaded as CSS font
 *    faces, which is always the case in Node) and copying all of them across pdf.js's in-thread
 *    message port. This thread reads operator lists only for rulings, filled boxes and images
 *    (pdfjs-worker.mjs, pdfjs-images.mjs); text comes from `getTextContent`, which the edit does
 *    not touch. Operator lists of all 90 pages of the HiLabs template: about 1.26 s of CPU before,
 *    0.8 s after (medians of interleaved warm runs on a busy machine); a whole parse of it, 4–6%
 *    less CPU. Rulings, boxes, image use and parse output are identical on every corpus and
 *    fixture PDF (95 files, 933 pages).
 *
 * The synchronous inflater is also where decompression bombs are stopped: pdf.js inflates page
 * contents, fonts and images through it, and nothing in pdf.js bounds a stream's decoded size (a
 * 1 MB stream of zeros became 1 GB, 3.3 GB of memory in all). zlib stops at `MAX_STREAM_BYTES`;
 * the stream then reads as empty (throwing would make pdf.js retry with its own unbounded
 * inflater) and `takeStreamTooLarge()` tells the worker to fail the request.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';

/**
 * The part of a `DecompressionStream` pdf.js uses; a native one has it too, which lets the
 * replacement below hand out a native stream for the formats it leaves alone.
 * @typedef {{
 *   writable: { getWriter(): { ready: Promise<void>, write(chunk: Uint8Array): Promise<void>, close(): Promise<void> } },
 *   readable: AsyncIterable<Uint8Array>,
 * }} Inflater
 */

const require = createRequire(import.meta.url);

/** The largest decoded stream: far above any page's text (a dense page is under 1 MB), an 8-megapixel RGB image fits. */
export const MAX_STREAM_BYTES = 64 * 1024 * 1024;

let streamTooLarge = false;

/** True once if a stream was cut at `MAX_STREAM_BYTES` since the last call. */
export function takeStreamTooLarge() {
  const seen = streamTooLarge;
  streamTooLarge = false;
  return seen;
}

/**
 * @param {Uint8Array} bytes
 * @returns {Uint8Array}
 */
function boundedInflate(bytes) {
  try {
    return inflateSync(bytes, { maxOutputLength: MAX_STREAM_BYTES });
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException | undefined} */ (error)?.code !== 'ERR_BUFFER_TOO_LARGE') throw error;
    streamTooLarge = true;
    return new Uint8Array(0);
  }
}

/**
 * Which edits of patches/pdfjs-dist@5.5.207.patch the installed pdf.js worker has, by name.
 * @param {string} workerPath
 * @returns {string[]}
 */
function workerEdits(workerPath) {
  const source = readFileSync(workerPath, 'utf8');
  const edits = source.includes('Object.assign(new TextState(), this)') ? ['text-content-double-save', 'text-state-clone'] : [];
  if (source.includes('globalThis.pdfjsSkipTextDrawing')) edits.push('skip-text-drawing');
  return edits;
}

/** Replace `DecompressionStream` in this thread with one that inflates `deflate` synchronously. */
function installSyncInflate() {
  const Native = globalThis.DecompressionStream;
  // Only the members pdf.js uses (getWriter → write/close, async iteration of readable).
  class InflateAtOnce {
    /** @param {ConstructorParameters<typeof DecompressionStream>[0]} format */
    constructor(format) {
      if (format !== 'deflate') return new Native(format);
      /** @type {Uint8Array[]} */
      const chunks = [];
      /** @type {Inflater['writable']} */
      this.writable = {
        getWriter: () => ({
          ready: Promise.resolve(),
          write: async (chunk) => {
            chunks.push(chunk);
          },
          close: async () => undefined,
        }),
      };
      /** @type {Inflater['readable']} */
      this.readable = {
        async *[Symbol.asyncIterator]() {
          yield boundedInflate(Buffer.concat(chunks));
        },
      };
    }
  }
  // Not a whole DecompressionStream, only what pdf.js calls on one (see `Inflater`).
  globalThis.DecompressionStream = /** @type {typeof DecompressionStream} */ (/** @type {unknown} */ (InflateAtOnce));
}

/**
 * Import pdf.js (legacy build) with the fixes above. Must run before any other pdf.js import in
 * the thread. Returns the API functions the worker uses and the names of the patches applied.
 */
export async function loadPdfjs() {
  const nativePush = Array.prototype.push;
  const api = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const workerPath = require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
  // pdf.js uses `globalThis.pdfjsWorker` (set by the worker module) instead of its own worker file.
  await import(workerPath);
  const patches = workerEdits(workerPath);
  // Nothing in this thread draws text from an operator list (see 4. above).
  if (patches.includes('skip-text-drawing')) /** @type {{ pdfjsSkipTextDrawing?: boolean }} */ (globalThis).pdfjsSkipTextDrawing = true;
  installSyncInflate();
  patches.push('sync-inflate');
  if (Array.prototype.push !== nativePush) {
    Object.defineProperty(Array.prototype, 'push', { value: nativePush, writable: true, configurable: true, enumerable: false });
    patches.push('native-array-push');
  }
  return { getDocument: api.getDocument, OPS: api.OPS, patches };
}
