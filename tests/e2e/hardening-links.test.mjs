// Links that could break the page: a non-ASCII sort (after `?`, after `#` in the single file, by
// Back and Forward), a hit at the end of the numbers, thousands of unknown parameters, an entity
// list too long to read, and hundreds of edited entities carried compressed to a fresh browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, gotoApp, expected, root } from './harness.mjs';

let browser;
const facts = expected();
const answer = (query) => facts.searches.find((s) => s.query === query && s.mode === 'clitic');
const STORAGE_KEY = 'siyaq.entities';
const NON_ASCII_SORT = 'sort=%D8%A8';

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const notice = (page) => page.locator('[data-testid="link-notice"]');

async function waitForTotal(page, value) {
  await page.waitForFunction((v) => document.querySelector('[data-testid="hit-total"]')?.textContent === String(v), value);
}

// The page answers a search: it did not stop at the link.
async function searchWorks(page) {
  await page.fill('#search-box', 'روسيا');
  await waitForTotal(page, answer('روسيا').total);
}

async function noticeNaming(page, part) {
  await notice(page).waitFor();
  const text = await notice(page).textContent();
  assert.ok(text.includes(part), `${part} in: ${text}`);
  return text;
}

async function dismissNotice(page) {
  await notice(page).locator('button.dismiss').click();
  await notice(page).waitFor({ state: 'detached' });
}

test('hardening-links: a non-ASCII sort in the query part gives a working page and a notice', async (t) => {
  const page = await openPage(browser, t);
  await gotoApp(page, `?${NON_ASCII_SORT}`);
  await noticeNaming(page, 'sort=ب');
  assert.equal(await page.locator('[data-testid="sort"]').inputValue(), 'document');
  await searchWorks(page);
});

test('hardening-links: a non-ASCII sort after # in the single file, opened and then typed, gives a working page and a notice', async (t) => {
  const page = await openPage(browser, t);
  await page.goto(`file://${join(root, 'dist/siyaq.html')}#${NON_ASCII_SORT}`);
  await page.locator('[data-testid="doc-list"] button').first().waitFor();
  await noticeNaming(page, 'sort=ب');
  await searchWorks(page);
  await dismissNotice(page);
  // A new `#` part typed into the address bar is read too.
  await page.evaluate((hash) => { location.hash = hash; }, `q=${encodeURIComponent('كازاخستان')}&${NON_ASCII_SORT}`);
  await noticeNaming(page, 'sort=ب');
  await waitForTotal(page, answer('كازاخستان').total);
});

test('hardening-links: a non-ASCII sort reached by Back and Forward gives a working page and a notice', async (t) => {
  const page = await openPage(browser, t);
  // History entries the page did not write (the page rewrites a link it opened with at once, so
  // Back and Forward find such entries only within the page).
  await gotoApp(page);
  await searchWorks(page);
  await page.evaluate((bad) => {
    history.pushState(null, '', `?${bad}`);
    history.pushState(null, '', location.pathname);
  }, NON_ASCII_SORT);
  await page.goBack();
  await noticeNaming(page, 'sort=ب');
  await searchWorks(page);
  await page.goForward();
  await page.goBack();
  await page.goForward();
  await searchWorks(page);
});

test('hardening-links: a hit at the end of the numbers is ignored, not wrapped around', async (t) => {
  const page = await openPage(browser, t);
  const doc = facts.documents[0].id;
  await gotoApp(page, `?view=reader&doc=${doc}&hit=4294967295-2`);
  await noticeNaming(page, 'hit=4294967295-2');
  await page.locator(`[data-testid="reader"] article[data-doc="${doc}"]`).waitFor();
  assert.equal(await page.locator('[data-testid="reader"] mark.current').count(), 0);
  await page.keyboard.press('Escape');
  await searchWorks(page);
});

