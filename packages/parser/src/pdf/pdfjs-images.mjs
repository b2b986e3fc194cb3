// @ts-check
/**
 * The picture of a scanned page, for OCR: a scanned page is one image XObject (or a few) drawn
 * over the page, so its pixels come straight from pdf.js (`getOperatorList` decodes them into
 * `page.objs`) without rendering the page or calling an external program. Plain JavaScript: it
 * runs in the pdf.js thread (see pdfjs-worker.mjs).
 *
 * The answer is the largest image of the page as 8-bit grey, dark text on a light ground, and
 * the affine transform from the image's unit square (x right, y UP, as PDF draws images) to the
 * page viewport (points, top-left origin), so word boxes found on the pixels map to page points.
 */

import { multiply } from './pdfjs-matrix.mjs';

/** @typedef {import('./pdfjs-protocol.ts').Matrix} Matrix */
/** @typedef {import('./pdfjs-protocol.ts').PageImage} PageImage */
/** @typedef {import('pdfjs-dist/legacy/build/pdf.mjs').PDFDocumentProxy} PDFDocumentProxy */
/** @typedef {import('pdfjs-dist/legacy/build/pdf.mjs').PDFPageProxy} PDFPageProxy */
/** @typedef {typeof import('pdfjs-dist/legacy/build/pdf.mjs').OPS} Ops */
/**
 * A decoded image as pdf.js hands it over (in `page.objs`, or inline as an operator's argument);
 * pdfjs-dist has no type for it. `bitmap` instead of `data` when pdf.js decoded to an ImageBitmap.
 * @typedef {{ width: number, height: number, kind?: number, data?: Uint8Array | Uint8ClampedArray, bitmap?: unknown }} DecodedImage
 */

// pdf.js ImageKind: 1 = 1 bit grey (rows padded to bytes, 1 = white), 2 = RGB, 3 = RGBA.
const GRAYSCALE_1BPP = 1, RGB_24BPP = 2, RGBA_32BPP = 3;


// Area the unit square covers under the transform: the image's size on the page.
/** @param {Matrix} m */
const area = (m) => Math.abs(m[0] * m[3] - m[1] * m[2]);

/**
 * Wait for a decoded image in `page.objs` (or `commonObjs` for images shared by pages).
 * @param {PDFPageProxy} page
 * @param {string} id
 * @returns {Promise<DecodedImage | null | undefined>}
 */
function imageObject(page, id) {
  const store = id.startsWith('g_') ? page.commonObjs : page.objs;
  return new Promise((resolve) => store.get(id, resolve));
}

/**
 * Grey bytes (0 black … 255 white) of a pdf.js image, or null for a kind OCR cannot use.
 * @param {DecodedImage} image
 * @returns {Uint8Array | null}
 */
function toGrey(image) {
  const { width, height, kind, data } = image;
  if (!data || !(width > 0) || !(height > 0)) return null;
  const grey = new Uint8Array(width * height);
  // The `number` casts below: a well-formed image has every byte read. A short one reads
  // `undefined` past its end, which the arithmetic turns into 0 as it always did.
  if (kind === GRAYSCALE_1BPP) {
    const stride = Math.ceil(width / 8);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) grey[y * width + x] = (/** @type {number} */ (data[y * stride + (x >> 3)]) >> (7 - (x & 7))) & 1 ? 255 : 0;
    }
  } else if (kind === RGB_24BPP || kind === RGBA_32BPP) {
    const step = kind === RGB_24BPP ? 3 : 4;
    for (let i = 0, j = 0; i < grey.length; i++, j += step) grey[i] = (/** @type {number} */ (data[j]) * 77 + /** @type {number} */ (data[j + 1]) * 150 + /** @type {number} */ (data[j + 2]) * 29) >> 8;
  } else return null;
  return grey;
}

/**
 * Scans are dark text on light paper; a negative (or a stencil read the other way) is turned over.
 * @param {Uint8Array} grey
 * @returns {Uint8Array}
 */
function lightGround(grey) {
  let sum = 0;
  const step = Math.max(1, Math.floor(grey.length / 65536));
  let n = 0;
  // Both loops stay below grey.length, so every read is a number.
  for (let i = 0; i < grey.length; i += step, n++) sum += /** @type {number} */ (grey[i]);
  if (sum / n < 110) for (let i = 0; i < grey.length; i++) grey[i] = 255 - /** @type {number} */ (grey[i]);
  return grey;
}

/**
 * The largest image painted on page `number`, as `{width, height, grey, transform}`, or
 * `{width: 0}` when the page paints none OCR can read.
 * @param {PDFDocumentProxy} doc
 * @param {Ops} OPS
 * @param {number} number
 * @returns {Promise<PageImage>}
 */
export async function pageImage(doc, OPS, number) {
  const page = await doc.getPage(number);
  const viewport = page.getViewport({ scale: 1 });
  const list = await page.getOperatorList();
  // pdfjs-dist types these loosely (number[], any[]); the casts say what pdf.js puts there.
  let ctm = /** @type {Matrix} */ (viewport.transform);
  /** @type {Matrix[]} */
  const stack = [];
  /** @type {{ fn: number, args: unknown[], ctm: Matrix } | null} */
  let best = null;
  const { fnArray, argsArray } = list;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    /** @type {unknown[] | null | undefined} */
    const args = argsArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform && args) ctm = multiply(ctm, /** @type {Matrix} */ (args));
    else if (fn === OPS.paintFormXObjectBegin && args) {
      stack.push(ctm);
      // The form matrix arrives as a typed array (or null); six numbers read like a Matrix.
      const form = /** @type {Matrix | null | undefined} */ (args[0]);
      if (form && form.length === 6) ctm = multiply(ctm, form);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) {
      // pdf.js always gives the image operators their arguments.
      if (!best || area(ctm) > area(best.ctm)) best = { fn, args: /** @type {unknown[]} */ (args), ctm };
    }
  }
  /** @type {Uint8Array | null} */
  let grey = null;
  /** @type {{ width: number, height: number } | null} */
  let size = null;
  if (best) {
    // The XObject form names the image in page.objs; the inline and mask forms carry it.
    const source = best.fn === OPS.paintImageXObject ? await imageObject(page, /** @type {string} */ (best.args[0])) : /** @type {DecodedImage | null | undefined} */ (best.args[0]);
    if (source && !source.bitmap) {
      // A stencil mask is 1 bit a pixel like a bilevel scan; which value is ink, `lightGround` settles.
      grey = toGrey(best.fn === OPS.paintImageMaskXObject ? { ...source, kind: GRAYSCALE_1BPP } : source);
      size = { width: source.width, height: source.height };
    }
  }
  page.cleanup();
  // grey and size are set only when best is, but TypeScript cannot see that.
  if (!best || !grey || !size) return { width: 0, height: 0, grey: new Uint8Array(0), transform: [1, 0, 0, 1, 0, 0] };
  return { ...size, grey: lightGround(grey), transform: best.ctm };
}
