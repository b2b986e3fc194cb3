/** Shared by the browser tests: Debian's Chromium through playwright-core, and the web build. */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { closeParserPool } from '@redliner/parser';
import type { RunningServer } from '@redliner/server';
import { REPO_ROOT } from './shared-corpus.ts';

/** The Chromium binary (Playwright cannot download its own browsers here). */
export const CHROMIUM = process.env.REDLINER_CHROMIUM ?? '/usr/bin/chromium';

/** True when the browser tests can run. */
export const HAS_CHROMIUM = existsSync(CHROMIUM);

/** The web package. */
export const WEB_DIR = join(REPO_ROOT, 'packages/web');

/** Say once per test file why its browser tests are skipped. */
export function warnIfNoChromium(what: string): void {
  if (!HAS_CHROMIUM) console.warn(`Chromium not found at ${CHROMIUM}; ${what} skipped (apt-get install chromium, or set REDLINER_CHROMIUM).`);
}

/** Build the web UI as `pnpm start` does, into `outDir` (default packages/web/dist). */
export function buildWeb(outDir?: string): void {
  const out = outDir ? ['--outDir', outDir, '--emptyOutDir'] : [];
  execFileSync(process.execPath, [join(WEB_DIR, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', ...out], { cwd: WEB_DIR, stdio: 'inherit' });
}

/** Launch headless Chromium with nothing that reaches off the machine. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** After a browser test: close the browser and the server, stop the parser threads, remove the temp folders. */
export async function shutDown(browser: Browser | undefined, server: RunningServer | undefined, ...dirs: string[]): Promise<void> {
  await browser?.close();
  await server?.close();
  await closeParserPool();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}

/**
 * What went wrong on `page` while a test drove it: console errors, Content Security Policy
 * reports, uncaught page errors and failed requests (4xx/5xx). The list fills as the page runs;
 * a test expects it to stay empty.
 */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  return problems;
}
