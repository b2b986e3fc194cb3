/**
 * The app in a real browser (Debian's Chromium through playwright-core) against the real
 * server and SQLite store: upload, decide (accept two, edit one, reject one with a reason),
 * export the DOCX and check it holds exactly those decisions, restart and find them intact.
 * Hostile contract text must render inert. Skips with a message when Chromium is absent.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeParserPool, parseDocument } from '@redliner/parser';
import { startServer, type RunningServer } from '@redliner/server';
import { corpusPath, REPO_ROOT, SHARED_DIR } from './support/shared-corpus.ts';

const CHROMIUM = process.env.REDLINER_CHROMIUM ?? '/usr/bin/chromium';
const WEB = join(REPO_ROOT, 'packages/web');
const CONTRACT = join(REPO_ROOT, 'test/fixtures/contracts/payer-draft.docx');
if (!existsSync(CHROMIUM)) console.warn(`Chromium not found at ${CHROMIUM}; browser tests skipped (apt-get install chromium, or set REDLINER_CHROMIUM).`);

describe.skipIf(!existsSync(CHROMIUM))('the review app in Chromium', () => {
  let browser: Browser;
  let server: RunningServer;
  const dataDir = mkdtempSync(join(tmpdir(), 'redliner-e2e-'));
  const start = () => startServer({ port: 0, dataDir, webRoot: join(WEB, 'dist'), logger: false });

  beforeAll(async () => {
    // The same build `pnpm start` makes.
    execFileSync(process.execPath, [join(WEB, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: WEB, stdio: 'inherit' });
    server = await start();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await closeParserPool();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('uploads, records decisions, exports exactly those changes, and keeps them across a restart', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const cspViolations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });

    await page.goto(server.url);
    await page.setInputFiles('#file-input', CONTRACT);
    await page.waitForURL(/\/reviews\/[^/]+$/, { timeout: 60_000 });
    const reviewId = page.url().split('/').pop()!;
    await page.locator('li.finding').first().waitFor();
    const total = await page.locator('li.finding').count();
    expect(total).toBeGreaterThanOrEqual(4);

    // Hostile text in the contract is shown as text and never runs.
    await expect.poll(() => page.getByText('<script>alert("x")</script>', { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.locator('script:not([src])').count()).toBe(0);
    expect(dialogs).toEqual([]);

    const open = async (index: number) => {
      await page.locator('li.finding .finding-summary').nth(index).click();
      return page.locator('li.finding').nth(index);
    };
    const decided = (n: number) => page.getByText(`${n} of ${total} findings decided`).waitFor();

    let item = await open(0);
    await item.getByRole('button', { name: /^Accept/ }).click();
    await decided(1);
    item = await open(1);
    await item.getByRole('button', { name: /^Accept/ }).click();
    await decided(2);
    item = await open(2);
    await item.getByRole('button', { name: 'Edit wording…' }).click();
    await item.locator('textarea.editor').fill('The parties shall agree any change in writing.');
    await item.getByRole('button', { name: 'Save my wording' }).click();
    await decided(3);
    item = await open(3);
    await item.locator('textarea.reason').fill('Acceptable for this payer.');
    await item.getByRole('button', { name: 'Reject' }).click();
    await decided(4);
    expect(cspViolations).toEqual([]);

    // The export holds exactly these decisions.
    const review = (await (await page.request.get(`${server.url}/api/reviews/${reviewId}`)).json()) as {
      findings: Array<{ id: string; redline?: { text: string } }>;
      decisions: Record<string, { action: string; text?: string; reason?: string }>;
    };
    const byAction = (action: string) => Object.entries(review.decisions).filter(([, d]) => d.action === action);
    expect(byAction('accept')).toHaveLength(2);
    expect(byAction('edit')).toHaveLength(1);
    expect(byAction('reject')[0]![1].reason).toBe('Acceptable for this payer.');
    const exported = await page.request.get(`${server.url}/api/reviews/${reviewId}/export.docx`);
    expect(exported.status()).toBe(200);
    const bytes = new Uint8Array(await exported.body());
    const accepted = (await parseDocument(bytes, { name: 'export.docx' })).text.replace(/\s+/g, ' ');
    expect(accepted).toContain('The parties shall agree any change in writing.');
    for (const [id] of byAction('accept')) {
      const text = review.findings.find((f) => f.id === id)?.redline?.text.trim();
      if (text) expect(accepted).toContain(text.replace(/\s+/g, ' ').slice(0, 50));
    }
    const comments = await (await JSZip.loadAsync(bytes)).file('word/comments.xml')!.async('string');
    expect(comments).toContain('Acceptable for this payer.');

    if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: join(REPO_ROOT, 'docs/review-screen.png') });
    await page.close();

    // Restart on the same data dir: the review and its decisions are intact.
    await server.close();
    server = await start();
    const again = (await (await fetch(`${server.url}/api/reviews/${reviewId}`)).json()) as { decisions: Record<string, unknown> };
    expect(Object.keys(again.decisions)).toHaveLength(4);
  }, 180_000);

  it('reviews a PDF: findings appear with their page, and the checklist lists every concept', async () => {
    // A payer-dev PDF when the shared corpus is there; the repo's own PDF fixture otherwise.
    const pdf = SHARED_DIR ? corpusPath('payer-dev', 'docs', '01-ortho-physician-services.pdf') : join(REPO_ROOT, 'packages/parser/test/fixtures/pdf/flow.pdf');
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(server.url);
    await page.setInputFiles('#file-input', pdf);
    await page.waitForURL(/\/reviews\/[^/]+$/, { timeout: 60_000 });
    await page.getByText(/findings decided|No findings/).first().waitFor();
    if (SHARED_DIR) {
      await page.locator('li.finding').first().waitFor();
      expect(await page.locator('li.finding').count()).toBeGreaterThan(20);
      await expect.poll(() => page.getByText(/^Page \d+$/).count()).toBeGreaterThan(3);
    }
    await page.getByRole('tab', { name: 'Checklist and summary' }).or(page.getByText('Checklist and summary')).first().click();
    await page.getByText('Evergreen / automatic renewal', { exact: false }).first().waitFor();
    if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: join(REPO_ROOT, 'docs/checklist.png') });
    await page.close();
  }, 180_000);
});
