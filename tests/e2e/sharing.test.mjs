// Links, history, offline use, updates and the single file, in Chromium against the built dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, openPage, gotoApp, expected, root, baseUrl, serveCopyOfDist, publishNextBuild } from './harness.mjs';

let browser;
const facts = expected();
const answer = (query) => facts.searches.find((s) => s.query === query && s.mode === 'clitic');

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function waitForTotal(page, value) {
  await page.waitForFunction((v) => document.querySelector('[data-testid="hit-total"]')?.textContent === String(v), value);
}

async function search(page, query) {
  await page.fill('#search-box', query);
  await waitForTotal(page, answer(query).total);
}

test('a copied link reproduces the results and the open hit in a fresh browser context', async (t) => {
  const page = await openPage(browser, t);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await gotoApp(page);
  await search(page, 'روسيا');
  await page.selectOption('[data-testid="sort"]', 'after1');
  await page.uncheck('[data-testid="included"] input[data-doc="wapo-putin-kazakhstan"]');
  const row = page.locator('[data-testid="kwic-row"]').nth(4);
  const word = await row.getAttribute('data-word');
  const doc = await row.getAttribute('data-doc');
  await row.click();
  await page.locator('mark.current').waitFor();
  const marked = await page.locator('mark.current').textContent();
  await page.click('[data-testid="copy-link"]');
  await page.locator('[data-testid="copy-link"]').filter({ hasText: '✓' }).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.startsWith(baseUrl) && link.includes('view=reader') && link.includes(`hit=${word}-`), link);

  const other = await openPage(browser, t);
  await other.goto(link);
  await other.locator('mark.current').waitFor();
  assert.equal(await other.locator('mark.current').textContent(), marked);
  assert.equal(await other.locator('[data-testid="reader"] article').getAttribute('data-doc'), doc);
  await other.keyboard.press('Escape');
  await other.locator('[data-testid="concordance"]').waitFor({ state: 'visible' });
  const expectedShown = answer('روسيا').total - answer('روسيا').per_document['wapo-putin-kazakhstan'];
  await other.waitForFunction((n) => document.querySelectorAll('[data-testid="kwic-row"]').length === n, expectedShown);
  assert.equal(await other.locator('[data-testid="sort"]').inputValue(), 'after1');
  const first = (p) => p.locator('[data-testid="kwic-row"]').evaluateAll((els) => els.map((e) => e.dataset.word));
  await page.keyboard.press('Escape');
  assert.deepEqual(await first(other), await first(page));
  assert.equal(await other.locator('[data-testid="link-notice"]').count(), 0);
});

test('Back and Forward walk through earlier searches and views', async (t) => {
  const page = await openPage(browser, t);
  await gotoApp(page);
  await search(page, 'كازاخستان');
  // A pause makes the next query a new search, with its own history entry.
  await page.waitForTimeout(2300);
  await search(page, 'روسيا');
  await page.click('[data-view="entities"]');
  await page.locator('[data-testid="chart-svg"]').waitFor();
  await page.goBack();
  await page.locator('[data-testid="concordance"]').waitFor({ state: 'visible' });
  await waitForTotal(page, answer('روسيا').total);
  await page.goBack();
  await waitForTotal(page, answer('كازاخستان').total);
  assert.equal(await page.locator('#search-box').inputValue(), 'كازاخستان');
  await page.goForward();
  await waitForTotal(page, answer('روسيا').total);
  await page.goForward();
  await page.locator('[data-testid="chart-svg"]').waitFor({ state: 'visible' });
  assert.ok(page.url().includes('view=entities'));
});

test('a link with garbage shows a notice and a working page, and never runs what it carries', async (t) => {
  const page = await openPage(browser, t);
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
  const evil = '<img src=x onerror=alert(1)>';
  await gotoApp(page, `?v=not-this-one&q=${encodeURIComponent(evil)}&width=900&mode=%3Cscript%3E&top=-4&doc=nope&entities=%%%&bogus=1`);
  const notice = page.locator('[data-testid="link-notice"]');
  await notice.waitFor();
  const text = await notice.textContent();
  for (const part of ['width=900', 'mode=<script>', 'top=-4', 'doc=nope', 'bogus=1', 'not-this-one']) {
    assert.ok(text.includes(part), `${part} in: ${text}`);
  }
  assert.equal(await page.locator('#search-box').inputValue(), evil);
  assert.equal(await page.locator('img[src="x"]').count(), 0);
  assert.equal(dialogs, 0);
  assert.equal(await page.locator('[data-testid="width"]').inputValue(), '7');
  await search(page, 'كازاخستان');
  // Only the page's own scripts run, and wasm.
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval';/);
  assert.ok(!policy.includes('unsafe-inline'), policy);
});

