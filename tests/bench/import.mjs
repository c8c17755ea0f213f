// Browser benchmark of the user's own articles in the page, run by `cargo xtask bench --import`
// against the served dist/: made-up articles (10 MB, then 50 MB) imported into a new collection,
// then that collection opened on a link with a query, first with the index the import worker
// built, then reloaded. Each run in a fresh browser context, so nothing is kept between runs.
// Measures the import's throughput and its longest main-thread task, navigation -> first search
// answer (first open, and reload), the engine's time for a clitic query and the wasm's memory.
// SIYAQ_IMPORT_MB (say `10`) measures only the sizes it lists, for a quicker look.
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { madeUpArticles } from '../made-up-articles.mjs';

const url = process.env.SIYAQ_URL ?? 'http://127.0.0.1:8080/';
const runs = Math.max(1, Number(process.env.SIYAQ_RUNS ?? 3));
const sizes = (process.env.SIYAQ_IMPORT_MB ?? '10,50').split(',').map(Number).filter((n) => n > 0);
// Long enough for 50 MB on a shared 2-core machine, short enough that a stuck step ends the run.
const STEP_MS = 300_000;
const FILE_BYTES = 100_000;
const TARGETS = { throughput: 10, reload: 3000, engine: 30, memory: 3 };

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

const browser = await chromium.launch({
  executablePath: process.env.SIYAQ_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

// A failed step says which one, for which size and run, instead of a bare Playwright timeout.
async function step(what, action) {
  try {
    return await action();
  } catch (error) {
    throw new Error(`${what}: ${error?.message ?? error}`);
  }
}

// Installed before any page script: the long tasks of the main thread, the first moment each of
// the import worker's stages was heard and when it answered (the page's own listener stays), and
// the first search answer for the link's query, in ms from the start of the navigation.
function observePage() {
  globalThis.benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) globalThis.benchLongTasks.push({ at: entry.startTime, ms: entry.duration });
  }).observe({ type: 'longtask', buffered: true });

  globalThis.benchWorker = {};
  const PageWorker = globalThis.Worker;
  globalThis.Worker = class extends PageWorker {
    constructor(...args) {
      super(...args);
      globalThis.benchWorker.created ??= performance.now();
      this.addEventListener('message', ({ data }) => {
        const stage = data?.type === 'progress' ? data.stage : data?.type;
        if (stage) globalThis.benchWorker[stage] ??= performance.now();
        // The build's pace over its course: whether it speeds up once the wasm is optimized.
        if (stage === 'building') (globalThis.benchWorker.built ??= []).push([performance.now(), data.bytes, data.bytesTotal]);
      });
    }
  };

  const asked = new URLSearchParams(location.search).get('q');
  if (asked === null) return;
  new MutationObserver((_, observer) => {
    const total = document.querySelector('[data-testid="hit-total"]');
    if (total && total.dataset.query === asked && total.dataset.engineUs !== undefined) {
      globalThis.benchFirstAnswer = { at: performance.now(), hits: total.textContent };
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
}

// Makes `count` made-up articles of about `bytesEach` bytes (tests/made-up-articles.mjs) in the
// page, as File objects kept in globalThis.benchFiles. Returns the total bytes and a word of the
// vocabulary to query: a longer word that does not start with a letter a proclitic could be, so
// that its hits are the word itself and its clitic forms, not other words that begin with it.
function makeArticles(page, options) {
  return page.evaluate(`(() => {
    const { articles, vocabulary } = (${madeUpArticles})(${JSON.stringify(options)});
    const encoder = new TextEncoder();
    let total = 0;
    globalThis.benchFiles = articles.map(({ name, text }) => {
      const bytes = encoder.encode(text);
      total += bytes.length;
      return new File([bytes], name, { type: 'text/plain' });
    });
    const word = vocabulary.find((w) => w.length >= 5 && !'وفبكلاس'.includes(w[0]));
    return { total, word };
  })()`);
}

async function firstAnswer(page, kind, go) {
  await step(`${kind}: navigation`, go);
  const answer = await step(`${kind}: waiting for the first search answer`, async () => {
    await page.waitForFunction(() => globalThis.benchFirstAnswer !== undefined, null, { timeout: STEP_MS, polling: 100 });
    return page.evaluate(() => globalThis.benchFirstAnswer);
  });
  const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark')
    .filter((m) => m.name.startsWith('siyaq:')).map((m) => [m.name.slice(6), m.startTime])));
  return { ms: answer.at, hits: answer.hits, marks };
}

