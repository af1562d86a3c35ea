// /docs in a real browser (Debian's Chromium driven by playwright-core): the offline reference
// page renders under its strict CSP, loads nothing from other hosts, and shows every tag and
// every operation of the contract. Skipped, with a note, where Chromium is not installed
// (`.ci/run` installs it).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { CHROMIUM, hasChromium as available, launchChromium } from './helpers/browser.ts';
import { startTestApp, type TestApp } from './helpers/app.ts';

if (!available)
  console.warn(
    `${CHROMIUM} is missing: the /docs browser test is skipped (\`.ci/run\` installs chromium).`,
  );

type Contract = {
  tags: { name: string }[];
  paths: Record<string, Record<string, { tags?: string[]; summary?: string }>>;
};
const contract = JSON.parse(readFileSync('generated/openapi.json', 'utf8')) as Contract;
const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);
const summariesByTag = new Map<string, string[]>();
for (const item of Object.values(contract.paths)) {
  for (const [method, op] of Object.entries(item)) {
    if (!METHODS.has(method)) continue;
    for (const tag of op.tags ?? [])
      summariesByTag.set(tag, [...(summariesByTag.get(tag) ?? []), op.summary ?? '']);
  }
}

(available ? describe : describe.skip)('the API reference page in Chromium', () => {
  let app: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchChromium();
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  test('renders every tag and operation, with no script error and nothing fetched from elsewhere', async () => {
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    const foreign: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // Nothing leaves the machine; whatever the page tries to load from elsewhere is recorded.
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') return route.continue();
      foreign.push(url.href);
      return route.abort();
    });
    const response = await page.goto(`${app.url}/docs`);
    await page.waitForSelector('text=Conventions', { timeout: 20_000 });
    // The browser got the compressed page (ADR 0021) and rendered it.
    expect(await response?.headerValue('content-encoding')).toBe('gzip');

    expect(contract.tags.map((t) => t.name).sort()).toEqual([...summariesByTag.keys()].sort());
    for (const tag of contract.tags) {
      const label = page.getByText(tag.name, { exact: true }).first();
      for (const summary of summariesByTag.get(tag.name) ?? []) {
        const link = page.getByRole('link', { name: summary }).first();
        // Redoc's menu toggles a tag that is already active, and its scroll spy may have opened
        // (so made active) the tag before we click it: a click can close what it should open.
        // So click until the operation shows, at most three times, and then wait for it.
        for (let clicks = 0; clicks < 3 && !(await link.isVisible()); clicks++) {
          await label.click();
          await link.waitFor({ timeout: 3000 }).catch(() => undefined);
        }
        await link.waitFor({ timeout: 5000 });
      }
    }
    expect(pageErrors).toEqual([]);
    // The only thing the page reaches for is Redoc's logo, which the CSP blocks anyway.
    expect(foreign.filter((u) => !u.startsWith('https://cdn.redoc.ly/'))).toEqual([]);
    await page.close();
  }, 60_000);
});
