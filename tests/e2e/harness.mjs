// Shared setup for the end-to-end tests: the system Chromium driven by playwright-core, the URL
// of the site `cargo xtask test` serves, and the facts it computed natively from the manifest.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { chromium } from 'playwright-core';

export const baseUrl = process.env.SIYAQ_URL ?? 'http://127.0.0.1:8080/';
export const root = process.env.SIYAQ_ROOT ?? new URL('../..', import.meta.url).pathname;

export function expected() {
  const path = process.env.SIYAQ_EXPECTED;
  if (!path) throw new Error('SIYAQ_EXPECTED is not set: run the end-to-end tests with `cargo xtask test`');
  return JSON.parse(readFileSync(path, 'utf8'));
}

// The second site `cargo xtask test` serves (the same wasm around `tests/articles`) and the facts
// computed natively for it.
export function articlesSite() {
  const url = process.env.SIYAQ_ARTICLES_URL;
  const factsPath = process.env.SIYAQ_ARTICLES_EXPECTED;
  if (!url || !factsPath) throw new Error('SIYAQ_ARTICLES_URL is not set: run the end-to-end tests with `cargo xtask test`');
  return { url, facts: JSON.parse(readFileSync(factsPath, 'utf8')) };
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

// A static server of its own over a copy of dist/, so that a test can change the build under it.
// Returns the copy's folder and its URL; stopped and removed when the test ends. `packEncoding`
// serves corpus packs (gzip files) with that Content-Encoding, as a host that marks them does.
export async function serveCopyOfDist(t, { packEncoding = null } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'siyaq-dist-'));
  cpSync(join(root, 'dist'), dir, { recursive: true });
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.woff2': 'font/woff2', '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json' };
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(dir)) { response.writeHead(404).end(); return; }
    try {
      const body = readFileSync(file);
      const encoding = packEncoding && extname(file) === '.pack' ? { 'Content-Encoding': packEncoding } : {};
      response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache', ...encoding }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => { server.close(); rmSync(dir, { recursive: true, force: true }); });
  return { dir, url: `http://127.0.0.1:${server.address().port}/` };
}

// Marks a built copy as a newer build: any changed file changes the worker, and the boot script
// carries a line the test can look for.
export function publishNextBuild(dir) {
  const worker = join(dir, 'sw.js');
  writeFileSync(worker, readFileSync(worker, 'utf8').replace(/const VERSION = '([0-9a-f]+)'/, "const VERSION = '$1-next'"));
  const boot = join(dir, 'boot.js');
  writeFileSync(boot, `${readFileSync(boot, 'utf8')}\n// next build\n`);
}
