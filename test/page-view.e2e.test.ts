/**
 * The page view of a PDF review in a real browser: upload a PDF (one generated here, and a
 * payer-dev PDF when ../shared exists), open "Pages", pick a finding and check its highlight is
 * drawn on the right page at the quote's place as pdf.js itself measures the text; a highlight
 * click selects the finding; zoom and page navigation work; a page read by OCR says so on the
 * page; and nothing breaks the CSP.
 * Skips with a message when Chromium is absent.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '@redliner/server';
import { buildPdf } from '../packages/parser/test/fixtures/pdf/pdf-writer.ts';
import { imageOnlyPdf, pictureOfPage } from '../packages/parser/test/scanned-pdf.ts';
import { buildWeb, HAS_CHROMIUM, launchChromium, shutDown, warnIfNoChromium, watchProblems, WEB_DIR } from './support/browser.ts';
import { payerDevContracts, REPO_ROOT, SHARED_DIR, SKIP_MESSAGE } from './support/shared-corpus.ts';

warnIfNoChromium('page view browser tests');
if (!SHARED_DIR) console.warn(`${SKIP_MESSAGE} (page view runs on the generated PDF only)`);

const RENEWAL = 'This Agreement renews automatically for successive one-year terms.';
const PX_PER_PT = 96 / 72;

/** Three pages of clauses; the evergreen renewal (a finding) is alone on page 2. */
function threePagePdf(): Uint8Array {
  const lines = (texts: string[], from = 90) => texts.map((text, i) => ({ x: 72, y: from + i * 16, text, size: 11 }));
  return buildPdf([
    { texts: lines(['PROVIDER AGREEMENT', '1. Parties. This Agreement is between Plan and Provider.', '2. Services. Provider shall render Covered Services to Members.']) },
    { texts: lines(['3. Term.', RENEWAL, '4. Records. Provider shall keep medical records for ten (10) years.'], 300) },
    { texts: lines(['5. Notices. Notices shall be in writing.', '6. Governing Law. The laws of the State govern this Agreement.']) },
  ]);
}

interface TextBox {
  str: string;
  x: number;
  baseline: number;
  width: number;
  size: number;
}

/** The little of pdf.js (the package's legacy build, for Node) these checks use. */
interface PdfjsForNode {
  getDocument(options: Record<string, unknown>): {
    promise: Promise<{
      getPage(n: number): Promise<{
        getViewport(options: { scale: number }): { transform: number[] };
        getTextContent(): Promise<{ items: Array<{ str?: string; transform?: number[]; width?: number }> }>;
      }>;
      destroy(): Promise<void>;
    }>;
  };
}

/** pdf.js's own text positions on `pageNumber` (points, top-left origin), read in Node. */
async function pdfjsText(bytes: Uint8Array, pageNumber: number): Promise<TextBox[]> {
  const resolve = createRequire(join(REPO_ROOT, 'packages/web/package.json')).resolve;
  const pdfjs = (await import(pathToFileURL(resolve('pdfjs-dist/legacy/build/pdf.mjs')).href)) as PdfjsForNode;
  const pdf = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, useWorkerFetch: false, verbosity: 0 }).promise;
  try {
    const page = await pdf.getPage(pageNumber);
    const vt = page.getViewport({ scale: 1 }).transform;
    const content = await page.getTextContent();
    return content.items.flatMap((item) => {
      if (!item.str?.trim() || !item.transform) return [];
      const [a, b, c, d, e, f] = item.transform;
      const x = vt[0]! * e! + vt[2]! * f! + vt[4]!;
      const baseline = vt[1]! * e! + vt[3]! * f! + vt[5]!;
      return [{ str: item.str, x, baseline, width: item.width ?? 0, size: Math.hypot(c!, d!) || Math.hypot(a!, b!) }];
    });
  } finally {
    await pdf.destroy();
  }
}

