/**
 * Pure geometry of the page view: zoom steps, fit-to-width, where each page sits in the
 * scrolling column, which pages are near the viewport (only those are drawn: a 90-page contract
 * must not hold 90 canvases), and where a finding's box goes on its page.
 */
import type { Finding, PageBox } from '../types.ts';
import { highlightable } from './segments.ts';

/** CSS pixels per PDF point at 100 %: a page shows at its printed size (96 px per inch, 72 pt per inch). */
export const PX_PER_PT = 96 / 72;

/** The zoom levels offered by "Zoom in" / "Zoom out" (1 = printed size). */
export const ZOOM_STEPS: readonly number[] = [0.5, 0.67, 0.8, 1, 1.25, 1.5, 2, 3];

/** Gap between pages in the column, in CSS pixels (also the padding above the first page). */
export const PAGE_GAP = 16;

/** A page's size in PDF points (pdf.js viewport at scale 1, rotation applied). */
export interface PageSize {
  width: number;
  height: number;
}

/** The next zoom step above (`direction` 1) or below (-1) `zoom`; stays at the end of the range. */
export function stepZoom(zoom: number, direction: 1 | -1): number {
  if (direction > 0) return ZOOM_STEPS.find((z) => z > zoom + 1e-6) ?? ZOOM_STEPS[ZOOM_STEPS.length - 1]!;
  return [...ZOOM_STEPS].reverse().find((z) => z < zoom - 1e-6) ?? ZOOM_STEPS[0]!;
}

/** The zoom at which the widest page fills `available` CSS pixels (kept within the offered range). */
export function fitWidthZoom(sizes: readonly PageSize[], available: number): number {
  const widest = Math.max(1, ...sizes.map((s) => s.width));
  const zoom = (available - 2 * PAGE_GAP) / (widest * PX_PER_PT);
  return Math.min(ZOOM_STEPS[ZOOM_STEPS.length - 1]!, Math.max(ZOOM_STEPS[0]!, zoom));
}

/** Top of each page in the column (CSS pixels) at `zoom`, and the column's total height. */
export function pageTops(sizes: readonly PageSize[], zoom: number): { tops: number[]; height: number } {
  const tops: number[] = [];
  let y = PAGE_GAP;
  for (const size of sizes) {
    tops.push(y);
    y += size.height * PX_PER_PT * zoom + PAGE_GAP;
  }
  return { tops, height: y };
}

/** The 1-based page a reader is on: the last page whose top is above a third of the way down the viewport. */
export function pageAt(tops: readonly number[], scrollTop: number, viewportHeight: number): number {
  const line = scrollTop + viewportHeight / 3;
  let lo = 0;
  let hi = tops.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tops[mid]! <= line) lo = mid;
    else hi = mid - 1;
  }
  return Math.min(tops.length, lo + 1);
}

/**
 * Pages (1-based) to draw: those overlapping the viewport widened by `margin` viewports above
 * and below. Everything else is an empty placeholder of the right size.
 */
export function pagesNear(tops: readonly number[], height: number, scrollTop: number, viewportHeight: number, margin = 1): number[] {
  const from = scrollTop - viewportHeight * margin;
  const to = scrollTop + viewportHeight * (1 + margin);
  const pages: number[] = [];
  for (let i = 0; i < tops.length; i++) {
    const bottom = i + 1 < tops.length ? tops[i + 1]! : height;
    if (bottom >= from && tops[i]! <= to) pages.push(i + 1);
  }
  return pages;
}

/** A highlight box as percentages of its page, so it stays put at any zoom. */
export interface PlacedBox {
  findingId: string;
  severity: Finding['severity'];
  page: number;
  left: number;
  top: number;
  width: number;
  height: number;
  /** True for the first box of the finding on its page: the one that takes keyboard focus. */
  first: boolean;
}

/**
 * Every highlight the pages show: the same findings the text view highlights, at the boxes the
 * server computed, less serious ones first so the most serious box is on top where they overlap.
 * Boxes on pages the document does not have are dropped.
 */
export function placeBoxes(findings: readonly Finding[], boxes: Readonly<Record<string, readonly PageBox[]>>, sizes: readonly PageSize[]): PlacedBox[] {
  const rank = { low: 0, medium: 1, high: 2 } as const;
  const placed: PlacedBox[] = [];
  const ordered = [...highlightable(findings)].sort((a, b) => rank[a.severity] - rank[b.severity] || a.span!.start - b.span!.start);
  for (const finding of ordered) {
    const seen = new Set<number>();
    for (const box of boxes[finding.id] ?? []) {
      const size = sizes[box.page - 1];
      if (!size) continue;
      placed.push({
        findingId: finding.id,
        severity: finding.severity,
        page: box.page,
        left: (box.x / size.width) * 100,
        top: (box.y / size.height) * 100,
        width: (box.width / size.width) * 100,
        height: (box.height / size.height) * 100,
        first: !seen.has(box.page),
      });
      seen.add(box.page);
    }
  }
  return placed;
}

/** Scroll position that puts a box (`page`, `y` in points from the page top) a third of the way down the viewport. */
export function scrollTopFor(tops: readonly number[], page: number, y: number, zoom: number, viewportHeight: number): number {
  const top = (tops[page - 1] ?? 0) + y * PX_PER_PT * zoom;
  return Math.max(0, top - viewportHeight / 3);
}

/**
 * What the page prints as its own number, when that differs from its place in the PDF ("printed
 * 12" on PDF page 14 after a cover letter); '' when the page prints none or the same number, so
 * the toolbar only speaks up when the two would mislead.
 */
export function printedPageNote(printedPages: readonly string[] | undefined, page: number): string {
  const printed = printedPages?.[page - 1] ?? '';
  return printed && printed !== String(page) ? `printed ${printed}` : '';
}
