/**
 * Table borders drawn in a scanned page's picture: long straight runs of dark pixels, across or
 * down. The text path gets rulings from the PDF's drawing operators; a scan has only pixels, and
 * without its rules a rate table reads row by row across columns instead of cell by cell.
 */
import type { PageImage } from '../pdf/pdfjs-protocol.ts';
import type { RulingSegment } from '../pdf/pdf-types.ts';
import { pixelToPage } from './page-picture.ts';

// Darker than this is ink (rules are often thin and anti-aliased, so not only black counts).
const DARK = 160;
// A rule across is at least this long; a rule down at least this (letters are far shorter).
const MIN_ACROSS_INCH = 0.4;
const MIN_DOWN_INCH = 0.25;
// Gaps a scan leaves in a printed rule (dust, a faint pixel) up to this many pixels are bridged.
const BRIDGE_PX = 2;
// Runs in neighbouring rows (or columns) within this many pixels are one rule of some thickness.
const THICKNESS_PX = 4;

interface Run {
  /** Row (across) or column (down) of the run. */
  at: number;
  from: number;
  to: number;
}

/** Long dark runs along rows (`across`) or columns of the picture. */
function runs(image: PageImage, across: boolean, minLength: number): Run[] {
  const { width, height, grey } = image;
  const lines = across ? height : width;
  const length = across ? width : height;
  const out: Run[] = [];
  for (let line = 0; line < lines; line++) {
    let start = -1;
    let lastDark = -1;
    for (let i = 0; i <= length; i++) {
      const dark = i < length && grey[across ? line * width + i : i * width + line]! < DARK;
      if (dark) {
        if (start < 0 || i - lastDark > BRIDGE_PX + 1) {
          if (start >= 0 && lastDark - start + 1 >= minLength) out.push({ at: line, from: start, to: lastDark });
          start = i;
        }
        lastDark = i;
      }
    }
    if (start >= 0 && lastDark - start + 1 >= minLength) out.push({ at: line, from: start, to: lastDark });
  }
  return out;
}

/** A rule found in the picture, in pixels: rows (or columns) `first`…`last`, from `from` to `to` along it. */
export interface PictureRule {
  across: boolean;
  first: number;
  last: number;
  from: number;
  to: number;
}

/** Runs of neighbouring rows that overlap become one rule. */
function merge(list: Run[], across: boolean): PictureRule[] {
  const merged: Array<Run & { first: number; last: number }> = [];
  for (const run of list) {
    const same = merged.find((m) => run.at - m.last <= THICKNESS_PX && run.from <= m.to && run.to >= m.from);
    if (same) {
      same.last = run.at;
      same.from = Math.min(same.from, run.from);
      same.to = Math.max(same.to, run.to);
    } else merged.push({ ...run, first: run.at, last: run.at });
  }
  return merged.map((m) => ({ across, first: m.first, last: m.last, from: m.from, to: m.to }));
}

/** The straight rules (table borders, underlines) of a scanned page's picture. */
export function findPictureRules(image: PageImage, dpi: number): PictureRule[] {
  if (image.width === 0) return [];
  return [...merge(runs(image, true, Math.round(MIN_ACROSS_INCH * dpi)), true), ...merge(runs(image, false, Math.round(MIN_DOWN_INCH * dpi)), false)];
}

/**
 * The picture with its rules painted white: tesseract reads a cell border beside a word as a
 * letter ("|", "i", "l"). Ink of a letter crossing a rule goes too, a pixel or two of it.
 */
export function eraseRules(image: PageImage, rules: readonly PictureRule[]): PageImage {
  const grey = new Uint8Array(image.grey);
  for (const rule of rules) {
    for (let line = rule.first - 1; line <= rule.last + 1; line++) {
      for (let i = rule.from; i <= rule.to; i++) {
        const [x, y] = rule.across ? [i, line] : [line, i];
        if (x >= 0 && y >= 0 && x < image.width && y < image.height) grey[y * image.width + x] = 255;
      }
    }
  }
  return { ...image, grey };
}

/** Rules of a picture as ruling lines in page points, like those of a drawn table. */
export function rulingsOnPage(image: PageImage, rules: readonly PictureRule[]): RulingSegment[] {
  const out: RulingSegment[] = [];
  const add = (a: { x: number; y: number }, b: { x: number; y: number }) => {
    const horizontal = Math.abs(b.x - a.x) >= Math.abs(b.y - a.y);
    if (horizontal) out.push({ orientation: 'h', at: (a.y + b.y) / 2, from: Math.min(a.x, b.x), to: Math.max(a.x, b.x) });
    else out.push({ orientation: 'v', at: (a.x + b.x) / 2, from: Math.min(a.y, b.y), to: Math.max(a.y, b.y) });
  };
  for (const rule of rules) {
    const at = (rule.first + rule.last) / 2;
    if (rule.across) add(pixelToPage(image, rule.from, at), pixelToPage(image, rule.to, at));
    else add(pixelToPage(image, at, rule.from), pixelToPage(image, at, rule.to));
  }
  return out;
}