describe.skipIf(!HAS_CHROMIUM)('the page view of a PDF review in Chromium', () => {
  let browser: Browser;
  let server: RunningServer;
  const dataDir = mkdtempSync(join(tmpdir(), 'redliner-pages-'));

  beforeAll(async () => {
    buildWeb();
    // A generous OCR limit per page: on a machine shared with other work, one page can take a minute.
    server = await startServer({ port: 0, dataDir, webRoot: join(WEB_DIR, 'dist'), logger: false, ocrPageTimeoutMs: 180_000 });
    browser = await launchChromium();
  }, 180_000);
  afterAll(() => shutDown(browser, server, dataDir));

  /** A page that records CSP violations (the DOM event and console reports) and every other problem. */
  async function openPage(): Promise<{ page: Page; problems: string[]; violations: () => Promise<string[]> }> {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const problems = watchProblems(page);
    page.on('worker', (worker) => worker.on('console', (message) => /Content Security Policy|error/i.test(message.text()) && problems.push(`worker: ${message.text()}`)));
    return { page, problems, violations: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations) };
  }

  async function uploadAndOpenPages(page: Page, file: string, uploadMs = 90_000): Promise<string> {
    await page.goto(server.url);
    await page.setInputFiles('#file-input', file);
    await page.waitForURL(/\/reviews\/[^/]+$/, { timeout: uploadMs });
    await page.locator('li.finding').first().waitFor();
    await page.getByRole('group', { name: 'Show the contract as' }).getByRole('button', { name: 'Pages' }).click();
    await page.locator('.pdf-page[data-drawn]').first().waitFor({ timeout: 30_000 });
    return page.url().split('/').pop()!;
  }

  /**
   * The current highlight's first box and its page's box, in CSS pixels, read together once the
   * view has stopped moving (the scroll to a finding is smooth, and pages are drawn as they come
   * into view, so two reads taken apart can straddle a frame).
   */
  async function currentBox(page: Page, pageNumber: number) {
    const highlight = page.locator(`.pdf-page[data-page="${pageNumber}"] .page-hl.is-current`).first();
    await highlight.waitFor();
    const read = () =>
      page.evaluate((n) => {
        const sheetEl = document.querySelector(`.pdf-page[data-page="${n}"]`)!;
        const hl = sheetEl.querySelector('.page-hl.is-current')!;
        const rect = (el: Element) => {
          const r = el.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height };
        };
        return { box: rect(hl), sheet: rect(sheetEl) };
      }, pageNumber);
    let last = JSON.stringify(await read());
    await expect
      .poll(async () => {
        const now = JSON.stringify(await read());
        const settled = now === last;
        last = now;
        return settled;
      }, { interval: 150, timeout: 20_000 })
      .toBe(true);
    const { box, sheet } = JSON.parse(last) as Awaited<ReturnType<typeof read>>;
    const zoom = sheet.width / (612 * PX_PER_PT);
    return { box, sheet, zoom };
  }

  it('draws a finding of a generated PDF on its page at the quote, as pdf.js measures it, and selects from the page', async () => {
    const file = join(dataDir, 'three pages.pdf');
    const bytes = threePagePdf();
    writeFileSync(file, bytes);
    const { page, problems, violations } = await openPage();
    const id = await uploadAndOpenPages(page, file);
    await expect.poll(() => page.locator('.page-count').textContent()).toBe('of 3');

    await page.locator('li.finding', { hasText: 'renews automatically' }).locator('.finding-summary').click();
    // Only page 2 holds the highlight of this finding.
    await expect.poll(() => page.locator('.page-hl.is-current').evaluateAll((els) => [...new Set(els.map((el) => el.closest('.pdf-page')!.getAttribute('data-page')))]), { timeout: 20_000 }).toEqual(['2']);
    // The page scrolls to it (smoothly, so wait until the highlight is inside the visible pages).
    await expect
      .poll(() =>
        page.evaluate(() => {
          const hl = document.querySelector('.pdf-page[data-page="2"] .page-hl.is-current')!.getBoundingClientRect();
          const view = document.querySelector('.page-scroller')!.getBoundingClientRect();
          return hl.top > view.top && hl.bottom < view.bottom;
        }),
      )
      .toBe(true);
    const { box, sheet, zoom } = await currentBox(page, 2);
    const scale = zoom * PX_PER_PT;
    const [text] = (await pdfjsText(bytes, 2)).filter((t) => t.str.includes('renews automatically'));
    expect(text).toBeDefined();
    const tolerance = 3;
    expect(Math.abs(box.x - sheet.x - text!.x * scale)).toBeLessThan(tolerance);
    expect(Math.abs(box.x + box.width - sheet.x - (text!.x + text!.width) * scale)).toBeLessThan(tolerance);
    const baseline = sheet.y + text!.baseline * scale;
    expect(box.y).toBeLessThan(baseline);
    expect(box.y + box.height).toBeGreaterThan(baseline);
    expect(Math.abs(box.height - text!.size * scale)).toBeLessThan(tolerance);
    // Once settled, it stays there.
    const scroller = (await page.locator('.page-scroller').boundingBox())!;
    expect(box.y).toBeGreaterThan(scroller.y);
    expect(box.y + box.height).toBeLessThan(scroller.y + scroller.height);

    // Navigation and zoom.
    await page.getByRole('button', { name: 'Previous page' }).click();
    await expect.poll(() => page.getByLabel('Page number').inputValue()).toBe('1');
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => page.getByLabel('Page number').inputValue()).toBe('2');
    const before = (await page.locator('.pdf-page[data-page="2"]').boundingBox())!.width;
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(async () => (await page.locator('.pdf-page[data-page="2"]').boundingBox())!.width).toBeGreaterThan(before);
    await page.getByRole('button', { name: 'Fit width' }).click();
    await expect.poll(async () => Math.round((await page.locator('.pdf-page[data-page="2"]').boundingBox())!.width)).toBe(Math.round(before));

    // A click on a highlight on the page selects its finding in the panel.
    await page.locator('li.finding', { hasText: 'renews automatically' }).locator('.finding-summary').click();
    await page.locator('.finding-summary').first().click(); // select something else first
    await page.locator('.pdf-page[data-page="2"] button.page-hl').first().click();
    await expect.poll(() => page.locator('li.finding.selected').textContent()).toContain('renews automatically');

    // The original is served as a PDF; lazy drawing left page 3 alone or drew it, never failed.
    const res = await page.request.get(`${server.url}/api/reviews/${id}/original.pdf`);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect(await violations()).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);

  it('marks a page read by OCR on the page itself, and only that page', async () => {
    // Page 1 has a text layer; page 2 is the committed scan (a picture of a clause page, read by OCR).
    const scan = readFileSync(join(REPO_ROOT, 'packages/parser/test/fixtures/pdf/scanned-text.pdf'));
    const picture = await pictureOfPage(new Uint8Array(scan), 1);
    const file = join(dataDir, 'partly scanned.pdf');
    writeFileSync(file, imageOnlyPdf([
      { width: 1, height: 1, grey: new Uint8Array([255]), pageWidth: 612, pageHeight: 792, text: 'This Agreement renews automatically for successive one-year terms.' },
      { width: picture.width, height: picture.height, grey: picture.grey, pageWidth: 612, pageHeight: 792 },
    ]));
    const { page, problems, violations } = await openPage();
    await uploadAndOpenPages(page, file, 300_000);
    const scanned = page.getByRole('group', { name: 'Page 2, read by OCR' });
    await expect.poll(() => scanned.getByRole('note').textContent()).toBe('Read by OCR; check the text against the page');
    expect(await scanned.getByRole('note').isVisible()).toBe(true);
    expect(await page.getByRole('group', { name: 'Page 1', exact: true }).getByRole('note').count()).toBe(0);
    expect(await page.locator('.page-ocr-note').count()).toBe(1);
    expect(await violations()).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 420_000);

  it('names the number a page prints where it differs from its place in the PDF', async () => {
    // A cover letter before the agreement: PDF page 3 prints "Page 2 of 3" in its footer.
    const file = join(REPO_ROOT, 'packages/parser/test/fixtures/pdf/printed-pages.pdf');
    const { page, problems } = await openPage();
    await uploadAndOpenPages(page, file);
    expect(await page.getByRole('group', { name: 'Page 3 (printed 2)', exact: true }).count()).toBe(1);
    expect(await page.getByRole('group', { name: 'Page 1', exact: true }).count()).toBe(1);
    await page.getByRole('spinbutton', { name: 'Page number' }).fill('3');
    await page.getByRole('spinbutton', { name: 'Page number' }).press('Enter');
    await page.locator('.page-scroller').focus();
    await expect.poll(() => page.locator('.page-printed').textContent(), { timeout: 20_000 }).toBe(' (printed 2)');
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);

  it.skipIf(!SHARED_DIR)('highlights a payer-dev PDF finding at its text on the right page', async () => {
    const pdfs = payerDevContracts().flatMap((c) => c.renderings.filter((p) => p.endsWith('.pdf')));
    const file = pdfs.find((p) => basename(p) === '02-hospital-participation-hmo.pdf') ?? pdfs[0]!;
    const { page, problems, violations } = await openPage();
    const id = await uploadAndOpenPages(page, file);
    const review = (await (await page.request.get(`${server.url}/api/reviews/${id}`)).json()) as {
      findings: Array<{ id: string; kind: string; quote: string; span: unknown }>;
      pageBoxes: Record<string, Array<{ page: number; x: number; y: number; width: number; height: number }>>;
    };
    // A finding on a later page, so the view must scroll (and draw) there.
    const finding = [...review.findings].reverse().find((f) => f.kind === 'presence' && review.pageBoxes[f.id]?.length)!;
    const [first] = review.pageBoxes[finding.id]!;
    // Opened by its link (#finding-id), as the checklist and memo links do; the Pages choice is remembered.
    await page.evaluate((fid) => (location.hash = fid), finding.id);
    await page.reload();
    await page.locator('.pdf-page[data-drawn]').first().waitFor({ timeout: 30_000 });
    const { box, sheet, zoom } = await currentBox(page, first!.page);
    const scale = zoom * PX_PER_PT;
    expect(Math.abs(box.x - sheet.x - first!.x * scale)).toBeLessThan(2);
    expect(Math.abs(box.y - sheet.y - first!.y * scale)).toBeLessThan(2);
    // pdf.js puts text of the quote on that line, under the box.
    const bytes = new Uint8Array(await (await page.request.get(`${server.url}/api/reviews/${id}/original.pdf`)).body());
    const words = (s: string) => s.toLowerCase().match(/[a-z]{4,}/g) ?? [];
    const quoteWords = new Set(words(finding.quote));
    const onLine = (await pdfjsText(bytes, first!.page)).filter((t) => t.baseline > first!.y && t.baseline < first!.y + first!.height + 1 && t.x < first!.x + first!.width && t.x + t.width > first!.x);
    expect(onLine.flatMap((t) => words(t.str)).filter((w) => quoteWords.has(w)).length).toBeGreaterThan(0);
    expect(await violations()).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 240_000);
});
