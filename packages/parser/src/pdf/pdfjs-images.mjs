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

// pdf.js ImageKind: 1 = 1 bit grey (rows padded to bytes, 1 = white), 2 = RGB, 3 = RGBA.
const GRAYSCALE_1BPP = 1, RGB_24BPP = 2, RGBA_32BPP = 3;

const multiply = (m, n) => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

// Area the unit square covers under the transform: the image's size on the page.
const area = (m) => Math.abs(m[0] * m[3] - m[1] * m[2]);

/** Wait for a decoded image in `page.objs` (or `commonObjs` for images shared by pages). */
function imageObject(page, id) {
  const store = id.startsWith('g_') ? page.commonObjs : page.objs;
  return new Promise((resolve) => store.get(id, resolve));
}

/** Grey bytes (0 black … 255 white) of a pdf.js image, or null for a kind OCR cannot use. */
function toGrey(image) {
  const { width, height, kind, data } = image;
  if (!data || !(width > 0) || !(height > 0)) return null;
  const grey = new Uint8Array(width * height);
  if (kind === GRAYSCALE_1BPP) {
    const stride = Math.ceil(width / 8);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) grey[y * width + x] = (data[y * stride + (x >> 3)] >> (7 - (x & 7))) & 1 ? 255 : 0;
    }
  } else if (kind === RGB_24BPP || kind === RGBA_32BPP) {
    const step = kind === RGB_24BPP ? 3 : 4;
    for (let i = 0, j = 0; i < grey.length; i++, j += step) grey[i] = (data[j] * 77 + data[j + 1] * 150 + data[j + 2] * 29) >> 8;
  } else return null;
  return grey;
}

// Scans are dark text on light paper; a negative (or a stencil read the other way) is turned over.
function lightGround(grey) {
  let sum = 0;
  const step = Math.max(1, Math.floor(grey.length / 65536));
  let n = 0;
  for (let i = 0; i < grey.length; i += step, n++) sum += grey[i];
  if (sum / n < 110) for (let i = 0; i < grey.length; i++) grey[i] = 255 - grey[i];
  return grey;
}

/**
 * The largest image painted on page `number`, as `{width, height, grey, transform}`, or
 * `{width: 0}` when the page paints none OCR can read.
 */
export async function pageImage(doc, OPS, number) {
  const page = await doc.getPage(number);
  const viewport = page.getViewport({ scale: 1 });
  const list = await page.getOperatorList();
  let ctm = viewport.transform;
  const stack = [];
  let best = null;
  const { fnArray, argsArray } = list;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform && args) ctm = multiply(ctm, args);
    else if (fn === OPS.paintFormXObjectBegin && args) {
      stack.push(ctm);
      if (args[0] && args[0].length === 6) ctm = multiply(ctm, args[0]);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) {
      if (!best || area(ctm) > area(best.ctm)) best = { fn, args, ctm };
    }
  }
  let grey = null;
  let size = null;
  if (best) {
    const source = best.fn === OPS.paintImageXObject ? await imageObject(page, best.args[0]) : best.args[0];
    if (source && !source.bitmap) {
      // A stencil mask is 1 bit a pixel like a bilevel scan; which value is ink, `lightGround` settles.
      grey = toGrey(best.fn === OPS.paintImageMaskXObject ? { ...source, kind: GRAYSCALE_1BPP } : source);
      size = { width: source.width, height: source.height };
    }
  }
  page.cleanup();
  if (!grey || !size) return { width: 0, height: 0, grey: new Uint8Array(0), transform: [1, 0, 0, 1, 0, 0] };
  return { ...size, grey: lightGround(grey), transform: best.ctm };
}
