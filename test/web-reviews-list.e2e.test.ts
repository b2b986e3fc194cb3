/**
 * The reviews list in a real browser: re-analyse a review with other rules (a user ruleset
 * beside payer-core), keeping the decisions that still apply and saying which went, from the
 * review screen and from the list; delete reviews after asking, from both. Skips with a message
 * when Chromium is absent.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, warnIfNoChromium } from './support/browser.ts';
import { CONTRACT, SHOTS, useReviewApp } from './support/review-app.ts';
import type { ApiReview } from './support/review-app.ts';
import { REPO_ROOT } from './support/shared-corpus.ts';

warnIfNoChromium('browser tests');

/** A user ruleset "Short list": payer-core without its evergreen-renewal rules. */
function writeShortList(dataDir: string): void {
  const bundled = join(REPO_ROOT, 'rulesets/payer-core');
  const dir = join(dataDir, 'rulesets', 'short-list');
  mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(bundled).filter((f) => f.endsWith('.yaml'))) {
    if (file === 'ruleset.yaml') {
      const manifest = readFileSync(join(bundled, file), 'utf8').replace(/^name: .*$/m, 'name: Short list').replace(/^version: .*$/m, 'version: "1"');
      writeFileSync(join(dir, file), manifest);
    } else if (!file.startsWith('evergreen-renewal')) {
      copyFileSync(join(bundled, file), join(dir, file));
    }
  }
}

describe.skipIf(!HAS_CHROMIUM)('the reviews list in Chromium', () => {
  const app = useReviewApp(writeShortList);

  it('re-analyses a review with other rules, keeping decisions, and deletes reviews after asking', async () => {
    const { page, dialogs, cspViolations } = await app.openPage();
    await page.goto(app.url);
    // Two rulesets, so the upload offers the choice.
    await page.getByLabel('Rules to apply').selectOption('user:short-list');
    await page.setInputFiles('#file-input', CONTRACT);
    await page.waitForURL(/\/reviews\/[^/]+$/, { timeout: 60_000 });
    const reviewId = page.url().split('/').pop()!;
    await page.getByText('Checked against Short list, version 1').waitFor();
    await page.locator('li.finding').first().waitFor();
    const short = await page.locator('li.finding').count();
    await page.locator('li.finding .finding-summary').first().click();
    await page.locator('li.finding').first().getByRole('button', { name: /^Accept/ }).click();
    await page.getByText(`1 of ${short} findings decided`).waitFor();

    const reanalyse = async (ruleset: string) => {
      await page.getByRole('button', { name: 'Re-analyse…' }).click();
      const dialog = page.getByRole('dialog');
      expect(await dialog.getByRole('heading').innerText()).toBe('Re-analyse “payer-draft.docx”?');
      await dialog.getByLabel('Rules to apply').selectOption(ruleset);
      await dialog.getByRole('button', { name: 'Re-analyse', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
    };

    // The full rules find the evergreen clause the short list leaves out; the decision made stays.
    await reanalyse('payer-core');
    await page.getByText('1 new finding.').waitFor();
    await page.getByText('Now checked against payer-core, version 0.1.0 (before: Short list, version 1).').waitFor();
    await page.getByText('Your decision was kept.').waitFor();
    expect(await page.locator('li.finding').count()).toBe(short + 1);
    const fresh = page.locator('li.finding', { has: page.locator('.badge.new') });
    expect(await fresh.count()).toBe(1);
    await page.getByText(`1 of ${short + 1} findings decided`).waitFor();

    // Back to the short list: the evergreen finding and its decision go, and the reader is told.
    await fresh.locator('.finding-summary').click();
    await fresh.getByRole('button', { name: 'Reject' }).click();
    await page.getByText(`2 of ${short + 1} findings decided`).waitFor();
    await reanalyse('user:short-list');
    await page.getByText('1 finding no longer applies.').waitFor();
    await page.getByText('1 decision was removed because its finding no longer applies.').waitFor();
    await page.getByText(`1 of ${short} findings decided`).waitFor();
    const saved = (await (await page.request.get(`${app.url}/api/reviews/${reviewId}`)).json()) as ApiReview;
    expect(Object.values(saved.decisions).map((d) => d.action)).toEqual(['accept']);

    // The last choice is remembered for the next upload.
    await page.getByRole('link', { name: '← All reviews' }).click();
    await page.locator('table.reviews-table').waitFor();
    expect(await page.getByLabel('Rules to apply').inputValue()).toBe('user:short-list');
    const row = page.locator(`tr[data-review="${reviewId}"]`);
    await row.getByText('Checked against Short list, version 1').waitFor();

    // Re-analyse from the list.
    await row.getByRole('button', { name: /^Re-analyse/ }).click();
    await page.getByRole('dialog').getByLabel('Rules to apply').selectOption('payer-core');
    await page.getByRole('dialog').getByRole('button', { name: 'Re-analyse', exact: true }).click();
    await page.getByText('“payer-draft.docx” re-analysed: 1 new finding.').waitFor();
    await row.getByText('Checked against payer-core, version 0.1.0').waitFor();
    if (SHOTS) await page.screenshot({ path: join(REPO_ROOT, 'docs/reviews-list.png') });

    // Delete from the list: the confirmation names the review; Cancel keeps it.
    await row.getByRole('button', { name: /^Delete/ }).click();
    expect(await page.getByRole('dialog').getByRole('heading').innerText()).toBe('Delete the review of “payer-draft.docx”?');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    expect(await row.count()).toBe(1);
    await row.getByRole('button', { name: /^Delete/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete review' }).click();
    await page.getByText('The review of “payer-draft.docx” was deleted.').waitFor();
    await row.waitFor({ state: 'detached' });
    expect((await page.request.get(`${app.url}/api/reviews/${reviewId}`)).status()).toBe(404);

    // Delete from the review screen: back to the list, which says so.
    const otherId = await app.upload(page, CONTRACT);
    await page.getByRole('button', { name: 'Delete review…' }).click();
    expect(await page.getByRole('dialog').getByRole('heading').innerText()).toBe('Delete the review of “payer-draft.docx”?');
    await page.getByRole('dialog').getByRole('button', { name: 'Delete review' }).click();
    await page.waitForURL(`${app.url}/`);
    await page.getByText('The review of “payer-draft.docx” was deleted.').waitFor();
    expect((await page.request.get(`${app.url}/api/reviews/${otherId}`)).status()).toBe(404);
    expect(await page.locator(`tr[data-review="${otherId}"]`).count()).toBe(0);

    // Exactly one way to the rules from here.
    expect(await page.getByRole('link', { name: 'Rules', exact: true }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Rules', exact: true }).getAttribute('href')).toBe('/rules');
    expect(dialogs).toEqual([]);
    expect(cspViolations).toEqual([]);
    await page.close();
  }, 180_000);
});
