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
 */
import { parentPort } from 'node:worker_threads';
import { pageImage } from './pdfjs-images.mjs';
import { loadPdfjs, MAX_STREAM_BYTES, takeStreamTooLarge } from './pdfjs-load.mjs';

const { getDocument, OPS, patches } = await loadPdfjs();

let task = null;
let doc = null;

const multiply = (m, n) => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m, x, y) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

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

// Whitespace-only items are dropped: the gaps between items carry the spacing.
async function items({ page: number }) {
  const page = await doc.getPage(number);
  const viewport = page.getViewport({ scale: 1 });
  const vt = viewport.transform;
  const content = await page.getTextContent();
  const out = [];
  let chars = 0;
  for (const raw of content.items) {
    const str = raw.str;
    if (!str || !/\S/.test(str)) continue;
    const m = multiply(vt, raw.transform);
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

function pushSegment(out, ax, ay, bx, by) {
  if (Math.abs(ay - by) < 1 && Math.abs(ax - bx) >= MIN_RULE) out.push({ orientation: 'h', at: (ay + by) / 2, from: Math.min(ax, bx), to: Math.max(ax, bx) });
  else if (Math.abs(ax - bx) < 1 && Math.abs(ay - by) >= MIN_RULE) out.push({ orientation: 'v', at: (ax + bx) / 2, from: Math.min(ay, by), to: Math.max(ay, by) });
}

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

function rulesFromPathData(data, ctm, stroked, out) {
  let points = [];
  let start = null;
  const flush = () => {
    if (points.length > 0) pathRules(points, stroked, out);
    points = [];
  };
  for (let j = 0; j < data.length; ) {
    const op = data[j++];
    if (op === MOVE_TO) {
      flush();
      start = apply(ctm, data[j], data[j + 1]);
      points.push(start);
      j += 2;
    } else if (op === LINE_TO) {
      points.push(apply(ctm, data[j], data[j + 1]));
      j += 2;
    } else if (op === CURVE_TO) {
      // Curves are never table rules; break the chain so no false edge joins across them.
      points.push(null, apply(ctm, data[j + 4], data[j + 5]));
      j += 6;
    } else if (op === QUAD_TO) {
      points.push(null, apply(ctm, data[j + 2], data[j + 3]));
      j += 4;
    } else if (op === CLOSE) {
      if (start) points.push(start);
    } else break;
  }
  flush();
}

// --- filled dark boxes (redaction bars) ---
const BOX_MIN_H = 4, BOX_MAX_H = 30, BOX_MIN_W = 6;

// pdf.js turns every device colour into setFillRGBColor with a "#rrggbb" string.
function isDark(color) {
  if (typeof color !== 'string' || !/^#[0-9a-f]{6}$/i.test(color)) return false;
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
  return 0.299 * r + 0.587 * g + 0.114 * b < 80;
}

// The box a filled path covers, in viewport space: only its bounding box matters.
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

async function graphics({ page: number }) {
  const page = await doc.getPage(number);
  const viewport = page.getViewport({ scale: 1 });
  const list = await page.getOperatorList();
  const rulings = [];
  const boxes = [];
  let hasImages = false;
  let ctm = viewport.transform;
  let fill = '#000000';
  const stack = [];
  const { fnArray, argsArray } = list;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i];
    if (fn === OPS.save) stack.push([ctm, fill]);
    else if (fn === OPS.restore) [ctm, fill] = stack.pop() ?? [ctm, fill];
    else if (fn === OPS.transform && args) ctm = multiply(ctm, args);
    else if (fn === OPS.setFillRGBColor && args) fill = args[0];
    else if (fn === OPS.paintFormXObjectBegin && args) {
      stack.push([ctm, fill]);
      // The form matrix arrives as a typed array (Array.isArray is false for it).
      if (args[0] && args[0].length === 6) ctm = multiply(ctm, args[0]);
    } else if (fn === OPS.paintFormXObjectEnd) [ctm, fill] = stack.pop() ?? [ctm, fill];
    else if (IMAGE_OPS.has(fn)) hasImages = true;
    else if (fn === OPS.constructPath && args) {
      const paint = args[0];
      if (FILLING_OPS.has(paint) && isDark(fill)) pushBox(args[2], ctm, boxes);
      if (!STROKE_OPS.has(paint) && !FILL_OPS.has(paint)) continue;
      const data = args[1]?.[0];
      if (data) rulesFromPathData(data, ctm, STROKE_OPS.has(paint), rulings);
    }
  }
  page.cleanup();
  return { rulings, boxes, hasImages };
}

async function close() {
  await doc?.destroy().catch(() => undefined);
  await task?.destroy().catch(() => undefined);
  doc = null;
  task = null;
  return {};
}

const image = ({ page }) => pageImage(doc, OPS, page);

const handlers = { open, items, graphics, image, close };

parentPort.on('message', async (request) => {
  const { id } = request;
  try {
    const result = await handlers[request.type](request);
    // A stream cut short by the size cap read as empty; the answer would be silently incomplete.
    if (takeStreamTooLarge()) throw Object.assign(new Error(`a stream decodes to more than ${MAX_STREAM_BYTES} bytes`), { name: 'PdfStreamTooLarge' });
    // A page's pixels are moved, not copied, to the caller.
    parentPort.postMessage({ id, ok: true, ...result }, result.grey ? [result.grey.buffer] : []);
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: { name: String(error?.name ?? 'Error'), code: error?.code, message: String(error?.message ?? error) } });
  }
});
