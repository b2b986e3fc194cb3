/**
 * Deciding findings from the keyboard and the mouse in a real browser (Debian's Chromium through
 * playwright-core): a decision, a filter or a chosen wording keeps focus on the control the
 * reader used; a reason typed and then left by pressing another decision's button keeps both the
 * reason and the click; cards a decision did not touch keep their elements. Skips with a message
 * when Chromium is absent.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, warnIfNoChromium } from './support/browser.ts';
import { CONTRACT, useReviewApp } from './support/review-app.ts';
import type { ApiReview } from './support/review-app.ts';

warnIfNoChromium('browser tests');

/** What has focus: its `data-focus` name and the finding its card belongs to. */
function focused(page: Page): Promise<{ name: string | null; key: string | null; tag: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { name: el?.dataset.focus ?? null, key: el?.closest<HTMLElement>('[data-key]')?.dataset.key ?? null, tag: el?.tagName ?? '' };
  });
}

describe.skipIf(!HAS_CHROMIUM)('focus and clicks while deciding', () => {
  const app = useReviewApp();

  async function review(page: Page, id: string): Promise<ApiReview> {
    return (await (await page.request.get(`${app.url}/api/reviews/${id}`)).json()) as ApiReview;
  }

  it('keeps the keyboard on the control used, and never swallows a click', async () => {
    const { page, cspViolations } = await app.openPage();
    const reviewId = await app.upload(page, CONTRACT);
    const cards = page.locator('li.finding');
    await cards.first().waitFor();
    const total = await cards.count();
    expect(total).toBeGreaterThanOrEqual(3);
    const keyOf = async (index: number) => (await cards.nth(index).getAttribute('data-key'))!;

    // Open the first finding from the keyboard and accept it with Enter: focus stays on Accept.
    const first = await keyOf(0);
    await cards.nth(0).locator('.finding-summary').focus();
    await page.keyboard.press('Enter');
    await cards.nth(0).getByRole('button', { name: /^Accept/ }).focus();
    // A card the decision does not touch keeps its element (marked here to be found again).
    await cards.nth(1).evaluate((el) => el.setAttribute('data-probe', 'kept'));
    await page.keyboard.press('Enter');
    await page.getByText(`1 of ${total} findings decided`).waitFor();
    await expect.poll(() => focused(page)).toEqual({ name: 'accept', key: first, tag: 'BUTTON' });
    expect(await cards.nth(1).getAttribute('data-probe')).toBe('kept');

    // A severity filter toggled with the space bar keeps focus on its box.
    const box = page.locator('.filters input[type="checkbox"]').first();
    await box.focus();
    const name = await box.getAttribute('data-focus');
    await page.keyboard.press('Space');
    await expect.poll(() => focused(page)).toEqual({ name, key: null, tag: 'INPUT' });
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('li.finding').count()).toBe(total);

    // Type a reason for the accepted finding, then press Reject with the mouse: leaving the box
    // saves the reason, and the click must still reject, keeping the reason.
    const card = page.locator(`li.finding[data-key="${first}"]`);
    await card.locator('textarea.reason').fill('Counsel prefers to keep the current wording.');
    await card.getByRole('button', { name: 'Reject' }).click();
    await expect.poll(async () => (await review(page, reviewId)).decisions[first]).toMatchObject({ action: 'reject', reason: 'Counsel prefers to keep the current wording.' });
    await expect.poll(() => card.locator('.current-decision').textContent()).toMatch(/reject/i);
    expect(await card.locator('textarea.reason').inputValue()).toBe('Counsel prefers to keep the current wording.');
    expect(cspViolations).toEqual([]);
  });
});