// The version the collection's pack was kept under: the page keeps its built index under it.
const collectionVersion = (page, id) => page.evaluate((wanted) => new Promise((resolve, reject) => {
  const opening = indexedDB.open('siyaq-collections');
  opening.onerror = () => reject(opening.error);
  opening.onsuccess = () => {
    const read = opening.result.transaction('collections').objectStore('collections').get(wanted);
    read.onerror = () => reject(read.error);
    read.onsuccess = () => { resolve(read.result?.version ?? null); opening.result.close(); };
  };
}), id);

async function engineTime(page, word) {
  const times = [];
  for (let i = 0; i < 5; i++) {
    times.push(await step('engine time of a clitic query', () => page.evaluate(async (text) => {
      const box = document.querySelector('input[type="search"]');
      const total = () => document.querySelector('[data-testid="hit-total"]');
      box.value = '';
      box.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 300));
      box.value = text;
      box.dispatchEvent(new Event('input', { bubbles: true }));
      return new Promise((resolve, reject) => {
        const given = setTimeout(() => reject(new Error('no answer in 60 s')), 60_000);
        const check = () => {
          const t = total();
          if (t && t.dataset.engineUs !== undefined && box.value === text && t.dataset.query === text) {
            clearTimeout(given);
            resolve(Number(t.dataset.engineUs) / 1000);
          } else requestAnimationFrame(check);
        };
        check();
      });
    }, word)));
  }
  return median(times);
}

