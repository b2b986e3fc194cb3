/**
 * The caller's side of `pdfjs-worker.mjs`: a worker thread that owns pdf.js for one document.
 * Keeps pdf.js off the caller's event loop and out of its heap, and lets a time limit kill a
 * stuck parse outright (a pdf.js call cannot be interrupted in-process).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { FilledBox, PdfItem, RulingSegment } from './pdf-types.ts';

/** A pdf.js failure as it crossed the thread boundary (`name` is e.g. PasswordException). */
export interface PdfJsFailure {
  name: string;
  code?: number;
  message: string;
}

/** Thrown when pdf.js reports an error; `load-pdf.ts` maps it to a ParseError. */
export class PdfJsError extends Error {
  readonly code: number | undefined;
  constructor(failure: PdfJsFailure) {
    super(failure.message);
    this.name = failure.name;
    this.code = failure.code;
  }
}

/** Thrown when the worker was stopped by the time limit or died (out of memory). */
export class PdfWorkerStopped extends Error {
  override readonly name = 'PdfWorkerStopped';
  constructor(readonly reason: 'timeout' | 'crashed', detail: string) {
    super(detail);
  }
}

/** Text items of one page in viewport space. */
export interface PageItems {
  width: number;
  height: number;
  items: PdfItem[];
  chars: number;
}

/** Ruling lines, filled dark boxes and image use of one page. */
export interface PageGraphics {
  rulings: RulingSegment[];
  boxes: FilledBox[];
  hasImages: boolean;
}

/** The largest image of a page as 8-bit grey (dark text on a light ground), for OCR. */
export interface PageImage {
  /** Pixels across and down; 0 when the page paints no image OCR can read. */
  width: number;
  height: number;
  /** `width * height` bytes, row by row from the top, 0 black … 255 white. */
  grey: Uint8Array;
  /** Affine transform [a, b, c, d, e, f] from the image's unit square (y up) to viewport points. */
  transform: number[];
}

type Reply = ({ ok: true } & Record<string, unknown>) | { ok: false; error: PdfJsFailure };
type Pending = { resolve: (reply: Reply) => void; reject: (error: Error) => void };

let assetDir: string | undefined;
// Resolved from this package, not from cwd, so the CLI works from any directory.
function pdfjsAssetDir(): string {
  assetDir ??= createRequire(import.meta.url).resolve('pdfjs-dist/package.json').replace(/package\.json$/, '');
  return assetDir;
}

// Idle pdf.js threads kept for the next document: starting a thread and importing pdf.js costs
// ~150 ms, and a warm thread has its JIT already tuned. Unreferenced, so they never keep the
// process alive.
const idleWorkers: Worker[] = [];
const MAX_IDLE = 2;

function takeWorker(): Worker {
  const reused = idleWorkers.pop();
  if (reused) {
    reused.ref();
    return reused;
  }
  // execArgv: [] keeps the TypeScript loader (and its memory cost) out of the pdf.js thread.
  return new Worker(new URL('./pdfjs-worker.mjs', import.meta.url), { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: 1536 } });
}

/** One open PDF in a pdf.js worker thread. Holds real state (the worker), hence a class. */
export class PdfWorkerClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stopped: PdfWorkerStopped | null = null;
  /** A request failed: the thread may hold what the failing document left behind, so it is not reused. */
  private failed = false;
  private readonly timer: NodeJS.Timeout;
  private readonly onMessage = (reply: Reply & { id: number }) => {
    const pending = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    pending?.resolve(reply);
  };
  private readonly onError = (error: Error) => this.fail(new PdfWorkerStopped('crashed', error.message));
  private readonly onExit = (code: number) => this.fail(new PdfWorkerStopped('crashed', `pdf reader stopped (exit code ${code})`));
  /** Names of the pdf.js fixes the worker applied (see pdfjs-load.mjs); known after `open`. */
  patches: string[] = [];

  constructor(timeoutMs: number) {
    this.worker = takeWorker();
    this.worker.on('message', this.onMessage);
    this.worker.on('error', this.onError);
    this.worker.on('exit', this.onExit);
    this.timer = setTimeout(() => {
      this.fail(new PdfWorkerStopped('timeout', `gave up after ${timeoutMs} ms`));
      void this.worker.terminate();
    }, timeoutMs);
  }

  private fail(error: PdfWorkerStopped): void {
    this.stopped ??= error;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const p of waiting) p.reject(this.stopped);
  }

  /** Several requests may be in flight; the worker answers each by id. */
  private async request(message: Record<string, unknown>, transfer: ArrayBuffer[] = []): Promise<Record<string, unknown>> {
    if (this.stopped) throw this.stopped;
    const id = this.nextId++;
    const reply = await new Promise<Reply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id }, transfer);
    });
    if (!reply.ok) {
      this.failed = true;
      throw new PdfJsError(reply.error);
    }
    return reply;
  }

  /** Open the document (the bytes are copied, then transferred). */
  async open(bytes: Uint8Array, password: string | undefined): Promise<number> {
    const copy = new Uint8Array(bytes);
    const reply = await this.request({ type: 'open', bytes: copy, password, assetDir: pdfjsAssetDir() }, [copy.buffer]);
    this.patches = reply.patches as string[];
    return reply.numPages as number;
  }

  /** Text items of page `page` (1-based). */
  async pageItems(page: number): Promise<PageItems> {
    return (await this.request({ type: 'items', page })) as unknown as PageItems;
  }

  /** Ruling lines and images of page `page`; costly, so ask only when needed. */
  async pageGraphics(page: number): Promise<PageGraphics> {
    return (await this.request({ type: 'graphics', page })) as unknown as PageGraphics;
  }

  /** The pixels of page `page`'s largest image (a scanned page's picture), for OCR. */
  async pageImage(page: number): Promise<PageImage> {
    return (await this.request({ type: 'image', page })) as unknown as PageImage;
  }

  /** Release the document; the thread goes back to the idle pool, or ends if it or a request failed. Safe to call twice. */
  async dispose(): Promise<void> {
    clearTimeout(this.timer);
    // A request still in flight would answer the next document on this thread: end it instead.
    const healthy = !this.stopped && !this.failed && this.pending.size === 0 && (await this.request({ type: 'close' }).then(() => true, () => false));
    this.fail(new PdfWorkerStopped('crashed', 'closed'));
    this.worker.off('message', this.onMessage);
    this.worker.off('error', this.onError);
    this.worker.off('exit', this.onExit);
    if (healthy && idleWorkers.length < MAX_IDLE && !idleWorkers.includes(this.worker)) {
      this.worker.unref();
      idleWorkers.push(this.worker);
    } else {
      await this.worker.terminate();
    }
  }
}
