// @ts-check
/**
 * The only code that touches pdf.js. It runs in a worker thread started WITHOUT the TypeScript
 * loader: under tsx, importing pdf.js costs ~150 MB more and every page stalls the caller's
 * event loop (pdf.js has no real worker in Node). Plain JavaScript for that reason.
 *
 * Protocol: every request carries an `id` and its answer echoes it. Requests may overlap: with a
 * second page in flight the thread never waits for the caller to take one page and ask for the
 * next (idle time 4–5% → under 1% on the 90-page corpus PDF).
 *   {id, type:'open', bytes, password?, assetDir} → {id, ok, numPages, patches}
 *   {id, type:'items', page}    → {id, ok, width, height, items, chars}   (viewport space, top-left origin)
 *   {id, type:'graphics', page} → {id, ok, rulings, boxes, hasImages}
 *   {id, type:'image', page}    → {id, ok, width, height, grey, transform}   (the page's largest image, for OCR)
 *   {id, type:'close'}          → {id, ok}
 * Failures answer {id, ok:false, error:{name, code, message}}; `name` is PdfStreamTooLarge when a
 * stream the request needed passed the decoded-size cap (see pdfjs-load.mjs).
 * The same protocol as types, which both sides are checked against: pdfjs-protocol.ts.
 */
import { parentPort } from 'node:worker_threads';
import { pageImage } from './pdfjs-images.mjs';
import { multiply } from './pdfjs-matrix.mjs';
import { loadPdfjs, MAX_STREAM_BYTES, takeStreamTooLarge } from './pdfjs-load.mjs';

/** @typedef {import('./pdfjs-protocol.ts').PdfjsRequestType} PdfjsRequestType */
/** @template {PdfjsRequestType} [T=PdfjsRequestType] @typedef {import('./pdfjs-protocol.ts').PdfjsRequest<T>} PdfjsRequest */
/** @typedef {import('./pdfjs-protocol.ts').PdfjsAnswers} PdfjsAnswers */
/** @typedef {import('./pdfjs-protocol.ts').PdfjsReply} PdfjsReply */
/** @typedef {import('./pdfjs-protocol.ts').PdfJsFailure} PdfJsFailure */
/** @typedef {import('./pdfjs-protocol.ts').Matrix} Matrix */
/** @typedef {import('./pdf-types.ts').RulingSegment} RulingSegment */
/** @typedef {import('./pdf-types.ts').FilledBox} FilledBox */
/** @typedef {import('pdfjs-dist/legacy/build/pdf.mjs').PDFDocumentLoadingTask} PDFDocumentLoadingTask */
/** @typedef {import('pdfjs-dist/legacy/build/pdf.mjs').PDFDocumentProxy} PDFDocumentProxy */
/** @typedef {[number, number]} Point */
/**
 * constructPath's arguments in pdf.js 5: the painting operator, the path (its one entry is
 * the drawing ops with their coordinates, flat, or null for an empty path) and the path's
 * bounding box [minX, minY, maxX, maxY]. Typed arrays at run time; they index like these.
 * @typedef {[number, [ArrayLike<number> | null] | null | undefined, [number, number, number, number] | null | undefined]} ConstructPathArgs
 */

// Caught here rather than at the first answer: this file means nothing outside a worker thread.
if (!parentPort) throw new Error('pdfjs-worker.mjs runs only as a worker thread');
const port = parentPort;

const { getDocument, OPS, patches } = await loadPdfjs();

/** @type {PDFDocumentLoadingTask | null} */
let task = null;
/** @type {PDFDocumentProxy | null} */
let doc = null;

/** The open document; a request before `open` (or after `close`) fails. */
function openDoc() {
  if (!doc) throw new Error('no document is open');
  return doc;
}

/** @type {(m: Matrix, x: number, y: number) => Point} */
const apply = (m, x, y) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/**
 * @param {PdfjsRequest<'open'>} request
 * @returns {Promise<PdfjsAnswers['open']>}
 */
