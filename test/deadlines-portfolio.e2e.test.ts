/**
 * Deadlines in a real browser: a contract without an initial term shows why its deadlines
 * cannot be dated; correcting the term in the Key terms tab dates them at once; the .ics link
 * downloads a calendar that parses back to those dates; the home screen lists them as upcoming.
 * A second, different contract (made in the test, with a shorter filing window) is uploaded
 * through the home screen's file chooser; the portfolio shows both, with the initial term
 * corrected in the Key terms tab, sorts by a term, marks the second's worse filing window as the
 * contract states it, and its XLSX download reads back with the same rows. A review whose own
 * rules were deleted is named in the portfolio with why, and comes back into the matrix after
 * Re-analyse… on its page. Skips with a message when Chromium is absent.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '@redliner/server';
import { buildWeb, HAS_CHROMIUM, launchChromium, shutDown, warnIfNoChromium, watchProblems } from './support/browser.ts';
import { REPO_ROOT } from './support/shared-corpus.ts';
import { OWN_RULE } from '../packages/server/test/helpers.ts';

const CONTRACT = join(REPO_ROOT, 'test/fixtures/contracts/payer-draft.docx');
warnIfNoChromium('deadline browser tests');

/** A second payer's short agreement: its own parties and a 60-day filing window (the fixture's is 90). */
function secondContract(): Promise<Buffer> {
  const paragraphs = [
    'PROVIDER SERVICES AGREEMENT',
    'This Provider Services Agreement is entered into by Summit Ridge Health Plan, Inc. ("Plan") and Larkspur Family Clinic, P.C. ("Provider").',
    '1. Term. This Agreement begins on March 1, 2027 and continues for an initial term of one (1) year.',
    '2. Claims. Provider shall submit each claim to Plan no later than sixty (60) days after the date of service. Plan shall pay each clean claim within thirty (30) days of receipt.',
    '3. Governing Law. This Agreement is governed by the laws of the State of Oregon.',
  ];
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs.map((text) => new Paragraph(text)) }] }));
}