async function oneRun(megabytes, run) {
  const label = `${megabytes} MB, run ${run + 1}`;
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'ar' });
  try {
    await context.addInitScript(observePage);
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));

    await step(`${label}: opening the page and the panel`, async () => {
      await page.goto(url, { timeout: STEP_MS });
      await page.locator('[data-testid="doc-list"] button').first().waitFor({ timeout: STEP_MS });
      await page.locator('[data-testid="collections-panel"] > summary').click();
      await page.locator('[data-testid="import-files"]').waitFor({ state: 'attached', timeout: STEP_MS });
      await page.locator('[data-testid="collections"][data-loaded="true"]').waitFor({ timeout: STEP_MS });
    });
    const count = Math.round((megabytes * 1e6) / FILE_BYTES);
    const { total, word } = await step(`${label}: making the articles in the page`,
      () => makeArticles(page, { count, bytesEach: FILE_BYTES, seed: 7 }));

    // The clock starts as a user's choice of files reaches the page, and stops when the report
    // is on the page (observed in the page, not by polling from here).
    const started = await page.evaluate(() => {
      globalThis.benchWorker = {};
      new MutationObserver((_, observer) => {
        if (document.querySelector('[data-testid="import-report"]')) {
          globalThis.benchReportAt = performance.now();
          observer.disconnect();
        }
      }).observe(document.body, { childList: true, subtree: true });
      const chosen = new DataTransfer();
      for (const file of globalThis.benchFiles) chosen.items.add(file);
      const input = document.querySelector('[data-testid="import-files"]');
      const at = performance.now();
      input.files = chosen.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return at;
    });
    await step(`${label}: waiting for the import's report`, async () => {
      const outcome = await Promise.race([
        page.locator('[data-testid="import-report"]').waitFor({ timeout: STEP_MS }).then(() => 'report'),
        page.locator('[data-testid="collections-problem"]').waitFor({ timeout: STEP_MS }).then(() => 'problem'),
      ]);
      if (outcome === 'problem') throw new Error(await page.locator('[data-testid="collections-problem"]').innerText());
    });
    const imported = await page.evaluate((from) => ({
      reportAt: globalThis.benchReportAt,
      worker: globalThis.benchWorker,
      longest: Math.max(0, ...globalThis.benchLongTasks.filter((t) => t.at + t.ms >= from && t.at <= globalThis.benchReportAt).map((t) => t.ms)),
      longTasks: globalThis.benchLongTasks.filter((t) => t.at + t.ms >= from && t.at <= globalThis.benchReportAt).map((t) => ({ at: t.at - from, ms: t.ms })),
      articles: Number(document.querySelector('[data-testid="import-report"]').dataset.articles),
    }), started);
    if (imported.articles !== count) throw new Error(`${label}: ${imported.articles} articles imported of ${count}`);
    const importMs = imported.reportAt - started;
    // The build's time as its progress tells it: to half the bytes taken up, to all of them, and
    // after the last file (what the progress bar cannot show).
    const built = imported.worker.built ?? [];
    const halfway = built.find(([, bytes, bytesTotal]) => bytes >= bytesTotal / 2)?.[0] ?? NaN;
    const whole = built.find(([, bytes, bytesTotal]) => bytes >= bytesTotal)?.[0] ?? NaN;
    const halves = [halfway - imported.worker.building, whole - halfway, imported.worker.done - whole];
    const stages = {
      // The panel readies a worker as it opens: the import starts on a worker already up.
      'change → the worker reads': imported.worker.reading - started,
      reading: imported.worker.building - imported.worker.reading,
      building: imported.worker.done - imported.worker.building,
      'kept and shown': imported.reportAt - imported.worker.done,
    };

    // The import worker builds the collection's index after its report, and the page keeps it:
    // as a reader of the report would, the first open comes once it is kept.
    const id = await page.locator('[data-testid="collections"] [data-collection]:not([data-collection="site"])').first().getAttribute('data-collection');
    const version = await collectionVersion(page, id);
    await step(`${label}: waiting for the index the import worker builds`, () => page.waitForFunction(
      async (wanted) => (await (await caches.open('siyaq-index')).keys()).some((request) => request.url.includes(`/${wanted}/`)),
      version, { timeout: STEP_MS, polling: 100 }));
    const address = await step(`${label}: opening the collection`, async () => {
      await page.locator('[data-testid="open-collection"]').click();
      await page.waitForURL(/[?&]collection=/, { timeout: STEP_MS });
      return page.url();
    });
    const linked = `${address}&q=${encodeURIComponent(word)}`;
    const first = await firstAnswer(page, `${label}: first open`, () => page.goto(linked, { timeout: STEP_MS }));
    const memoryFirst = await page.evaluate(() => globalThis.siyaqWasmMemory?.buffer.byteLength ?? 0);

    // The page keeps the index it built in the browser's cache ~2 s after it settles; the reload
    // is measured once it has (under the collection's version), and a few seconds later still.
    await step(`${label}: waiting for the page to keep the collection's index`, () => page.evaluate(async (v) => {
      for (let tries = 0; tries < 1200; tries++) {
        const kept = await (await caches.open('siyaq-index')).keys();
        if (kept.some((request) => request.url.includes(`/${v}/`))) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error('the page did not keep the index in 120 s');
    }, version));
    await page.waitForTimeout(3000);
    const reload = await firstAnswer(page, `${label}: reload`, () => page.reload({ timeout: STEP_MS }));
    const engineMs = await engineTime(page, word);
    const memory = await page.evaluate(() => globalThis.siyaqWasmMemory?.buffer.byteLength ?? 0);
    if (problems.length) throw new Error(`${label}: page errors: ${problems.join('; ')}`);

    const row = {
      count, total, word, hits: reload.hits, importMs, halves, throughput: total / 1e6 / (importMs / 1000), longest: imported.longest, stages,
      firstMs: first.ms, firstMarks: first.marks, reloadMs: reload.ms, reloadMarks: reload.marks, engineMs, memoryFirst, memory,
    };
    const fromCache = 'index-read' in reload.marks ? 'index read back' : 'index built again';
    // The first open reads the worker's index; one that built its own is said, not hidden.
    if (!('index-read' in first.marks)) console.log(`  ${label}: note: the first open built its index`);
    console.log(`  ${label}: import ${importMs.toFixed(0)} ms (${row.throughput.toFixed(1)} MB/s; worker done at +${(imported.worker.done - started).toFixed(0)}; `
      + `long tasks ${imported.longTasks.map((t) => `${t.ms.toFixed(0)} ms at +${t.at.toFixed(0)}`).join(', ') || 'none'}); `
      + `first open ${first.ms.toFixed(0)} ms; reload ${reload.ms.toFixed(0)} ms (${fromCache}); engine ${engineMs.toFixed(2)} ms; `
      + `memory ${(memory / total).toFixed(2)}× (${(memoryFirst / total).toFixed(2)}× on first open)`);
    return row;
  } finally {
    await context.close();
  }
}

