/**
 * The checklist screen in a real browser: a PDF reviewed with findings on their pages, and the
 * checklist saying in plain words what was searched and which clauses to review, each related
 * clause opening the contract at that clause. Skips with a message when Chromium is absent.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, warnIfNoChromium } from './support/browser.ts';
import { SHOTS, useReviewApp } from './support/review-app.ts';
import { corpusPath, REPO_ROOT, SHARED_DIR } from './support/shared-corpus.ts';

warnIfNoChromium('browser tests');

describe.skipIf(!HAS_CHROMIUM)('the checklist screen in Chromium', () => {
  const app = useReviewApp();

  it('reviews a PDF: findings appear with their page, and the checklist says in plain words what was searched and which clauses to review', async () => {
    // A payer-dev PDF when the shared corpus is there; the repo's own PDF fixture otherwise.
    const pdf = SHARED_DIR ? corpusPath('payer-dev', 'docs', '04-lab-services-lbm.pdf') : join(REPO_ROOT, 'packages/parser/test/fixtures/pdf/flow.pdf');
    const { page, cspViolations } = await app.openPage();
    await app.upload(page, pdf);
    await page.getByText(/findings decided|No findings/).first().waitFor();
    if (SHARED_DIR) {
      await page.locator('li.finding').first().waitFor();
      expect(await page.locator('li.finding').count()).toBeGreaterThan(20);
      await expect.poll(() => page.getByText(/^Page \d+$/).count()).toBeGreaterThan(3);
    }
    await page.getByRole('link', { name: 'Checklist and summary' }).click();
    await page.getByText('Evergreen / automatic renewal', { exact: false }).first().waitFor();

    // Not-found topics: rule titles and where they looked, never rule ids or the engine's wording.
    const searched = page.locator('details.searched');
    const count = await searched.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      await searched.nth(i).locator('summary').click();
      const text = (await searched.nth(i).innerText()).trim();
      expect(text).toMatch(/^No such language found\s+(Looked for: |Not relevant)/);
      expect(text).toMatch(/Searched (the whole contract|sections headed)/);
      expect(text).not.toMatch(/\b[a-z]+(?:-[a-z]+)+:|sections titled|does not apply|What was searched/);
      if (i > 0) await searched.nth(i).locator('summary').click();
    }

    // Topics no rule detected but the contract relates to: the clauses to review, never "not found".
    const related = page.locator('div.related');
    expect(await related.count()).toBeGreaterThan(0);
    for (let i = 0; i < (await related.count()); i++) {
      const text = (await related.nth(i).innerText()).trim();
      expect(text).toMatch(/^Not detected — review these clauses\s/);
      expect(text).not.toMatch(/No such language found|\b[a-z]+(?:-[a-z]+)+:|sections titled|does not apply/);
      expect(await related.nth(i).locator('ol.related-list > li > a').count()).toBeGreaterThan(0);
    }
    if (SHOTS) {
      // Show the checklist around the first topic to review, its clauses listed.
      await related.first().evaluate((el) => el.closest('tr')?.scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: join(REPO_ROOT, 'docs/checklist.png') });
    }
    // A related clause opens the contract scrolled to that clause, outlined as a selected finding is.
    const link = related.first().locator('ol.related-list > li > a').first();
    const offset = Number(/#clause-(\d+)$/.exec((await link.getAttribute('href')) ?? '')?.[1]);
    await link.click();
    await page.waitForURL(/#clause-\d+$/);
    const current = page.locator('.contract-text .is-current');
    await current.first().waitFor();
    await expect.poll(() => current.first().evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; })).toBe(true);
    const block = await current.first().getAttribute('data-block');
    const review = (await (await fetch(`${app.url}/api/reviews/${encodeURIComponent(/\/reviews\/([^/#]+)/.exec(page.url())![1]!)}`)).json()) as { document: { blocks: Array<{ id: string; start: number; end: number }> } };
    const target = review.document.blocks.find((b) => b.id === block)!;
    expect(target.start <= offset && offset < target.end).toBe(true);
    expect(cspViolations).toEqual([]);
    await page.close();
  }, 180_000);
});
