// The user's own articles, in the page: a folder of articles written for the tests
// (`tests/articles`, every encoding and format) imported through the folder picker into a
// collection kept in the browser. The collection must give the articles and answers a site built
// with `--corpus tests/articles` gives (the engine's native answers over that folder), keep them
// across a reload and offline, and a file that repeats an article must be reported as a duplicate.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { baseUrl, launch, openPage, root } from './harness.mjs';

const factsPath = process.env.SIYAQ_ARTICLES_EXPECTED;
if (!factsPath) throw new Error('SIYAQ_ARTICLES_EXPECTED is not set: run the end-to-end tests with `cargo xtask test`');
const facts = JSON.parse(readFileSync(factsPath, 'utf8'));
const articlesDir = join(root, 'tests/articles');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function openCollectionsPanel(page) {
  await page.goto(baseUrl);
  await page.locator('[data-testid="doc-list"] button').first().waitFor();
  await page.locator('[data-testid="collections-panel"] > summary').click();
  await page.locator('[data-testid="import-folder"]').waitFor({ state: 'attached' });
}

async function waitForTotal(page, value) {
  await page.waitForFunction((v) => document.querySelector('[data-testid="hit-total"]')?.textContent === String(v), value);
}

async function perDocument(page) {
  return page.locator('[data-testid="hits-by-doc"] [data-doc]').evaluateAll((els) =>
    Object.fromEntries(els.map((e) => [e.dataset.doc, Number(e.dataset.count)]).filter(([, n]) => n > 0)));
}

async function report(page) {
  const rows = page.locator('[data-testid="import-report"] [data-file]');
  await rows.first().waitFor();
  return Object.fromEntries(await rows.evaluateAll((els) => els.map((e) => [e.dataset.file, { status: e.dataset.status, reason: e.dataset.reason }])));
}

async function articleIds(page) {
  await page.locator('[data-testid="doc-list"] button[data-doc]').first().waitFor();
  return page.locator('[data-testid="doc-list"] button[data-doc]').evaluateAll((els) => els.map((e) => e.dataset.doc));
}

test('collections: a folder imported in the page gives the articles and answers of the same folder built with --corpus, and stays', async (t) => {
  const page = await openPage(browser, t);
  await openCollectionsPanel(page);
  await page.fill('[data-testid="new-collection-name"]', 'مقالات الاختبار');
  await page.locator('[data-testid="import-folder"]').setInputFiles(articlesDir);

  const files = await report(page);
  const imported = Object.keys(files).filter((f) => files[f].status === 'imported').sort();
  assert.deepEqual(imported, ['001_kazakhstan_troops.txt', '002_bom_un_statement.txt', '003_utf16_moscow.txt', '004_cp1256_ukraine.txt',
    '2022-03-01_iso88596_putin.txt', 'analysis.md', 'page.html', 'sub/مقال_الأمم_المتحدة.txt', 'table.csv'].sort());
  assert.equal(files['empty.txt'].status, 'skipped');
  assert.match(files['empty.txt'].reason, /empty/);
  assert.match(files['nul.txt'].reason, /binary/);
  assert.match(files['image.png'].reason, /not an article file/);
  assert.match(files['no_text.csv'].reason, /no text column/);

  await page.click('[data-testid="open-collection"]');
  await page.waitForURL(/collection=c-[0-9a-f]+/);
  const collectionUrl = page.url();
  assert.deepEqual(await articleIds(page), facts.documents.map((d) => d.id));
  assert.equal(Number(await page.locator('[data-testid="corpus-words"]').getAttribute('data-words')), facts.total_words);
  assert.equal(await page.locator('[data-testid="collections"] [aria-current="true"]').getAttribute('data-collection'), new URL(collectionUrl).searchParams.get('collection'));

  for (const answer of facts.searches.filter((s) => s.mode === 'clitic')) {
    await page.fill('#search-box', answer.query);
    await waitForTotal(page, answer.total);
    const nonZero = Object.fromEntries(Object.entries(answer.per_document).filter(([, n]) => n > 0));
    assert.deepEqual(await perDocument(page), nonZero, answer.query);
  }
  // A link made on the collection opens it again.
  const link = await page.evaluate(() => location.href);
  assert.match(link, /[?&]collection=c-/);

  // A reload, and an offline reload, find the collection as it was.
  await page.reload();
  assert.deepEqual(await articleIds(page), facts.documents.map((d) => d.id));
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.context().setOffline(true);
  await page.reload();
  assert.deepEqual(await articleIds(page), facts.documents.map((d) => d.id));
  await page.context().setOffline(false);

  // The same article again, pasted into this collection: reported as a duplicate, not counted twice.
  await page.locator('[data-testid="collections-panel"] > summary').waitFor();
  await page.locator('[data-testid="import-paste"]').waitFor();
  const text = readFileSync(join(articlesDir, '001_kazakhstan_troops.txt'), 'utf8');
  await page.fill('[data-testid="import-paste"]', text);
  await page.click('[data-testid="import-pasted"]');
  const again = await report(page);
  assert.deepEqual(Object.values(again).map((r) => r.status), ['duplicate']);
  await page.reload();
  assert.deepEqual(await articleIds(page), facts.documents.map((d) => d.id));
});