async function open({ bytes, password, assetDir }) {
  task = getDocument({
    data: bytes,
    password,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    verbosity: 0,
    standardFontDataUrl: `${assetDir}standard_fonts/`,
    cMapUrl: `${assetDir}cmaps/`,
    cMapPacked: true,
    // JPEG 2000 scans are decoded by pdf.js's OpenJPEG build, loaded from the package, never the network.
    wasmUrl: `${assetDir}wasm/`,
  });
  try {
    doc = await task.promise;
  } catch (error) {
    // A failed open (wrong password, damaged file) must not leave state behind for the next document.
    await task.destroy().catch(() => undefined);
    task = null;
    throw error;
  }
  return { numPages: doc.numPages, patches };
}

/**
 * Whitespace-only items are dropped: the gaps between items carry the spacing.
 * @param {PdfjsRequest<'items'>} request
 * @returns {Promise<PdfjsAnswers['items']>}
 */
async function items({ page: number }) {
  const page = await openDoc().getPage(number);
  const viewport = page.getViewport({ scale: 1 });
  // pdfjs-dist types transforms as number[] (and an item's as any[]); they are six numbers.
  const vt = /** @type {Matrix} */ (viewport.transform);
  const content = await page.getTextContent();
  const out = [];
  let chars = 0;
  for (const raw of content.items) {
    // Marked-content entries (never asked for here) have no text.
    if (!('str' in raw)) continue;
    const str = raw.str;
    if (!str || !/\S/.test(str)) continue;
    const m = multiply(vt, /** @type {Matrix} */ (raw.transform));
    const size = Math.hypot(m[2], m[3]) || Math.hypot(m[0], m[1]);
    if (!(size > 0.5) || !Number.isFinite(m[4]) || !Number.isFinite(m[5])) continue;
    const width = Number.isFinite(raw.width) ? Math.max(0, raw.width) : 0;
    out.push({ str, page: number, x: m[4], baseline: m[5], width, size });
    chars += str.replace(/\s+/g, '').length;
  }
  // pdf.js keeps a page's parsed resources until told; the caller asks for each page at most
  // twice (items, then graphics), and re-reading is cheap next to holding 90 pages.
  page.cleanup();
  return { width: viewport.width, height: viewport.height, items: out, chars };
}

// --- ruling lines (table borders) from the operator list ---
const MOVE_TO = 0, LINE_TO = 1, CURVE_TO = 2, QUAD_TO = 3, CLOSE = 4;
const THIN = 2.5; // a filled box thinner than this is drawn as a rule
const MIN_RULE = 6;

/**
 * @param {RulingSegment[]} out
 * @param {number} ax
 * @param {number} ay
 * @param {number} bx
 * @param {number} by
 */
function pushSegment(out, ax, ay, bx, by) {
  if (Math.abs(ay - by) < 1 && Math.abs(ax - bx) >= MIN_RULE) out.push({ orientation: 'h', at: (ay + by) / 2, from: Math.min(ax, bx), to: Math.max(ax, bx) });
  else if (Math.abs(ax - bx) < 1 && Math.abs(ay - by) >= MIN_RULE) out.push({ orientation: 'v', at: (ax + bx) / 2, from: Math.min(ay, by), to: Math.max(ay, by) });
}

/**
 * @param {(Point | null)[]} points a chain of points; null breaks it (a curve was there)
 * @param {boolean} stroked
 * @param {RulingSegment[]} out
 */
function pathRules(points, stroked, out) {
  const xs = points.filter((p) => p !== null);
  if (xs.length === 0) return;
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (const [x, y] of xs) {
    minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  if (!stroked) {
    if (maxY - minY <= THIN && maxX - minX >= MIN_RULE) pushSegment(out, minX, (minY + maxY) / 2, maxX, (minY + maxY) / 2);
    else if (maxX - minX <= THIN && maxY - minY >= MIN_RULE) pushSegment(out, (minX + maxX) / 2, minY, (minX + maxX) / 2, maxY);
    return;
  }
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1], b = points[i];
    if (a && b) pushSegment(out, a[0], a[1], b[0], b[1]);
  }
}

