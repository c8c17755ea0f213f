// Browser benchmark run by `cargo xtask bench`, in headless Chromium against the locally served
// dist/ (gzip as a static host sends it): for a cold first load, the bytes transferred and the time
// from navigation to an interactive page (the corpus list on screen, the search box ready); then,
// offline, the same time for a reload served by the service worker.
import { chromium } from 'playwright-core';

const url = process.env.SIYAQ_URL ?? 'http://127.0.0.1:8080/';
const runs = Number(process.env.SIYAQ_RUNS ?? 15);

const browser = await chromium.launch({
  executablePath: process.env.SIYAQ_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const samples = { listVisible: [], domContentLoaded: [], bytes: [], offline: [] };
const measure = (page) => page.evaluate(async () => {
  await document.fonts.ready;
  return {
    listVisible: window.__listVisibleAt,
    domContentLoaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
    // Each file once, at least its body: a file the service worker fetched for its precache and
    // then served to the page (the bold font, when it is asked for late) reports only headers.
    bytes: [...new Map([...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
      .map((e) => [e.name, Math.max(e.transferSize, e.encodedBodySize)])).values()]
      .reduce((sum, bytes) => sum + bytes, 0),
  };
});
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext(); // a fresh profile: nothing cached
  const page = await context.newPage();
  // Record the moment the first list entry is in the DOM and laid out, the search box with it.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const entry = document.querySelector('[data-testid="doc-list"] button');
      if (entry && entry.getBoundingClientRect().height > 0 && document.getElementById('search-box')) {
        window.__listVisibleAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__listVisibleAt !== undefined);
  await page.waitForLoadState('networkidle');
  const timing = await measure(page);
  samples.listVisible.push(timing.listVisible);
  samples.domContentLoaded.push(timing.domContentLoaded);
  samples.bytes.push(timing.bytes);
  // Offline after one visit: the service worker serves everything.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.reload();
  await page.waitForFunction(() => window.__listVisibleAt !== undefined);
  samples.offline.push((await measure(page)).listVisible);
  await context.close();
}
await browser.close();

const fmt = (xs) => `median ${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)})`;
console.log(`\nbrowser benchmark, ${runs} cold loads of ${url}`);
console.log(`  navigation -> interactive, cold:   ${fmt(samples.listVisible)}`);
console.log(`  navigation -> interactive, offline reload: ${fmt(samples.offline)}`);
console.log(`  navigation -> DOMContentLoaded:    ${fmt(samples.domContentLoaded)}`);
console.log(`  bytes transferred on first load (gzip): ${median(samples.bytes)}`);
if (process.env.SIYAQ_WASM_BYTES) {
  console.log(`  wasm: ${process.env.SIYAQ_WASM_BYTES} bytes, ${process.env.SIYAQ_WASM_GZIP_BYTES} gzipped`);
}
if (process.env.SIYAQ_FIRST_LOAD_GZIP_BYTES) {
  console.log(`  dist/ first-load files, gzip -9 at build: ${process.env.SIYAQ_FIRST_LOAD_GZIP_BYTES} bytes`);
  console.log(`  dist/siyaq.html (the single file): ${process.env.SIYAQ_SINGLE_FILE_BYTES} bytes`);
}
const targets = [
  ['first load <= 350 KB gzipped', median(samples.bytes) <= 350 * 1024],
  ['interactive <= 400 ms cold', median(samples.listVisible) <= 400],
  ['interactive <= 150 ms offline', median(samples.offline) <= 150],
];
for (const [name, met] of targets) console.log(`  target ${name}: ${met ? 'met' : 'NOT met'}`);
