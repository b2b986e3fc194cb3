/**
 * The vocabulary in a real browser (Debian's Chromium through playwright-core) against the real
 * server: open the Vocabulary tab of the Rules screen, find a bundled class, add a word to it
 * (kept in My rules, the bundled file untouched), start a new rule, write `{` and pick the class
 * from the completions, and see "Try it on contract text" flag a clause that uses the new word.
 * Skips with a message when Chromium is absent.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULESET_DIR } from '@redliner/rules';
import { startServer, type RunningServer } from '@redliner/server';
import { newRuleYaml } from '@redliner/web';
import { buildWeb, HAS_CHROMIUM, launchChromium, shutDown, warnIfNoChromium, watchProblems } from './support/browser.ts';

const BUNDLED_VOCABULARY = join(DEFAULT_RULESET_DIR, 'vocabulary.yaml');
const CLAUSE = 'Plan may change the fee schedule at its whim.';
warnIfNoChromium('vocabulary browser test');

/** What the rule text flags with a ruleset's vocabulary, asked of the API directly. */
async function flaggedWith(page: Page, ruleset: string, yaml: string): Promise<number> {
  return page.evaluate(
    async ({ ruleset, yaml, text }) => {
      const res = await fetch('/api/rules/try', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ yaml, text, ruleset }) });
      return ((await res.json()) as { findings: unknown[] }).findings.length;
    },
    { ruleset, yaml, text: CLAUSE },
  );
}

describe.skipIf(!HAS_CHROMIUM)('the vocabulary in Chromium', () => {
  let browser: Browser;
  let server: RunningServer;
  const dataDir = mkdtempSync(join(tmpdir(), 'redliner-vocabulary-e2e-'));
  // Its own build folder: the other browser tests build the web app at the same time.
  const webRoot = mkdtempSync(join(tmpdir(), 'redliner-vocabulary-web-'));

  beforeAll(async () => {
    buildWeb(webRoot);
    server = await startServer({ port: 0, dataDir, webRoot, logger: false });
    browser = await launchChromium();
  }, 120_000);

  afterAll(() => shutDown(browser, server, dataDir, webRoot));

  it('adds a word to a bundled class in My rules, completes {class} in a new rule and tries it', async () => {
    const bundledBefore = readFileSync(BUNDLED_VOCABULARY, 'utf8');
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const problems = watchProblems(page);

    // The Vocabulary tab of the bundled rules: classes with their meaning and words.
    await page.goto(`${server.url}/rules`);
    // The first open waits for the server's warm-up, which compiles the whole bundled ruleset.
    await page.waitForURL(/\/rules\/payer-core\/[a-z0-9-]+$/, { timeout: 90_000 });
    await page.getByText('No problems found.').waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: 'Vocabulary' }).click();
    expect(page.url()).toMatch(/\?view=vocabulary$/);
    const discretion = page.locator('.vocab-class[data-class="discretion"]');
    await discretion.waitFor();
    expect(await discretion.locator('.badge').innerText()).toBe('Bundled');
    expect(await discretion.locator('.vocab-means').innerText()).toMatch(/decides alone/);

    // Search narrows the list; the forms a word matches show on demand.
    const notice = page.locator('.vocab-class[data-class="notice"]');
    const total = await page.locator('.vocab-class').count();
    await page.getByLabel('Find a class or word').fill('sole judgment');
    await page.getByText(/^\d+ of \d+ classes$/).waitFor();
    expect(await page.locator('.vocab-class').count()).toBeLessThan(total);
    expect(await discretion.isVisible()).toBe(true);
    expect(await notice.count()).toBe(0);
    await page.getByLabel('Find a class or word').fill('notify');
    await notice.getByRole('button', { name: 'Show the forms they match' }).click();
    expect(await notice.locator('.vocab-forms').innerText()).toMatch(/notified.*notification/s);
    await page.getByLabel('Find a class or word').fill('');

    // Add a word to the bundled class: it is kept in My rules, and the screen moves there.
    await discretion.getByRole('button', { name: 'Add words in My rules' }).click();
    await discretion.getByLabel('Words or phrases to add to {discretion}').fill('at its whim');
    await discretion.getByRole('button', { name: 'Save words' }).click();
    await page.waitForURL(/\/rules\/user%3Amy-rules\/[a-z0-9-]+\?view=vocabulary$/);
    await page.getByText('Added "at its whim" to {discretion} in My rules.').waitFor();
    const mine = page.locator('.vocab-class[data-class="discretion"]');
    expect(await mine.locator('.badge').innerText()).toBe('Bundled + your words');
    expect(await mine.locator('.vocab-words li.own').allInnerTexts()).toEqual(['at its whim']);
    expect(readFileSync(join(dataDir, 'rulesets/my-rules/vocabulary.yaml'), 'utf8')).toMatch(/discretion:\n {4}also:\n {6}- at its whim\n/);
    expect(readFileSync(BUNDLED_VOCABULARY, 'utf8')).toBe(bundledBefore);

    // A new rule in My rules starts from the who-does-what template, which uses {discretion}.
    await page.getByRole('tab', { name: 'Rule' }).click();
    await page.locator('.new-rule summary').click();
    await page.locator('#new-rule-concept').selectOption('unilateral-amendment');
    await page.getByRole('button', { name: 'Start a new rule' }).click();
    await page.waitForURL(/\/rules\/user%3Amy-rules\/new\?concept=unilateral-amendment$/);
    await page.getByText('No problems found.').waitFor();
    expect(await page.locator('.cm-content').innerText()).toContain("does: '{may} change'");

    // Write the class again by hand: `{` offers the parties and the classes with their meaning.
    await page.locator('.cm-line', { hasText: /- phrase: '\{discretion\}'$/ }).locator('text=discretion').dblclick();
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('{');
    const completions = page.locator('.cm-tooltip-autocomplete');
    await completions.waitFor();
    const labels = await completions.locator('.cm-completionLabel').allInnerTexts();
    expect(labels.slice(0, 2)).toEqual(['{payer}', '{provider}']);
    expect(labels).toEqual(expect.arrayContaining(['{agreement}', '{any-time}']));
    await page.keyboard.type('discr');
    expect(await completions.locator('li', { hasText: '{discretion}' }).locator('.cm-completionDetail').innerText()).toMatch(/decides alone/);
    await completions.locator('li[aria-selected="true"]', { hasText: '{discretion}' }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.cm-line', { hasText: /- phrase: '\{discretion\}'$/ }).waitFor();
    await page.getByText('No problems found.').waitFor();

    // Trying it flags the clause that uses the new word, which the bundled vocabulary does not.
    const yaml = newRuleYaml('unilateral-amendment');
    expect(await flaggedWith(page, 'payer-core', yaml)).toBe(0);
    expect(await flaggedWith(page, 'user:my-rules', yaml)).toBe(1);
    await page.getByLabel('Contract text to try the rule on').fill(CLAUSE);
    await page.getByRole('button', { name: 'Try the rule on this text' }).click();
    await page.getByText('The rule flags 1 passage:').waitFor();
    expect(await page.locator('.try-finding').innerText()).toContain('at its whim');

    expect(problems).toEqual([]);
  }, 300_000);
});