test('after one visit the page searches and charts offline, and a new build is offered', async (t) => {
  const { dir, url } = await serveCopyOfDist(t);

  const page = await openPage(browser, t);
  const requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await gotoApp(page, url);
  // The entities view is a wasm chunk of its own, fetched only when the view first opens.
  const chunk = (path) => /\/pkg\/split_[a-z_]+\.[0-9a-f]+\.wasm$/.test(path);
  assert.ok(!requested.some(chunk), `a first load fetches no chunk: ${requested.join(' ')}`);
  const manifest = await page.evaluate(async () => (await fetch(document.querySelector('link[rel=manifest]').href)).json());
  assert.deepEqual(manifest.icons.filter((i) => i.type === 'image/png').map((i) => i.sizes), ['192x192', '512x512']);
  assert.equal(manifest.display, 'standalone');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await page.context().setOffline(true);
  await page.reload();
  await page.locator('[data-testid="doc-list"] button').first().waitFor();
  await search(page, 'كازاخستان');
  // The entities chunk was never fetched online: the service worker kept it from the start.
  assert.ok(!requested.some(chunk), 'no chunk was fetched before the entities view opened');
  await page.click('[data-view="entities"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="chart-svg"] .bar[data-entity="kazakhstan"][data-doc="all"]')?.dataset.count === '65');
  assert.ok(requested.some(chunk), 'opening the entities view fetched its chunk');
  // A link with state opens offline too.
  await page.goto(`${url}?q=${encodeURIComponent('روسيا')}`);
  await waitForTotal(page, answer('روسيا').total);
  await page.context().setOffline(false);

  // A rebuilt site: any changed file changes the worker; the page offers the new build.
  publishNextBuild(dir);
  await page.reload();
  await page.locator('[data-testid="doc-list"] button').first().waitFor();
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  const offer = page.locator('#update');
  await offer.waitFor({ state: 'visible' });
  await Promise.all([page.waitForEvent('load'), offer.locator('button').click()]);
  await page.locator('[data-testid="doc-list"] button').first().waitFor();
  const active = await page.evaluate(async () => {
    const response = await fetch('./boot.js');
    return (await response.text()).includes('// next build');
  });
  assert.ok(active, 'the reloaded page runs the new build');
  assert.ok(await page.locator('#update').isHidden());
});

test('the single file opened from disk searches the corpus and reads its link', async (t) => {
  const page = await openPage(browser, t);
  const file = `file://${join(root, 'dist/siyaq.html')}`;
  await page.goto(`${file}#q=${encodeURIComponent('كازاخستان')}&view=concordance`);
  await page.locator('[data-testid="doc-list"] button').first().waitFor();
  await waitForTotal(page, answer('كازاخستان').total);
  await search(page, 'روسيا');
  await page.waitForFunction(() => location.hash.includes('q=%D8%B1%D9%88%D8%B3%D9%8A%D8%A7'));
  assert.ok(page.url().startsWith('file://'));
  const font = await page.evaluate(async () => {
    await document.fonts.ready;
    return document.fonts.check('16px "Noto Naskh Arabic"', 'روسيا');
  });
  assert.ok(font, 'the inlined Arabic font is loaded');
  // The entities view's wasm chunk is inside the file too.
  await page.click('[data-view="entities"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="chart-svg"] .bar[data-entity="kazakhstan"][data-doc="all"]')?.dataset.count === '65');
});

test('a part of the app that cannot be downloaded is reported, and trying again loads it', async (t) => {
  // No service worker, so that every chunk comes from the network, which fails until unblocked.
  const page = await openPage(browser, t, { serviceWorkers: 'block', expectedError: /Failed to load resource|Failed to fetch|TypeError/ });
  let blocked = true;
  // The entities chunk fails as a dropped connection; the others as a chunk of an older build that
  // a newer one replaced (404).
  await page.route(/\/pkg\/(split_.*|chunk_\d+)\.[0-9a-f]+\.wasm$/, (route) => {
    if (!blocked) return route.continue();
    return /split_entities/.test(route.request().url())
      ? route.abort('internetdisconnected')
      : route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' });
  });
  await gotoApp(page);
  await page.click('[data-view="entities"]');
  await page.locator('[data-testid="chunk-notice"]').waitFor();
  assert.match(await page.locator('[data-testid="chunk-notice"]').textContent(), /تعذّر تنزيل/);
  // The rest of the page keeps working.
  await page.click('[data-view="concordance"]');
  await search(page, 'روسيا');
  await page.click('[data-testid="export-csv"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="chunk-notice"]').length === 1);
  blocked = false;
  await page.click('[data-view="entities"]');
  await page.click('[data-testid="chunk-retry"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="chart-svg"] .bar[data-entity="kazakhstan"][data-doc="all"]')?.dataset.count === '65');
  assert.equal(await page.locator('[data-testid="chunk-notice"]').count(), 0);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-view="concordance"]').then(() => page.click('[data-testid="export-csv"]'))]);
  assert.match(download.suggestedFilename(), /\.csv$/);
});
