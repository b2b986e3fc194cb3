/**
 * Deadlines in a real browser: a contract without an initial term shows why its deadlines
 * cannot be dated; correcting the term in the Key terms tab dates them at once; the .ics link
 * downloads a calendar that parses back to those dates; the home screen lists them as upcoming.
 * Skips with a message when Chromium is absent.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '@redliner/server';
import { buildWeb, HAS_CHROMIUM, launchChromium, shutDown, warnIfNoChromium, watchProblems } from './support/browser.ts';
import { REPO_ROOT } from './support/shared-corpus.ts';

const CONTRACT = join(REPO_ROOT, 'test/fixtures/contracts/payer-draft.docx');
warnIfNoChromium('deadline browser tests');

describe.skipIf(!HAS_CHROMIUM)('deadlines in Chromium', () => {
  let browser: Browser;
  let server: RunningServer;
  const dataDir = mkdtempSync(join(tmpdir(), 'redliner-deadlines-e2e-'));
  const webRoot = mkdtempSync(join(tmpdir(), 'redliner-deadlines-web-'));

  beforeAll(async () => {
    buildWeb(webRoot);
    server = await startServer({ port: 0, dataDir, webRoot, logger: false });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await shutDown(browser, server, dataDir);
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('dates the deadlines once the term is corrected, downloads them as .ics and lists them on the home screen', async () => {
    const form = new FormData();
    form.append('file', new Blob([readFileSync(CONTRACT)]), 'payer-draft.docx');
    const review = (await (await fetch(`${server.url}/api/reviews`, { method: 'POST', body: form })).json()) as { id: string };
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    const problems = watchProblems(page);

    await page.goto(`${server.url}/reviews/${review.id}/terms`);
    const deadlines = page.locator('section.deadlines');
    await expect.poll(() => deadlines.locator('li.missing').first().textContent()).toMatch(/initial term is not stated/);

    const row = page.locator('tr[data-term="initial-term"]');
    await row.getByRole('button', { name: 'Correct' }).click();
    await row.getByRole('textbox').fill('2 years');
    await row.getByRole('button', { name: 'Save' }).click();
    // Effective 2027-01-01, 2 years, renews yearly unless 180 days' notice: notice by 2028-07-04.
    await deadlines.locator('li[data-kind="non-renewal-notice"] time[datetime="2028-07-04"]').waitFor();
    expect(await deadlines.locator('li.missing').count()).toBe(0);

    const [download] = await Promise.all([page.waitForEvent('download'), deadlines.getByRole('link', { name: 'Add to calendar (.ics)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const ics = readFileSync((await download.path())!, 'utf8');
    const starts = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).startDate.toString());
    expect(starts).toEqual(expect.arrayContaining(['2028-07-04', '2028-12-31']));

    await page.goto(server.url);
    const upcoming = page.locator('section.upcoming-deadlines');
    await upcoming.locator('tr[data-kind="non-renewal-notice"]').waitFor();
    expect(await upcoming.locator('tr[data-kind="non-renewal-notice"] time').getAttribute('datetime')).toBe('2028-07-04');
    expect(await upcoming.getByRole('link', { name: 'payer-draft.docx' }).count()).toBeGreaterThan(0);
    if (process.env.UPDATE_SCREENSHOTS) await upcoming.screenshot({ path: join(REPO_ROOT, 'docs/upcoming-deadlines.png') });
    expect(problems).toEqual([]);
  }, 120_000);
});