/**
 * @param {ArrayLike<number>} data drawing ops with their coordinates, flat
 * @param {Matrix} ctm
 * @param {boolean} stroked
 * @param {RulingSegment[]} out
 */
function rulesFromPathData(data, ctm, stroked, out) {
  /** @type {(Point | null)[]} */
  let points = [];
  /** @type {Point | null} */
  let start = null;
  // Past the end (a truncated path) reads NaN, as `undefined` did in the arithmetic: no rule.
  const at = (/** @type {number} */ k) => data[k] ?? NaN;
  const flush = () => {
    if (points.length > 0) pathRules(points, stroked, out);
    points = [];
  };
  for (let j = 0; j < data.length; ) {
    const op = at(j++);
    if (op === MOVE_TO) {
      flush();
      start = apply(ctm, at(j), at(j + 1));
      points.push(start);
      j += 2;
    } else if (op === LINE_TO) {
      points.push(apply(ctm, at(j), at(j + 1)));
      j += 2;
    } else if (op === CURVE_TO) {
      // Curves are never table rules; break the chain so no false edge joins across them.
      points.push(null, apply(ctm, at(j + 4), at(j + 5)));
      j += 6;
    } else if (op === QUAD_TO) {
      points.push(null, apply(ctm, at(j + 2), at(j + 3)));
      j += 4;
    } else if (op === CLOSE) {
      if (start) points.push(start);
    } else break;
  }
  flush();
}

// --- filled dark boxes (redaction bars) ---
const BOX_MIN_H = 4, BOX_MAX_H = 30, BOX_MIN_W = 6;

/**
 * pdf.js turns every device colour into setFillRGBColor with a "#rrggbb" string.
 * @param {unknown} color
 */
function isDark(color) {
  if (typeof color !== 'string' || !/^#[0-9a-f]{6}$/i.test(color)) return false;
  // The pattern above guarantees three hex pairs, so each component is a number.
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
  return 0.299 * r + 0.587 * g + 0.114 * b < 80;
}

/**
 * The box a filled path covers, in viewport space: only its bounding box matters.
 * @param {ConstructPathArgs[2]} minMax
 * @param {Matrix} ctm
 * @param {FilledBox[]} out
 */
function pushBox(minMax, ctm, out) {
  if (!minMax || minMax.length < 4 || !Number.isFinite(minMax[0])) return;
  const corners = [apply(ctm, minMax[0], minMax[1]), apply(ctm, minMax[2], minMax[1]), apply(ctm, minMax[0], minMax[3]), apply(ctm, minMax[2], minMax[3])];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  const box = { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
  const h = box.y1 - box.y0;
  if (h >= BOX_MIN_H && h <= BOX_MAX_H && box.x1 - box.x0 >= BOX_MIN_W) out.push(box);
}

const IMAGE_OPS = new Set([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintInlineImageXObjectGroup, OPS.paintImageXObjectRepeat, OPS.paintImageMaskXObjectGroup, OPS.paintImageMaskXObjectRepeat]);
const STROKE_OPS = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const FILL_OPS = new Set([OPS.fill, OPS.eoFill]);
const FILLING_OPS = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);

/**
 * @param {PdfjsRequest<'graphics'>} request
 * @returns {Promise<PdfjsAnswers['graphics']>}
 */
async function graphics({ page: number }) {
  const page = await openDoc().getPage(number);
  const viewport = page.getViewport({ scale: 1 });
  const list = await page.getOperatorList();
  /** @type {RulingSegment[]} */
  const rulings = [];
  /** @type {FilledBox[]} */
  const boxes = [];
  let hasImages = false;
  // pdfjs-dist types these loosely (number[], any[]); the casts say what pdf.js puts there.
  let ctm = /** @type {Matrix} */ (viewport.transform);
  // Whatever setFillRGBColor was given; `isDark` reads only a "#rrggbb" string.
  /** @type {unknown} */
  let fill = '#000000';
  /** @type {[Matrix, unknown][]} */
  const stack = [];
  const { fnArray, argsArray } = list;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    /** @type {unknown[] | null | undefined} */
    const args = argsArray[i];
    if (fn === OPS.save) stack.push([ctm, fill]);
    else if (fn === OPS.restore) [ctm, fill] = stack.pop() ?? [ctm, fill];
    else if (fn === OPS.transform && args) ctm = multiply(ctm, /** @type {Matrix} */ (args));
    else if (fn === OPS.setFillRGBColor && args) fill = args[0];
    else if (fn === OPS.paintFormXObjectBegin && args) {
      stack.push([ctm, fill]);
      // The form matrix arrives as a typed array (Array.isArray is false for it), or null; six
      // numbers read like a Matrix.
      const form = /** @type {Matrix | null | undefined} */ (args[0]);
      if (form && form.length === 6) ctm = multiply(ctm, form);
    } else if (fn === OPS.paintFormXObjectEnd) [ctm, fill] = stack.pop() ?? [ctm, fill];
    else if (fn !== undefined && IMAGE_OPS.has(fn)) hasImages = true;
    else if (fn === OPS.constructPath && args) {
      const [paint, path, minMax] = /** @type {ConstructPathArgs} */ (args);
      if (FILLING_OPS.has(paint) && isDark(fill)) pushBox(minMax, ctm, boxes);
      if (!STROKE_OPS.has(paint) && !FILL_OPS.has(paint)) continue;
      const data = path?.[0];
      if (data) rulesFromPathData(data, ctm, STROKE_OPS.has(paint), rulings);
    }
  }
  page.cleanup();
  return { rulings, boxes, hasImages };
}

