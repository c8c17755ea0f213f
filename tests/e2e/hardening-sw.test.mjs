// The service worker when things go wrong: an emptied cache, no network, the single file and
// unknown addresses under it, a new build while several tabs are open; and a benchmark-only link
// parameter on the site readers get.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, gotoApp, expected, baseUrl, serveCopyOfDist, publishNextBuild } from './harness.mjs';

let browser;
const facts = expected();
const answer = (query) => facts.searches.find((s) => s.query === query && s.mode === 'clitic');

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const docList = '[data-testid="doc-list"] button';

async function waitForTotal(page, value) {
  await page.waitForFunction((v) => document.querySelector('[data-testid="hit-total"]')?.textContent === String(v), value);
}

async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

// Entries in the worker's caches, every cache together.
const cachedEntries = (page) => page.evaluate(async () => {
  let entries = 0;
  for (const name of await caches.keys()) entries += (await (await caches.open(name)).keys()).length;
  return entries;
});

const emptyCaches = (page) => page.evaluate(async () => {
  for (const name of await caches.keys()) await caches.delete(name);
});

test('an emptied cache: offline, the worker\'s own page; online, the cache fills again and then works offline', async (t) => {
  // Chromium reports the offline page's status (503) as a failed load.
  const page = await openPage(browser, t, { expectedError: /status of 503/ });
  await gotoApp(page);
  await controlled(page);
  const precached = await cachedEntries(page);
  assert.ok(precached > 10, `the build is precached: ${precached} entries`);

  await emptyCaches(page);
  await page.context().setOffline(true);
  const offline = await page.reload();
  assert.equal(offline.status(), 503);
  const notice = page.locator('main[data-siyaq-page="503"]');
  await notice.waitFor();
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  const text = await notice.textContent();
  assert.match(text, /دون اتصال/);
  assert.match(text, /offline/);
  // A page of its own: nothing to fetch, no script.
  assert.equal(await page.locator('script, link[rel=stylesheet], img').count(), 0);

  await page.context().setOffline(false);
  await page.reload();
  await page.locator(docList).first().waitFor();
  // The page came from the network; behind it, the worker stores the whole build again.
  const refilledBy = Date.now() + 30000;
  while (await cachedEntries(page) < precached) {
    assert.ok(Date.now() < refilledBy, 'the cache is filled again within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  await page.context().setOffline(true);
  await page.reload();
  await page.locator(docList).first().waitFor();
  await page.fill('#search-box', 'كازاخستان');
  await waitForTotal(page, answer('كازاخستان').total);
});

test('under the worker /siyaq.html is the single file, and an unknown address is a page of its own', async (t) => {
  const page = await openPage(browser, t, { expectedError: /status of 404/ });
  await gotoApp(page);
  await controlled(page);

  const single = await page.goto(new URL('siyaq.html', baseUrl).href);
  assert.equal(single.status(), 200);
  await page.locator(docList).first().waitFor();
  // The single file carries its script and styles inside; the site's page loads them.
  assert.equal(await page.locator('script[src], link[rel=stylesheet]').count(), 0);
  assert.equal(await page.locator('script:not([src])').count(), 1);
  assert.equal(new URL(page.url()).pathname, `${new URL(baseUrl).pathname}siyaq.html`);

  const unknown = await page.goto(new URL('nowhere/deep?q=x', baseUrl).href);
  assert.equal(unknown.status(), 404);
  const notice = page.locator('main[data-siyaq-page="404"]');
  await notice.waitFor();
  assert.match(await notice.textContent(), /not part of siyaq/);
  assert.equal(await page.locator(docList).count(), 0, 'no app shell with a wrong base');
  // Its link leads to the app.
  await page.click('main[data-siyaq-page="404"] a');
  await page.locator(docList).first().waitFor();
  assert.equal(new URL(page.url()).pathname, new URL(baseUrl).pathname);
});

test('a new build accepted in one tab reloads idle tabs, and only offers itself to a tab holding typed text', async (t) => {
  const { dir, url } = await serveCopyOfDist(t);
  const accepting = await openPage(browser, t);
  const context = accepting.context();
  const typing = await context.newPage();
  const idle = await context.newPage();
  for (const page of [accepting, typing, idle]) {
    await gotoApp(page, url);
    await controlled(page);
  }
  await typing.fill('#search-box', 'روسيا');
  for (const page of [typing, idle]) await page.evaluate(() => { window.sameDocument = true; });

  publishNextBuild(dir);
  await accepting.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  const offer = accepting.locator('#update');
  await offer.waitFor({ state: 'visible' });
  await typing.locator('#update [data-update="waiting"]').waitFor({ state: 'visible' });
  const idleReloaded = idle.waitForEvent('load');
  await Promise.all([accepting.waitForEvent('load'), offer.locator('button').click()]);
  await accepting.locator(docList).first().waitFor();
  await idleReloaded;
  await idle.locator(docList).first().waitFor();
  assert.equal(await idle.evaluate(() => window.sameDocument), undefined, 'the idle tab reloaded');

  // The tab with typed text keeps it, and says a new version is active.
  await typing.locator('#update [data-update="active"]').waitFor({ state: 'visible' });
  assert.ok(await typing.locator('#update [data-update="waiting"]').isHidden());
  assert.equal(await typing.evaluate(() => window.sameDocument), true, 'the typing tab was not reloaded');
  assert.equal(await typing.locator('#search-box').inputValue(), 'روسيا');
  // Its own reload, when the reader chooses, runs the new build.
  await Promise.all([typing.waitForEvent('load'), typing.locator('#update button').click()]);
  await typing.locator(docList).first().waitFor();
  for (const page of [accepting, typing, idle]) {
    const runsNewBuild = await page.evaluate(async () => (await (await fetch('./boot.js')).text()).includes('// next build'));
    assert.ok(runsNewBuild, 'every tab runs the new build');
  }
});

test('?synthetic= on the site readers get is an ignored parameter: the corpus stays the bundled one', async (t) => {
  const putin = encodeURIComponent('بوتين');
  // The bundled corpus's count, from a plain link.
  const plain = await openPage(browser, t, { serviceWorkers: 'block' });
  await gotoApp(plain, `?q=${putin}`);
  await plain.waitForFunction(() => Number(document.querySelector('[data-testid="hit-total"]')?.textContent) > 0);
  const bundled = await plain.locator('[data-testid="hit-total"]').textContent();

  const page = await openPage(browser, t, { serviceWorkers: 'block' });
  await gotoApp(page, `?synthetic=1&q=${putin}`);
  await waitForTotal(page, bundled);
  const notice = page.locator('[data-testid="link-notice"]');
  await notice.waitFor();
  assert.match(await notice.textContent(), /synthetic=1/);
  // A count the engine computed natively on the bundled corpus, found the same way.
  await page.fill('#search-box', 'بوتين | موسكو');
  await waitForTotal(page, answer('بوتين | موسكو').total);
});
