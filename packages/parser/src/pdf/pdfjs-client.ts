/**
 * The caller's side of `pdfjs-worker.mjs`: a worker thread that owns pdf.js for one document.
 * Keeps pdf.js off the caller's event loop and out of its heap, and lets a time limit kill a
 * stuck parse outright (a pdf.js call cannot be interrupted in-process).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { PageGraphics, PageImage, PageItems, PdfJsFailure, PdfjsAnswers, PdfjsReply, PdfjsRequest, PdfjsRequestType } from './pdfjs-protocol.ts';

/** Thrown when pdf.js reports an error; `load-pdf.ts` maps it to a ParseError. */
export class PdfJsError extends Error {
  readonly code: number | string | undefined;
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

type Pending = { resolve: (reply: PdfjsReply) => void; reject: (error: Error) => void };
/** A request before `request` numbers it. */
type Unsent<T extends PdfjsRequestType> = Omit<PdfjsRequest<T>, 'id'>;

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
  private readonly onMessage = (reply: PdfjsReply) => {
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
  private async request<T extends PdfjsRequestType>(message: Unsent<T>, transfer: ArrayBuffer[] = []): Promise<PdfjsAnswers[T]> {
    if (this.stopped) throw this.stopped;
    const id = this.nextId++;
    // The id ties the reply to this request, so it answers this request's type.
    const reply = (await new Promise<PdfjsReply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id }, transfer);
    })) as PdfjsReply<T>;
    if (!reply.ok) {
      this.failed = true;
      throw new PdfJsError(reply.error);
    }
    return reply;
  }

  /** Open the document (the bytes are copied, then transferred). */
  async open(bytes: Uint8Array, password: string | undefined): Promise<number> {
    const copy = new Uint8Array(bytes);
    const reply = await this.request<'open'>({ type: 'open', bytes: copy, password, assetDir: pdfjsAssetDir() }, [copy.buffer]);
    this.patches = reply.patches;
    return reply.numPages;
  }

  /** Text items of page `page` (1-based). */
  async pageItems(page: number): Promise<PageItems> {
    return this.request<'items'>({ type: 'items', page });
  }

  /** Ruling lines and images of page `page`; costly, so ask only when needed. */
  async pageGraphics(page: number): Promise<PageGraphics> {
    return this.request<'graphics'>({ type: 'graphics', page });
  }

  /** The pixels of page `page`'s largest image (a scanned page's picture), for OCR. */
  async pageImage(page: number): Promise<PageImage> {
    return this.request<'image'>({ type: 'image', page });
  }

  /** Release the document; the thread goes back to the idle pool, or ends if it or a request failed. Safe to call twice. */
  async dispose(): Promise<void> {
    clearTimeout(this.timer);
    // A request still in flight would answer the next document on this thread: end it instead.
    const healthy = !this.stopped && !this.failed && this.pending.size === 0 && (await this.request<'close'>({ type: 'close' }).then(() => true, () => false));
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