/** @returns {Promise<PdfjsAnswers['close']>} */
async function close() {
  await doc?.destroy().catch(() => undefined);
  await task?.destroy().catch(() => undefined);
  doc = null;
  task = null;
  return {};
}

/** @type {(request: PdfjsRequest<'image'>) => Promise<PdfjsAnswers['image']>} */
const image = ({ page }) => pageImage(openDoc(), OPS, page);

/** @type {{ [T in PdfjsRequestType]: (request: PdfjsRequest<T>) => Promise<PdfjsAnswers[T]> }} */
const handlers = { open, items, graphics, image, close };

/**
 * Generic in the request's type so that TypeScript pairs each request with its handler.
 * @template {PdfjsRequestType} T
 * @param {PdfjsRequest<T>} request
 * @returns {Promise<PdfjsAnswers[T]>}
 */
const handle = (request) => handlers[request.type](request);

/**
 * The failure as it crosses to the caller; anything may have been thrown.
 * @param {unknown} error
 * @returns {PdfJsFailure}
 */
function failure(error) {
  const e = /** @type {{ name?: unknown, code?: unknown, message?: unknown } | null | undefined} */ (error);
  // A code that is neither would not survive the copy to the caller; pdf.js's are numbers.
  const code = typeof e?.code === 'number' || typeof e?.code === 'string' ? e.code : undefined;
  return { name: String(e?.name ?? 'Error'), code, message: String(e?.message ?? error) };
}

port.on('message', async (/** @type {PdfjsRequest} */ request) => {
  const { id } = request;
  try {
    const result = await handle(request);
    // A stream cut short by the size cap read as empty; the answer would be silently incomplete.
    if (takeStreamTooLarge()) throw Object.assign(new Error(`a stream decodes to more than ${MAX_STREAM_BYTES} bytes`), { name: 'PdfStreamTooLarge' });
    /** @type {PdfjsReply} */
    const reply = { id, ok: true, ...result };
    // A page's pixels are moved, not copied, to the caller (the thread's own buffer, never shared).
    port.postMessage(reply, 'grey' in result ? [/** @type {ArrayBuffer} */ (result.grey.buffer)] : []);
  } catch (error) {
    /** @type {PdfjsReply} */
    const reply = { id, ok: false, error: failure(error) };
    port.postMessage(reply);
  }
});
