/**
 * The review app for one browser test file: its own web build, data folder, server and
 * Chromium, started before the file's tests and removed after them, and the few steps every
 * screen's tests take (open a watched page, upload a contract). Each file builds into its own
 * folder, so test files running side by side never share a half-written build.
 */
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type RunningServer } from '@redliner/server';
import { buildWeb, launchChromium, shutDown } from './browser.ts';
import { REPO_ROOT } from './shared-corpus.ts';

/** The repo's payer draft, with hostile text in it. */
export const CONTRACT = join(REPO_ROOT, 'test/fixtures/contracts/payer-draft.docx');
/** A laptop screen: what counsel will use. */
export const VIEWPORT = { width: 1366, height: 768 };
/** Write the README's screenshots (`UPDATE_SCREENSHOTS=1`). */
export const SHOTS = Boolean(process.env.UPDATE_SCREENSHOTS);

/** A review as the API returns it, as far as the tests read it. */
export interface ApiReview {
  name: string;
  findings: Array<{ id: string; quote: string; redline?: { op: string; text: string } }>;
  decisions: Record<string, { action: string; text?: string; reason?: string }>;
}

/** A page that records browser dialogs (hostile text must never raise one) and CSP violations. */
export interface WatchedPage {
  page: Page;
  dialogs: string[];
  cspViolations: string[];
}

/** The running app of one test file. */
export interface ReviewApp {
  /** The server's address (changes on `restart`). */
  readonly url: string;
  readonly dataDir: string;
  openPage(): Promise<WatchedPage>;
  /** Upload `file` from the start page; returns the new review's id. */
  upload(page: Page, file: string): Promise<string>;
  /** Stop the server and start it again on the same data folder. */
  restart(): Promise<void>;
}

/** Start the app for the calling `describe` block; `prepare` fills the data folder first (user rulesets). */
export function useReviewApp(prepare?: (dataDir: string) => void): ReviewApp {
  const dataDir = mkdtempSync(join(tmpdir(), 'redliner-e2e-'));
  // Beside the data folder, not in it: the store owns what is in its folder.
  const webRoot = mkdtempSync(join(tmpdir(), 'redliner-e2e-web-'));
  let browser: Browser | undefined;
  let server: RunningServer | undefined;
  const start = () => startServer({ port: 0, dataDir, webRoot, logger: false });

  beforeAll(async () => {
    // The same build `pnpm start` makes, in this file's own folder.
    buildWeb(webRoot);
    prepare?.(dataDir);
    server = await start();
    // The first listing of the rulesets compiles them; on a busy machine that alone can outlast a
    // test's wait for the start page, so each file pays it here, once, as the old single file did.
    await fetch(`${server.url}/api/rulesets`);
    browser = await launchChromium();
  }, 180_000);
  afterAll(() => shutDown(browser, server, dataDir, webRoot), 120_000);

  const app: ReviewApp = {
    get url() {
      return server!.url;
    },
    dataDir,
    async openPage() {
      const page = await browser!.newPage({ viewport: VIEWPORT });
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const cspViolations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
      });
      return { page, dialogs, cspViolations };
    },
    async upload(page, file) {
      await page.goto(app.url);
      await page.setInputFiles('#file-input', file);
      await page.waitForURL(/\/reviews\/[^/]+$/, { timeout: 60_000 });
      return page.url().split('/').pop()!;
    },
    async restart() {
      await server!.close();
      server = await start();
    },
  };
  return app;
}