describe.skipIf(!HAS_CHROMIUM)('deadlines and the portfolio in Chromium', () => {
  let browser: Browser;
  let server: RunningServer;
  const dataDir = mkdtempSync(join(tmpdir(), 'redliner-deadlines-e2e-'));
  const webRoot = mkdtempSync(join(tmpdir(), 'redliner-deadlines-web-'));
  // The review whose initial term the first test corrects in the Key terms tab.
  let corrected = '';

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
    corrected = review.id;
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

  it('opens the portfolio, sorts by a term, marks the worse contract and exports XLSX', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    const problems = watchProblems(page);
    // The second contract is uploaded the way a user does: the file chooser on the home screen.
    await page.goto(server.url);
    await page.locator('#file-input').setInputFiles({ name: 'second draft.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: await secondContract() });
    await page.waitForURL(/\/reviews\/[^/]+/, { timeout: 200_000 });
    const second = { id: decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!) };
    await page.goto(server.url);
    await page.locator('.site-nav').getByRole('link', { name: 'Portfolio' }).click();
    const matrix = page.locator('table.portfolio-matrix');
    await matrix.waitFor();
    expect(await matrix.locator('tbody tr').count()).toBe(2);

    const sortBy = matrix.locator('th[data-sort="term:timely-filing-initial"] button');
    await sortBy.click();
    const names = () => matrix.locator('tbody tr td[data-col="name"]').allTextContents();
    expect(await names()).toEqual(['second draft.docx', 'payer-draft.docx']);
    await sortBy.click();
    expect(await names()).toEqual(['payer-draft.docx', 'second draft.docx']);
    // The second contract states 60 days, worse than the first's 90: read from it, not corrected.
    const secondFiling = matrix.locator(`tr[data-review="${second.id}"] td[data-col="term:timely-filing-initial"]`);
    expect(await secondFiling.locator('.term-cell.worse').textContent()).toMatch(/^60 days/);
    expect(await secondFiling.textContent()).not.toMatch(/Corrected/);
    expect(await matrix.locator(`tr[data-review="${second.id}"] td[data-col="payer"]`).textContent()).toMatch(/Summit Ridge Health Plan/);
    // The initial term corrected in the Key terms tab (first test) is the matrix's value too.
    expect(await matrix.locator(`tr[data-review="${corrected}"] td[data-col="term:initial-term"]`).textContent()).toMatch(/^2 years\s*Corrected/);

    await page.getByRole('searchbox', { name: 'Filter contracts' }).fill('second');
    expect(await names()).toEqual(['second draft.docx']);
    await expect.poll(() => page.locator('.scorecard .formula').textContent()).toMatch(/^score = 100 × e\^\(−points/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download Excel (.xlsx)' }).click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await download.path())!).buffer as ArrayBuffer);
    const sheet = book.getWorksheet('Contracts')!;
    const header = sheet.getRow(1).values as unknown[];
    const filing = header.indexOf('Timely filing (initial claims)');
    const rows = [2, 3].map((n) => ({ name: sheet.getRow(n).getCell(1).value, filing: sheet.getRow(n).getCell(filing).value }));
    expect(rows).toEqual(expect.arrayContaining([{ name: 'second draft.docx', filing: '60 days' }, { name: 'payer-draft.docx', filing: '90 days' }]));
    if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: join(REPO_ROOT, 'docs/portfolio.png') });
    expect(problems).toEqual([]);
  }, 240_000);

  it('names a review whose rules were deleted, and takes it back into the matrix after Re-analyse…', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const problems = watchProblems(page);
    await page.goto(server.url);
    // A review made with the user's own rules (saved and used through the API, as the rule
    // editor and the upload form do), whose folder is then deleted from disk.
    const orphan = await page.evaluate(
      async ({ rule, docx }) => {
        const own = encodeURIComponent('user:my-rules');
        const saved = await fetch(`/api/rulesets/${own}/rules/own-gag-rule`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ yaml: rule }) });
        if (!saved.ok) throw new Error(`save: ${saved.status} ${await saved.text()}`);
        const form = new FormData();
        form.append('ruleset', 'user:my-rules');
        form.append('file', new Blob([new Uint8Array(docx)]), 'own rules draft.docx');
        const made = await fetch('/api/reviews', { method: 'POST', body: form });
        if (!made.ok) throw new Error(`upload: ${made.status} ${await made.text()}`);
        return ((await made.json()) as { id: string }).id;
      },
      { rule: OWN_RULE, docx: [...readFileSync(CONTRACT)] },
    );
    rmSync(join(dataDir, 'rulesets', 'my-rules'), { recursive: true, force: true });

    await page.locator('.site-nav').getByRole('link', { name: 'Portfolio' }).click();
    const matrix = page.locator('table.portfolio-matrix');
    await matrix.waitFor();
    expect(await matrix.locator('tbody tr').count()).toBe(2);
    const left = page.locator('section.portfolio-skipped');
    expect(await left.getByRole('heading').textContent()).toBe('1 review left out');
    const item = left.locator(`li[data-review="${orphan}"]`);
    expect(await item.textContent()).toMatch(/^own rules draft\.docx: It was analysed with the rules ".+" \(user:my-rules\), which have since been deleted.*Choose Re-analyse… on the review/);

    // The way back the reason names: open the review, Re-analyse… against rules that exist.
    await item.getByRole('link').click();
    await page.waitForURL(new RegExp(`/reviews/${orphan}/terms$`));
    // The tab says the same, with the way back, instead of an error meant for API callers.
    await expect.poll(() => page.locator('.error:visible').allTextContents()).toEqual([
      expect.stringMatching(/^The key terms could not be read: This review's rules no longer exist\. It was analysed with the rules/),
      expect.stringMatching(/^The deadlines could not be worked out: .*Choose Re-analyse… on the review/),
    ]);
    await page.getByRole('button', { name: 'Re-analyse…' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.textContent()).toMatch(/no longer available/);
    await dialog.getByRole('button', { name: 'Re-analyse', exact: true }).click();
    await dialog.waitFor({ state: 'detached', timeout: 120_000 });
    await page.locator('.site-nav').getByRole('link', { name: 'Portfolio' }).click();
    await matrix.waitFor();
    expect(await matrix.locator('tbody tr').count()).toBe(3);
    expect(await matrix.locator(`tr[data-review="${orphan}"] td[data-col="name"]`).textContent()).toBe('own rules draft.docx');
    expect(await left.count()).toBe(0);
    // The browser logged the two refused requests (409) of the Key terms tab before the re-analysis; nothing else.
    expect(problems.filter((p) => !/409|Conflict/.test(p))).toEqual([]);
  }, 240_000);
});
