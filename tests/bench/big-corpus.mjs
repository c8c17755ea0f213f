// Browser benchmark of a large corpus built with `--corpus`, run by `cargo xtask bench`: the 50 MB
// generated corpus written out as files, built into a site of its own. Measures the bytes of a
// first load, the time from navigation to the first search answer (a link with a query: cold, then
// from the service worker, the index then read back from the browser's cache), the engine's time for a clitic query in the page, and the wasm's memory.
import { chromium } from 'playwright-core';

const url = process.env.SIYAQ_URL ?? 'http://127.0.0.1:8080/';
const runs = Math.max(1, Math.min(Number(process.env.SIYAQ_RUNS ?? 5), 5));
const textBytes = Number(process.env.SIYAQ_TEXT_BYTES ?? 0);
const packBytes = Number(process.env.SIYAQ_PACK_BYTES ?? 0);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

const browser = await chromium.launch({
  executablePath: process.env.SIYAQ_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

// When the first answer shows, in ms from the start of the navigation.
const recordFirstAnswer = () => {
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid="hit-total"]')) {
      window.siyaqFirstAnswer = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};
const query = `?q=${encodeURIComponent('روسيا')}`;

// The page marks each stage of its start (boot.js and the wasm): when each was reached, in ms
// from the start of the navigation, by stage.
const stages = {};
async function firstAnswer(page, kind) {
  await page.goto(new URL(query, url).href, { timeout: 120000 });
  await page.waitForFunction(() => window.siyaqFirstAnswer !== undefined, null, { timeout: 120000 });
  const marks = await page.evaluate(() => performance.getEntriesByType('mark')
    .filter((m) => m.name.startsWith('siyaq:')).map((m) => [m.name.slice(6), m.startTime]));
  for (const [name, at] of marks) ((stages[kind] ??= {})[name] ??= []).push(at);
  return page.evaluate(() => window.siyaqFirstAnswer);
}

const cold = [];
let firstLoadBytes = 0;
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(recordFirstAnswer);
  const page = await context.newPage();
  cold.push(await firstAnswer(page, 'cold'));
  firstLoadBytes = await page.evaluate(() => performance.getEntriesByType('navigation')
    .concat(performance.getEntriesByType('resource')).reduce((sum, e) => sum + (e.transferSize || 0), 0));
  await context.close();
}

const context = await browser.newContext();
await context.addInitScript(recordFirstAnswer);
const page = await context.newPage();
await firstAnswer(page, 'first visit');
await page.evaluate(() => navigator.serviceWorker.ready);
await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
// The page keeps the index it built in the browser's cache a moment after its first answer: later
// visits read it back. Waited for, so that every visit below is such a later visit.
await page.evaluate(async () => {
  for (let tries = 0; tries < 600; tries++) {
    if ((await (await caches.open('siyaq-index')).matchAll()).length === 1) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the page did not keep its index');
});
const fromWorker = [];
for (let i = 0; i < runs; i++) fromWorker.push(await firstAnswer(page, 'service worker'));

// The engine's own time for clitic queries, as the page measures it around the search.
const engine = {};
for (const q of ['روسيا', 'كازاخستان', 'الأمن', 'بوتين']) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    times.push(await page.evaluate(async (text) => {
      const box = document.querySelector('input[type="search"]');
      const total = () => document.querySelector('[data-testid="hit-total"]');
      box.value = '';
      box.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 250));
      box.value = text;
      box.dispatchEvent(new Event('input', { bubbles: true }));
      return new Promise((resolve) => {
        const check = () => (total() && total().dataset.engineUs !== undefined && box.value === text && total().dataset.query === text
          ? resolve(Number(total().dataset.engineUs) / 1000) : requestAnimationFrame(check));
        check();
      });
    }, q));
  }
  engine[q] = median(times);
}
const memory = await page.evaluate(() => globalThis.siyaqWasmMemory?.buffer.byteLength ?? 0);
await browser.close();

console.log(`\nlarge-corpus benchmark (${runs} runs, medians): ${mb(textBytes)} of text, built with --corpus`);
console.log(`  corpus pack: ${packBytes} bytes (${mb(packBytes)}, gzip)`);
console.log(`  first load, bytes transferred: ${firstLoadBytes} (${mb(firstLoadBytes)})`);
console.log(`  navigation -> first search answer: cold ${median(cold).toFixed(0)} ms, from the service worker ${median(fromWorker).toFixed(0)} ms`);
for (const kind of ['cold', 'service worker']) {
  const reached = Object.entries(stages[kind] ?? {}).map(([name, ats]) => [name, median(ats)]).sort((a, b) => a[1] - b[1]);
  console.log(`  start, ${kind} (ms from navigation): ${reached.map(([name, at]) => `${name} ${at.toFixed(0)}`).join(', ')}`);
}
for (const [q, ms] of Object.entries(engine)) console.log(`  clitic query "${q}": engine ${ms.toFixed(1)} ms in the page`);
console.log(`  wasm memory: ${memory} bytes (${mb(memory)}), ${(memory / textBytes).toFixed(2)}× the text`);