test('hardening-links: 5,000 unknown parameters make a short notice; an entity list too long to read is told', async (t) => {
  const page = await openPage(browser, t);
  const unknown = Array.from({ length: 5000 }, (_, i) => `unknown${i}=${'x'.repeat(20)}`).join('&');
  // After `#`: a query part this long never reaches the page (servers refuse such a request).
  await gotoApp(page, `#${unknown}`);
  const text = await noticeNaming(page, 'unknown0=');
  assert.ok(text.length < 400, `${text.length} characters: ${text}`);
  assert.ok(text.includes('4995'), text);
  await searchWorks(page);

  const other = await openPage(browser, t);
  await gotoApp(other, `#entities=1${'A'.repeat(40_000)}`);
  const told = await noticeNaming(other, '40001');
  assert.ok(told.length < 400, told);
});

// The bundled list with 300 entities edited: a spelling added to every bundled entity (to putin
// the one whose counts the facts know), then new people. Spellings other than putin's occur
// nowhere in the corpus (letters in an order Arabic never uses).
function editedList() {
  const letters = 'بتثجحخدذرزسشصضطظعغفقكلمنهو';
  const spelling = (i) => {
    let word = 'ظظ';
    for (let k = 0; k < 3; k += 1) { word += letters[i % letters.length]; i = Math.floor(i / letters.length); }
    return word;
  };
  const { list, added_alias: added } = facts.entities;
  const edited = list.map((e, i) => ({ ...e, aliases: [...e.aliases, e.id === added.entity ? added.alias : spelling(i)] }));
  const people = Array.from({ length: 300 - list.length }, (_, i) => {
    const name = `${spelling(1000 + i)} ${spelling(5000 + i)}`;
    return { id: `person-${i}`, name_ar: name, name_en: `Person ${i}`, type: 'person', aliases: [name], demonyms: [] };
  });
  return [...edited, ...people];
}

test('hardening-links: a link carrying 300 edited entities opens in a fresh browser with those edits in force', async (t) => {
  const entities = editedList();
  const sender = await openPage(browser, t);
  await sender.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await sender.addInitScript(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, JSON.stringify({ format: 1, entities })]);
  await gotoApp(sender);
  // The address carries the edits compressed once the browser has deflated them.
  await sender.waitForFunction(() => new URLSearchParams(location.search).get('entities')?.startsWith('2'));
  const link = sender.url();
  console.log(`a link with 300 edited entities: ${link.length} characters`);
  assert.ok(link.length < 12_000, `${link.length} characters`);
  // Nothing to tell: the edits fit in the link.
  assert.equal(await notice(sender).count(), 0);
  await sender.click('[data-testid="copy-link"]');
  await sender.locator('[data-testid="copy-link"]').filter({ hasText: '✓' }).waitFor();
  const copied = await sender.evaluate(() => navigator.clipboard.readText());
  const carried = (url) => new URL(url).searchParams.get('entities');
  assert.equal(carried(copied), carried(link));

  const receiver = await openPage(browser, t);
  await receiver.goto(link);
  await receiver.locator('[data-testid="link-list"]').waitFor();
  await noticeNaming(receiver, 'قائمة كيانات معدّلة');
  // Until the page is left, the address keeps the link's edits as they came.
  assert.equal(carried(receiver.url()), carried(link));
  await receiver.click('[data-view="entities"]');
  const putin = facts.entities.added_alias;
  await receiver.waitForFunction(([e, c]) =>
    document.querySelector(`[data-testid="chart-svg"] .bar[data-entity="${e}"][data-doc="all"]`)?.dataset.count === String(c),
  [putin.entity, putin.counts[putin.entity].total]);
  await receiver.click('[data-testid="editor"] > summary');
  const [download] = await Promise.all([receiver.waitForEvent('download'), receiver.click('[data-testid="export-list"]')]);
  assert.deepEqual(JSON.parse(readFileSync(await download.path(), 'utf8')).entities, entities);
  // The receiver's own storage was not touched.
  assert.equal(await receiver.evaluate((key) => localStorage.getItem(key), STORAGE_KEY), null);
});
