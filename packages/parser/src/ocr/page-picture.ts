/**
 * A scanned page's pixels as an image file tesseract.js reads (its Leptonica reads PNM), and the
 * map from a pixel of that picture to a point on the PDF page.
 */
import type { PageImage } from '../pdf/pdfjs-protocol.ts';

/** A binary greyscale PNM ("P5") file: a header, then the grey bytes as they are. */
export function toPgm(image: PageImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const file = new Uint8Array(header.length + image.grey.length);
  file.set(header, 0);
  file.set(image.grey, header.length);
  return file;
}

/** A point in viewport space (PDF points, top-left origin, y down). */
export interface PagePoint {
  x: number;
  y: number;
}

/**
 * Pixel (`px`, `py`) of the picture (origin top-left) to the page: the picture fills the unit
 * square its transform maps, with its first row at the square's top (PDF images run top-down
 * while the square's y runs up).
 */
export function pixelToPage(image: Pick<PageImage, 'width' | 'height' | 'transform'>, px: number, py: number): PagePoint {
  const [a, b, c, d, e, f] = image.transform;
  const u = px / image.width;
  const v = 1 - py / image.height;
  return { x: a * u + c * v + e, y: b * u + d * v + f };
}
