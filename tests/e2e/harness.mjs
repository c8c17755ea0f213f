// Shared setup for the end-to-end tests: the system Chromium driven by playwright-core, the URL
// of the site `cargo xtask test` serves, and the facts it computed natively from the manifest.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const baseUrl = process.env.SIYAQ_URL ?? 'http://127.0.0.1:8080/';
export const root = process.env.SIYAQ_ROOT ?? new URL('../..', import.meta.url).pathname;

export function expected() {
  const path = process.env.SIYAQ_EXPECTED;
  if (!path) throw new Error('SIYAQ_EXPECTED is not set: run the end-to-end tests with `cargo xtask test`');
  return JSON.parse(readFileSync(path, 'utf8'));
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.SIYAQ_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

// A fresh page that fails the test on any uncaught error or console error.
// `expectedError` matches console errors the test provokes on purpose; any other error fails it.
export async function openPage(browser, t, { viewport = { width: 1280, height: 860 }, serviceWorkers = 'allow', expectedError = null } = {}) {
  const context = await browser.newContext({ viewport, locale: 'ar', serviceWorkers });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !expectedError?.test(message.text())) problems.push(`console error: ${message.text()}`);
  });
  t.after(async () => {
    await context.close();
    if (problems.length) throw new Error(problems.join('\n'));
  });
  return page;
}

export async function gotoApp(page, query = '') {
  await page.goto(new URL(query, baseUrl).href);
  await page.locator('[data-testid="doc-list"] button').first().waitFor();
}
