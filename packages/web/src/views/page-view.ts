/**
 * The "Pages" view of a PDF review: the original pages drawn by pdf.js, with every finding
 * highlighted at its rectangles in the colour of its severity. Only pages near the viewport are
 * drawn (and pages far from it give their canvas back), so a 90-page contract stays light.
 * Zoom (in, out, fit width) and page navigation sit in a labelled toolbar. A page the parser read
 * by OCR carries a note saying so on the page itself: its text (and so a highlight's place) may
 * hold recognition errors, and the page is where the reader checks them.
 */
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { clear, h } from '../dom/h.ts';
import { scrollMotion } from '../dom/motion.ts';
import { fitWidthZoom, pageAt, pagesNear, pageTops, placeBoxes, printedPageNote, PX_PER_PT, scrollTopFor, stepZoom, type PageSize } from '../model/page-layout.ts';
import { ocrPages } from '../model/file-warnings.ts';
import { SEVERITY_LABEL } from '../model/review.ts';
import { openReviewPdf } from '../pages/pdf-document.ts';
import './page-view.css';
import type { Review } from '../types.ts';

/** The page view; `activate` when it is shown (the PDF loads on the first call). */
export interface PageView {
  element: HTMLElement;
  activate(): void;
  /** Outline `findingId`'s boxes (none for null) and, with `scroll`, bring the first into view. False when it has no box on the pages. */
  show(findingId: string | null, scroll: boolean): boolean;
  /** Mark the boxes of decided findings, as the text view does. */
  setDecided(isDecided: (findingId: string) => boolean): void;
  dispose(): void;
}

interface PageSlot {
  element: HTMLElement;
  canvas: HTMLCanvasElement | null;
  task: RenderTask | null;
  /** The zoom the canvas was drawn at (null: not drawn). */
  drawnAt: number | null;
}

