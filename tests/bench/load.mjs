// Browser benchmark run by `cargo xtask bench`: how long a cold first load takes, from navigation
// to the corpus list on screen, in headless Chromium against the locally served site.
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

const samples = { listVisible: [], domContentLoaded: [], bytes: [] };
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext(); // a fresh profile: nothing cached
  const page = await context.newPage();
  // Record the moment the first list entry is in the DOM and laid out.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const entry = document.querySelector('[data-testid="doc-list"] button');
      if (entry && entry.getBoundingClientRect().height > 0) {
        window.__listVisibleAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__listVisibleAt !== undefined);
  const timing = await page.evaluate(() => ({
    listVisible: window.__listVisibleAt,
    domContentLoaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
    bytes: [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
      .reduce((sum, e) => sum + e.transferSize, 0),
  }));
  samples.listVisible.push(timing.listVisible);
  samples.domContentLoaded.push(timing.domContentLoaded);
  samples.bytes.push(timing.bytes);
  await context.close();
}
await browser.close();

const fmt = (xs) => `median ${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)})`;
console.log(`\nbrowser benchmark, ${runs} cold loads of ${url}`);
console.log(`  navigation -> corpus list visible: ${fmt(samples.listVisible)}`);
console.log(`  navigation -> DOMContentLoaded:    ${fmt(samples.domContentLoaded)}`);
console.log(`  bytes transferred (as served):      ${median(samples.bytes)}`);
if (process.env.SIYAQ_WASM_BYTES) {
  console.log(`  wasm: ${process.env.SIYAQ_WASM_BYTES} bytes, ${process.env.SIYAQ_WASM_GZIP_BYTES} gzipped`);
}
