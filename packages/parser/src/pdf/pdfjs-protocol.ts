/**
 * The messages between `pdfjs-client.ts` (the caller) and `pdfjs-worker.mjs` (the pdf.js
 * thread), written once so both sides are checked against the same shapes: the client imports
 * them, the thread's JavaScript reads them through JSDoc (`import('./pdfjs-protocol.ts')`).
 * Types only: the thread runs without the TypeScript loader and must never import this at run
 * time.
 */
import type { FilledBox, PdfItem, RulingSegment } from './pdf-types.ts';

/** What each request asks for, by its `type`; the thread answers with the same-named member of `PdfjsAnswers`. */
export interface PdfjsRequests {
  /** Open one document; the thread holds it until `close`. `bytes` are transferred, not copied. */
  open: { bytes: Uint8Array; password?: string | undefined; assetDir: string };
  /** Text items of page `page` (1-based). */
  items: { page: number };
  /** Ruling lines, dark boxes and image use of page `page`. */
  graphics: { page: number };
  /** The largest image of page `page`, for OCR. */
  image: { page: number };
  /** Release the document, so the thread can take the next one. */
  close: Record<never, never>;
}

/** A request type: `open`, `items`, `graphics`, `image` or `close`. */
export type PdfjsRequestType = keyof PdfjsRequests;

/**
 * A request as posted to the thread. Generic in its type so that a handler table indexed by
 * `type` checks (TypeScript's correlated-union pattern); the default is the union of all.
 */
export type PdfjsRequest<T extends PdfjsRequestType = PdfjsRequestType> = {
  [K in T]: { id: number; type: K } & PdfjsRequests[K];
}[T];

/** Answer to `open`. */
export interface Opened {
  numPages: number;
  /** Names of the pdf.js fixes the thread applied (see pdfjs-load.mjs). */
  patches: string[];
}

/** Text items of one page in viewport space; answer to `items`. */
export interface PageItems {
  width: number;
  height: number;
  items: PdfItem[];
  /** Non-whitespace characters of the page's text layer. */
  chars: number;
}

/** Ruling lines, filled dark boxes and image use of one page; answer to `graphics`. */
export interface PageGraphics {
  rulings: RulingSegment[];
  boxes: FilledBox[];
  hasImages: boolean;
}

/** The largest image of a page as 8-bit grey (dark text on a light ground), for OCR; answer to `image`. */
export interface PageImage {
  /** Pixels across and down; 0 when the page paints no image OCR can read. */
  width: number;
  height: number;
  /** `width * height` bytes, row by row from the top, 0 black … 255 white. Transferred, not copied. */
  grey: Uint8Array;
  /** Affine transform [a, b, c, d, e, f] from the image's unit square (y up) to viewport points. */
  transform: Matrix;
}

/** What each request type is answered with. */
export interface PdfjsAnswers {
  open: Opened;
  items: PageItems;
  graphics: PageGraphics;
  image: PageImage;
  close: Record<never, never>;
}

/** A pdf.js failure as it crosses the thread boundary (`name` is e.g. PasswordException, or PdfStreamTooLarge). */
export interface PdfJsFailure {
  name: string;
  /** pdf.js's own code (PasswordException: 1 need password, 2 incorrect); a Node error's is a string. */
  code?: number | string | undefined;
  message: string;
}

/** The thread's reply to request `id`: the answer's fields beside `ok: true`, or the failure. */
export type PdfjsReply<T extends PdfjsRequestType = PdfjsRequestType> =
  | ({ id: number; ok: true } & PdfjsAnswers[T])
  | { id: number; ok: false; error: PdfJsFailure };

/** An affine transform [a, b, c, d, e, f] in PDF's order, as the thread composes them. */
export type Matrix = [number, number, number, number, number, number];