/** Build the page view of `review`; clicking a highlight calls `onPick` with its finding id. */
export function renderPageView(review: Review, onPick: (findingId: string) => void): PageView {
  const byId = new Map(review.findings.map((f) => [f.id, f]));
  const readByOcr = new Set(ocrPages(review.document.warnings ?? []));
  const scroller = h('div', { class: 'page-scroller', tabindex: 0, 'aria-label': 'Pages of the contract (scroll with the arrow keys)' });
  const column = h('div', { class: 'page-column' });
  const status = h('p', { class: 'page-status', role: 'status' }, 'Loading the pages…');
  scroller.append(status);

  const pageInput = h('input', { type: 'number', min: 1, value: 1, class: 'page-number', 'aria-label': 'Page number', disabled: true });
  const pageCount = h('span', { class: 'page-count' }, 'of …');
  // The number the page prints, where it differs from the PDF's count: what counsel cites.
  const printedNote = h('span', { class: 'page-printed' }, '');
  const prev = h('button', { type: 'button', class: 'button secondary icon', 'aria-label': 'Previous page', title: 'Previous page', disabled: true }, '‹');
  const next = h('button', { type: 'button', class: 'button secondary icon', 'aria-label': 'Next page', title: 'Next page', disabled: true }, '›');
  const zoomOut = h('button', { type: 'button', class: 'button secondary icon', 'aria-label': 'Zoom out', title: 'Zoom out', disabled: true }, '−');
  const zoomIn = h('button', { type: 'button', class: 'button secondary icon', 'aria-label': 'Zoom in', title: 'Zoom in', disabled: true }, '+');
  const fit = h('button', { type: 'button', class: 'button secondary', 'aria-pressed': 'true', disabled: true }, 'Fit width');
  const zoomLabel = h('output', { class: 'zoom-level', 'aria-live': 'polite', 'aria-label': 'Zoom' }, '');
  const toolbar = h(
    'div',
    { class: 'page-toolbar', role: 'toolbar', 'aria-label': 'Page navigation and zoom' },
    h('span', { class: 'tool-group' }, prev, h('label', { class: 'page-of' }, 'Page ', pageInput, ' ', pageCount, printedNote), next),
    h('span', { class: 'tool-group' }, zoomOut, zoomLabel, zoomIn, fit),
  );
  const element = h('section', { class: 'page-view', 'aria-label': 'Contract pages' }, toolbar, scroller);

  let pdf: PDFDocumentProxy | null = null;
  let sizes: PageSize[] = [];
  let slots: PageSlot[] = [];
  const boxes = new Map<string, HTMLElement[]>();
  let zoom = 1;
  let fitting = true;
  let tops: number[] = [];
  let height = 0;
  let current = 1;
  let loading: Promise<void> | null = null;
  let disposed = false;
  let frame = 0;
  /** The finding the view last scrolled to, until the reader scrolls on their own: a zoom or resize keeps it in view. */
  let following: string | null = null;

  // ---------- building ----------
  function build(): void {
    clear(scroller);
    slots = sizes.map((_, i) => {
      const ocr = readByOcr.has(i + 1);
      const printed = printedPageNote(review.document.printedPages, i + 1);
      const name = `Page ${i + 1}${printed ? ` (${printed})` : ''}${ocr ? ', read by OCR' : ''}`;
      const page = h('div', { class: 'pdf-page', role: 'group', 'aria-label': name });
      page.dataset.page = String(i + 1);
      page.append(h('div', { class: 'page-highlights' }));
      // After the highlights, so it is drawn over them and read after the page's name.
      if (ocr) page.append(h('p', { class: 'page-ocr-note', role: 'note' }, 'Read by OCR; check the text against the page'));
      column.append(page);
      return { element: page, canvas: null, task: null, drawnAt: null };
    });
    for (const placed of placeBoxes(review.findings, review.pageBoxes ?? {}, sizes)) {
      const finding = byId.get(placed.findingId)!;
      const label = `${SEVERITY_LABEL[finding.severity]}: ${finding.message}`;
      // One focusable box per finding and page; its other lines are the same highlight for the mouse.
      const box = placed.first
        ? h('button', { type: 'button', class: `page-hl sev-${placed.severity}`, 'aria-label': label, title: label })
        : h('span', { class: `page-hl sev-${placed.severity}`, 'aria-hidden': 'true', title: label });
      box.dataset.finding = placed.findingId;
      box.style.left = `${placed.left}%`;
      box.style.top = `${placed.top}%`;
      box.style.width = `${placed.width}%`;
      box.style.height = `${placed.height}%`;
      box.addEventListener('click', () => onPick(placed.findingId));
      slots[placed.page - 1]!.element.firstElementChild!.append(box);
      boxes.set(placed.findingId, [...(boxes.get(placed.findingId) ?? []), box]);
    }
    scroller.append(column);
    pageInput.max = String(sizes.length);
    pageCount.textContent = `of ${sizes.length}`;
    for (const control of [pageInput, prev, next, zoomOut, zoomIn, fit]) control.disabled = false;
    applyZoom(fitting ? fitWidthZoom(sizes, scroller.clientWidth) : zoom, false);
  }

  // ---------- zoom and layout ----------
  function applyZoom(value: number, keepPlace: boolean): void {
    const anchor = keepPlace && tops.length ? (scroller.scrollTop - tops[current - 1]!) / Math.max(1, zoom) : 0;
    zoom = value;
    ({ tops, height } = pageTops(sizes, zoom));
    slots.forEach((slot, i) => {
      slot.element.style.width = `${sizes[i]!.width * PX_PER_PT * zoom}px`;
      slot.element.style.height = `${sizes[i]!.height * PX_PER_PT * zoom}px`;
    });
    // A zoom or resize right after a jump to a finding (the scrollbar appearing is one) must not
    // cancel the smooth scroll half way: the finding is the place to keep, not the page it passes.
    if (following && keepPlace) scrollToFinding(following, 'auto');
    else if (keepPlace) scroller.scrollTop = tops[current - 1]! + anchor * zoom;
    zoomLabel.textContent = `${Math.round(zoom * 100)} %`;
    fit.setAttribute('aria-pressed', String(fitting));
    schedule();
  }

  const setZoom = (value: number, fitWidth: boolean): void => {
    fitting = fitWidth;
    applyZoom(value, true);
  };
  zoomIn.addEventListener('click', () => setZoom(stepZoom(zoom, 1), false));
  zoomOut.addEventListener('click', () => setZoom(stepZoom(zoom, -1), false));
  fit.addEventListener('click', () => setZoom(fitWidthZoom(sizes, scroller.clientWidth), true));
  const resize = new ResizeObserver(() => {
    if (fitting && sizes.length && scroller.clientWidth > 0) {
      const fitted = fitWidthZoom(sizes, scroller.clientWidth);
      if (Math.abs(fitted - zoom) > 0.005) applyZoom(fitted, true);
    }
  });
  resize.observe(scroller);

  // ---------- navigation ----------
  function goTo(page: number): void {
    following = null;
    const target = Math.min(Math.max(1, Math.round(page)), sizes.length);
    if (!Number.isFinite(target) || !tops.length) return;
    scroller.scrollTo({ top: tops[target - 1]! - 8 });
  }
  prev.addEventListener('click', () => goTo(current - 1));
  next.addEventListener('click', () => goTo(current + 1));
  pageInput.addEventListener('change', () => goTo(Number(pageInput.value)));
  pageInput.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') goTo(Number(pageInput.value));
  });
  scroller.addEventListener('scroll', schedule, { passive: true });
  // The reader taking over the scroll ends the follow (programmatic scrolls fire none of these).
  for (const type of ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const) {
    scroller.addEventListener(type, () => (following = null), { passive: true });
  }

  // ---------- drawing only what is near ----------
  function schedule(): void {
    if (frame || !pdf) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      update();
    });
  }

  function update(): void {
    if (!pdf || disposed || scroller.clientHeight === 0) return;
    current = pageAt(tops, scroller.scrollTop, scroller.clientHeight);
    if (document.activeElement !== pageInput) pageInput.value = String(current);
    const printed = printedPageNote(review.document.printedPages, current);
    printedNote.textContent = printed ? ` (${printed})` : '';
    prev.disabled = current <= 1;
    next.disabled = current >= sizes.length;
    const near = new Set(pagesNear(tops, height, scroller.scrollTop, scroller.clientHeight, 1));
    const keep = new Set(pagesNear(tops, height, scroller.scrollTop, scroller.clientHeight, 3));
    slots.forEach((slot, i) => {
      if (near.has(i + 1)) {
        if (slot.drawnAt !== zoom) void draw(slot, i + 1);
      } else if (!keep.has(i + 1)) release(slot);
    });
  }

  async function draw(slot: PageSlot, number: number): Promise<void> {
    if (!pdf) return;
    slot.task?.cancel();
    const at = zoom;
    slot.drawnAt = at;
    const page = await pdf.getPage(number);
    // Sharp on high-density screens, but never more than twice the pixels (memory on long contracts).
    const ratio = Math.min(2, window.devicePixelRatio || 1);
    const viewport = page.getViewport({ scale: at * PX_PER_PT * ratio });
    const canvas = h('canvas', { class: 'page-canvas', 'aria-hidden': 'true' });
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    const task = page.render({ canvas, viewport });
    slot.task = task;
    try {
      await task.promise;
    } catch {
      return; // cancelled by a newer zoom or by scrolling away
    }
    if (slot.task !== task || disposed) return;
    slot.task = null;
    slot.canvas?.remove();
    slot.canvas = canvas;
    slot.element.prepend(canvas);
    slot.element.dataset.drawn = 'true';
  }

  function release(slot: PageSlot): void {
    slot.task?.cancel();
    slot.task = null;
    if (slot.canvas) {
      // Zero size frees the bitmap at once instead of at the next garbage collection.
      slot.canvas.width = 0;
      slot.canvas.height = 0;
      slot.canvas.remove();
      slot.canvas = null;
    }
    slot.drawnAt = null;
    delete slot.element.dataset.drawn;
  }

  // ---------- public ----------
  let pending: string | null = null;
  function show(findingId: string | null, scroll: boolean): boolean {
    for (const el of element.querySelectorAll('.page-hl.is-current')) el.classList.remove('is-current');
    if (!findingId) {
      following = null;
      return false;
    }
    const list = boxes.get(findingId) ?? [];
    for (const box of list) box.classList.add('is-current');
    if (!pdf) {
      pending = scroll ? findingId : null;
      return (review.pageBoxes?.[findingId]?.length ?? 0) > 0;
    }
    if (!review.pageBoxes?.[findingId]?.length || !list.length) return false;
    if (scroll) {
      following = findingId;
      scrollToFinding(findingId, scrollMotion());
    }
    return true;
  }

  function scrollToFinding(findingId: string, behavior: ScrollBehavior): void {
    const first = review.pageBoxes?.[findingId]?.[0];
    if (!first || !tops.length) return;
    const left = (first.x + first.width / 2) * PX_PER_PT * zoom - scroller.clientWidth / 2;
    scroller.scrollTo({ top: scrollTopFor(tops, first.page, first.y, zoom, scroller.clientHeight), left: Math.max(0, left), behavior });
  }

  function activate(): void {
    if (loading) {
      schedule();
      return;
    }
    loading = openReviewPdf(review.id).then(
      (opened) => {
        if (disposed) return void opened.pdf.destroy();
        pdf = opened.pdf;
        sizes = opened.sizes;
        build();
        if (pending) show(pending, true);
        pending = null;
      },
      (error: unknown) => {
        clear(scroller);
        scroller.append(
          h('p', { class: 'error', role: 'alert' }, error instanceof Error ? error.message : String(error)),
          h('p', { class: 'muted' }, 'The text view still shows the contract and its findings.'),
        );
      },
    );
  }

  function setDecided(isDecided: (findingId: string) => boolean): void {
    for (const [id, list] of boxes) for (const box of list) box.classList.toggle('is-decided', isDecided(id));
  }

  function dispose(): void {
    disposed = true;
    resize.disconnect();
    if (frame) cancelAnimationFrame(frame);
    for (const slot of slots) release(slot);
    void pdf?.destroy();
  }

  return { element, activate, show, setDecided, dispose };
}

