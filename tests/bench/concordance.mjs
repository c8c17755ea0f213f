// Browser benchmark of the concordance, run by `cargo xtask bench`: time from the last keystroke
// to updated results for a frequent word on the bundled corpus (small enough to search on each
// keystroke, without the 120 ms pause a large corpus waits for),
// and, on a generated corpus with tens of thousands of hits, time to results, time to turn a page,
// and frames dropped while scrolling the lines.
import { chromium } from 'playwright-core';

const url = process.env.SIYAQ_URL ?? 'http://127.0.0.1:8080/';
const runs = Number(process.env.SIYAQ_RUNS ?? 15);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

const browser = await chromium.launch({
  executablePath: process.env.SIYAQ_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function timeToResults(page, query) {
  return page.evaluate(async (q) => {
    const box = document.querySelector('input[type="search"]');
    const total = () => document.querySelector('[data-testid="hit-total"]');
    const before = total()?.textContent;
    box.value = '';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 200));
    const start = performance.now();
    box.value = q;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    return new Promise((resolve) => {
      const check = () => {
        const rows = document.querySelectorAll('[data-testid="kwic-row"]').length;
        if (rows > 0 && total().textContent !== '0' && !total().closest('[hidden]')) resolve(performance.now() - start);
        else requestAnimationFrame(check);
      };
      check();
    });
  }, query);
}

// 1. Keystroke to results, bundled corpus.
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(url);
await page.locator('input[type="search"]').waitFor();
const typing = [];
for (let i = 0; i < runs; i++) typing.push(await timeToResults(page, 'كازاخستان'));
console.log(`\nconcordance benchmark (${runs} runs, medians)`);
console.log(`  keystroke -> updated results, "كازاخستان" on the bundled corpus: ${median(typing).toFixed(1)} ms (searched on the keystroke)`);

// 2. Tens of thousands of hits on a generated corpus.
const big = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const started = Date.now();
await big.goto(new URL('?synthetic=3', url).href);
await big.locator('input[type="search"]').waitFor();
console.log(`  generated 3 MB corpus indexed in the page: ${Date.now() - started} ms from navigation`);
const toResults = [];
for (let i = 0; i < Math.min(runs, 5); i++) toResults.push(await timeToResults(big, '/^ال/'));
const hits = Number(await big.locator('[data-testid="hit-total"]').textContent());
// Only the benchmark's build (feature bench-corpus) swaps the corpus; the site readers get ignores
// the parameter, and its few thousand hits would be timed instead.
if (hits < 20000) throw new Error(`?synthetic=3 found only ${hits} hits: not the benchmark's build (cargo xtask bench --browser)?`);
console.log(`  "/^ال/": ${hits} hits, keystroke -> results ${median(toResults).toFixed(1)} ms`);
const turns = [];
for (let i = 0; i < 10; i++) {
  turns.push(await big.evaluate(() => new Promise((resolve) => {
    const first = document.querySelector('[data-testid="kwic-row"]')?.dataset.word;
    const start = performance.now();
    document.querySelector('[data-testid="page-next"]').click();
    const check = () => document.querySelector('[data-testid="kwic-row"]')?.dataset.word !== first
      ? resolve(performance.now() - start) : requestAnimationFrame(check);
    check();
  })));
}
console.log(`  next page (100 lines): ${median(turns).toFixed(1)} ms`);
const scrolling = await big.evaluate(() => new Promise((resolve) => {
  const frames = [];
  let last = performance.now();
  const end = last + 3000;
  const step = (now) => {
    frames.push(now - last);
    last = now;
    window.scrollBy(0, 40);
    if (window.scrollY + innerHeight >= document.body.scrollHeight) window.scrollTo(0, 0);
    if (now < end) requestAnimationFrame(step); else resolve(frames);
  };
  requestAnimationFrame(step);
}));
const dropped = scrolling.filter((f) => f > 1000 / 60 * 1.5).length;
console.log(`  scrolling the lines for 3 s: ${scrolling.length} frames, ${dropped} over 25 ms (dropped), median frame ${median(scrolling).toFixed(1)} ms`);
// The reader of a generated article draws no hits found in another corpus.
await big.evaluate(() => window.scrollTo(0, 0));
await big.locator('[data-testid="doc-list"] button').first().click();
await big.locator('[data-testid="reader"] article').waitFor();
if (await big.locator('[data-testid="reader"] mark.hit').count() !== 0) throw new Error('the reader marked hits of another corpus');
await browser.close();