test('collections: a link to a collection this browser does not hold says so, with the way back', async (t) => {
  const page = await openPage(browser, t, { expectedError: /SiyaqCollectionMissing|Failed to load/ });
  await page.goto(new URL('?collection=c-000000000000&q=x', baseUrl).href);
  const note = page.locator('#boot-error');
  await note.waitFor();
  assert.match(await note.innerText(), /another browser/);
  await page.click('[data-testid="open-site-corpus"]');
  await page.locator('[data-testid="doc-list"] button').first().waitFor();
  assert.equal(new URL(page.url()).search, '');
});

test('collections: a mixed set (Word, zip, UTF-16, HTML, a copy, a near-copy, a broken file) is reported file by file and counted once', async (t) => {
  const mixed = JSON.parse(readFileSync(process.env.SIYAQ_IMPORT_EXPECTED, 'utf8'));
  const page = await openPage(browser, t);
  await openCollectionsPanel(page);
  await page.fill('[data-testid="new-collection-name"]', 'مجموعة مختلطة');
  await page.locator('[data-testid="import-folder"]').setInputFiles(join(root, 'tests/import/mixed'));
  const files = await report(page);
  const status = Object.fromEntries(Object.entries(files).map(([file, r]) => [file, r.status]));
  for (const file of ['briefing.html', 'energy-utf16.txt', 'roads.txt', 'summit.docx']) assert.equal(status[file], 'imported', file);
  // An archive's articles are its entries.
  assert.ok(Object.keys(status).some((f) => f.startsWith('letters.zip') && status[f] === 'imported'), JSON.stringify(status));
  assert.equal(status['broken.docx'], 'skipped');
  assert.ok(files['broken.docx'].reason.length > 0);
  assert.equal(status['syndicated/roads.txt'], 'duplicate');
  assert.equal(status['syndicated/roads-edited.txt'], 'duplicate');
  assert.match(files['syndicated/roads-edited.txt'].reason, /near/);

  // The worker builds the collection's index after its report: once kept, the collection opens
  // without building it on the page's thread.
  await page.waitForFunction(async () => {
    const db = await new Promise((resolve) => { const opening = indexedDB.open('siyaq-collections'); opening.onsuccess = () => resolve(opening.result); });
    const kept = await new Promise((resolve) => { const all = db.transaction('collections').objectStore('collections').getAll(); all.onsuccess = () => resolve(all.result); });
    db.close();
    const keys = (await (await caches.open('siyaq-index')).keys()).map((request) => request.url);
    return kept.length > 0 && kept.every((c) => keys.some((key) => key.includes(`/${c.version}/`)));
  });
  await page.click('[data-testid="open-collection"]');
  await page.waitForURL(/collection=c-/);
  const ids = await articleIds(page);
  assert.deepEqual(await page.evaluate(() => ['index-read', 'index-built'].map((m) => performance.getEntriesByName(`siyaq:${m}`).length)), [1, 0]);
  // The folder build keeps the copies; the page leaves them out, and nothing else.
  const duplicates = mixed.documents.filter((d) => d.id.startsWith('syndicated')).map((d) => d.id);
  assert.equal(duplicates.length, 2, JSON.stringify(mixed.documents.map((d) => d.id)));
  assert.deepEqual(ids, mixed.documents.map((d) => d.id).filter((id) => !duplicates.includes(id)));
  for (const answer of mixed.searches.filter((s) => s.mode === 'clitic')) {
    await page.fill('#search-box', answer.query);
    const expectedHere = Object.fromEntries(Object.entries(answer.per_document).filter(([id, n]) => n > 0 && !duplicates.includes(id)));
    const total = Object.values(expectedHere).reduce((a, b) => a + b, 0);
    await waitForTotal(page, total);
    assert.deepEqual(await perDocument(page), expectedHere, answer.query);
  }
});

test('collections: a collection file made in one browser opens the same collection in another', async (t) => {
  const page = await openPage(browser, t);
  await openCollectionsPanel(page);
  await page.fill('[data-testid="new-collection-name"]', 'للمشاركة');
  await page.locator('[data-testid="import-folder"]').setInputFiles(articlesDir);
  await page.click('[data-testid="open-collection"]');
  await page.waitForURL(/collection=c-/);
  await page.fill('#search-box', 'روسيا');
  const answer = facts.searches.find((s) => s.query === 'روسيا' && s.mode === 'clitic');
  await waitForTotal(page, answer.total);
  await page.waitForFunction(() => /[?&]q=/.test(location.search));
  const link = page.url();
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-collection"]')]);
  assert.match(download.suggestedFilename(), /\.siyaq$/);
  const saved = await download.path();

  // Another browser context: nothing kept. The link says which collection it needs.
  const other = await openPage(browser, t, { expectedError: /SiyaqCollectionMissing|Failed to load/ });
  await other.goto(link);
  const note = other.locator('#boot-error');
  await note.waitFor();
  assert.match(await note.innerText(), /للمشاركة/);
  assert.match(await note.innerText(), /11/);
  await other.locator('#boot-error [data-testid="import-collection"]').setInputFiles(saved);
  await other.waitForURL(/collection=c-/);
  assert.deepEqual(await articleIds(other), facts.documents.map((d) => d.id));
  await waitForTotal(other, answer.total);
});