// The machine is shared: what else ran says how far these figures can be compared.
const load = () => loadavg().map((n) => n.toFixed(2)).join(', ');
console.log(`load average at the start: ${load()}`);
const results = {};
for (const megabytes of sizes) {
  console.log(`\nimport benchmark: ${megabytes} MB of made-up articles, ${runs} runs`);
  results[megabytes] = [];
  for (let run = 0; run < runs; run++) results[megabytes].push(await oneRun(megabytes, run));
}
await browser.close();
console.log(`\nload average at the end: ${load()}`);

const med = (rows, pick) => median(rows.map(pick));
const verdict = (met) => (met ? 'met' : 'NOT met');
const fmt = (n, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
console.log(`\nimport benchmark: medians of ${runs} runs (headless Chromium; ratio = figure / target)\n`);
console.log('| measure | ' + sizes.map((mb) => `${mb} MB`).join(' | ') + ' | target |');
console.log('|---|' + sizes.map(() => '---|').join('') + '---|');
const line = (name, cells, target) => console.log(`| ${name} | ${cells.join(' | ')} | ${target} |`);
const each = (f) => sizes.map((mb) => f(results[mb]));
line('text imported', each((r) => `${fmt(r[0].total)} B in ${fmt(r[0].count)} files`), '');
line('import: change → report shown', each((r) => `${fmt(med(r, (x) => x.importMs))} ms`), '');
line('import throughput', each((r) => { const v = med(r, (x) => x.throughput); return `${fmt(v, 1)} MB/s (${fmt(v / TARGETS.throughput, 2)}×, ${verdict(v >= TARGETS.throughput)})`; }), `≥ ${TARGETS.throughput} MB/s`);
line('longest main-thread task during the import', each((r) => `${fmt(med(r, (x) => x.longest))} ms`), '');
line('navigation → first answer, first open (the worker\'s index)', each((r) => `${fmt(med(r, (x) => x.firstMs))} ms`), '');
line('reload → first answer (index kept)', each((r) => { const v = med(r, (x) => x.reloadMs); return `${fmt(v)} ms (${fmt(v / TARGETS.reload, 2)}×, ${verdict(v <= TARGETS.reload)})`; }), `≤ ${TARGETS.reload / 1000} s`);
line('clitic query, engine time in the page', each((r) => { const v = med(r, (x) => x.engineMs); return `${fmt(v, 2)} ms (${fmt(v / TARGETS.engine, 3)}×, ${verdict(v <= TARGETS.engine)})`; }), `≤ ${TARGETS.engine} ms`);
line('wasm memory after the reload, ÷ text', each((r) => { const v = med(r, (x) => x.memory / x.total); return `${fmt(med(r, (x) => x.memory) / 1e6, 1)} MB, ${fmt(v, 2)}× (${verdict(v <= TARGETS.memory)})`; }), `≤ ${TARGETS.memory}×`);
line('wasm memory after the first open, ÷ text', each((r) => { const v = med(r, (x) => x.memoryFirst / x.total); return `${fmt(med(r, (x) => x.memoryFirst) / 1e6, 1)} MB, ${fmt(v, 2)}× (${verdict(v <= TARGETS.memory)})`; }), `≤ ${TARGETS.memory}×`);

console.log('\nwhere the time goes (medians, ms)');
for (const mb of sizes) {
  const rows = results[mb];
  const stageNames = Object.keys(rows[0].stages);
  console.log(`  ${mb} MB, query "${rows[0].word}" (${rows[0].hits} hits)`);
  console.log(`    import, worker: ${stageNames.map((s) => `${s} ${fmt(med(rows, (x) => x.stages[s]))}`).join(', ')}`);
  console.log(`    the build, as its progress tells: first half of the bytes ${fmt(med(rows, (x) => x.halves[0]))}, `
    + `second half ${fmt(med(rows, (x) => x.halves[1]))}, after the last file ${fmt(med(rows, (x) => x.halves[2]))}`);
  for (const [kind, key] of [['first open', 'firstMarks'], ['reload', 'reloadMarks']]) {
    const names = [...new Set(rows.flatMap((x) => Object.keys(x[key])))];
    const reached = names.map((n) => [n, median(rows.filter((x) => n in x[key]).map((x) => x[key][n]))]).sort((a, b) => a[1] - b[1]);
    console.log(`    ${kind}, marks from navigation: ${reached.map(([n, at]) => `${n} ${fmt(at)}`).join(', ')}`);
  }
}
