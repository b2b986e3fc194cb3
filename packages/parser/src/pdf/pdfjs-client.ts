/**
 * The caller's side of `pdfjs-worker.mjs`: a worker thread that owns pdf.js for one document.
 * Keeps pdf.js off the caller's event loop and out of its heap, and lets a time limit kill a
 * stuck parse outright (a pdf.js call cannot be interrupted in-process).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { PdfItem, RulingSegment } from './pdf-types.ts';

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

/** Ruling lines and image use of one page. */
export interface PageGraphics {
  rulings: RulingSegment[];
  hasImages: boolean;
}

type Reply = { ok: true } & Record<string, unknown> | { ok: false; error: PdfJsFailure };

let assetDir: string | undefined;
// Resolved from this package, not from cwd, so the CLI works from any directory.
function pdfjsAssetDir(): string {
  assetDir ??= createRequire(import.meta.url).resolve('pdfjs-dist/package.json').replace(/package\.json$/, '');
  return assetDir;
}

/** One open PDF in its own worker thread. Holds real state (the worker), hence a class. */
export class PdfWorkerClient {
  private readonly worker: Worker;
  private pending: { resolve: (reply: Reply) => void; reject: (error: Error) => void } | null = null;
  private stopped: PdfWorkerStopped | null = null;
  private readonly timer: NodeJS.Timeout;

  constructor(timeoutMs: number) {
    // execArgv: [] keeps the TypeScript loader (and its memory cost) out of the pdf.js thread.
    this.worker = new Worker(new URL('./pdfjs-worker.mjs', import.meta.url), { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: 1536 } });
    this.worker.on('message', (reply: Reply) => this.settle((p) => p.resolve(reply)));
    this.worker.on('error', (error) => this.fail(new PdfWorkerStopped('crashed', error.message)));
    this.worker.on('exit', (code) => this.fail(new PdfWorkerStopped('crashed', `pdf reader stopped (exit code ${code})`)));
    this.timer = setTimeout(() => {
      this.fail(new PdfWorkerStopped('timeout', `gave up after ${timeoutMs} ms`));
      void this.worker.terminate();
    }, timeoutMs);
  }

  private settle(action: (p: NonNullable<PdfWorkerClient['pending']>) => void): void {
    const pending = this.pending;
    this.pending = null;
    if (pending) action(pending);
  }

  private fail(error: PdfWorkerStopped): void {
    this.stopped ??= error;
    this.settle((p) => p.reject(this.stopped ?? error));
  }

  private async request(message: Record<string, unknown>, transfer: ArrayBuffer[] = []): Promise<Record<string, unknown>> {
    if (this.stopped) throw this.stopped;
    const reply = await new Promise<Reply>((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage(message, transfer);
    });
    if (!reply.ok) throw new PdfJsError(reply.error);
    return reply;
  }

  /** Open the document (the bytes are copied, then transferred). */
  async open(bytes: Uint8Array, password: string | undefined): Promise<number> {
    const copy = new Uint8Array(bytes);
    const reply = await this.request({ type: 'open', bytes: copy, password, assetDir: pdfjsAssetDir() }, [copy.buffer]);
    return reply.numPages as number;
  }

  /** Text items of page `page` (1-based). Earlier pages are released in the worker. */
  async pageItems(page: number): Promise<PageItems> {
    return (await this.request({ type: 'items', page })) as unknown as PageItems;
  }

  /** Ruling lines and images of page `page`; costly, so ask only when needed. */
  async pageGraphics(page: number): Promise<PageGraphics> {
    return (await this.request({ type: 'graphics', page })) as unknown as PageGraphics;
  }

  /** Release pdf.js resources and end the thread. Safe to call twice. */
  async dispose(): Promise<void> {
    clearTimeout(this.timer);
    this.worker.removeAllListeners('exit');
    this.worker.on('exit', () => undefined);
    if (!this.stopped) await this.request({ type: 'close' }).catch(() => undefined);
    this.stopped ??= new PdfWorkerStopped('crashed', 'closed');
    await this.worker.terminate();
  }
}
