// The concordance view in the browser, checked against the engine's own answers (computed
// natively by `cargo xtask test` into expected.json).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, gotoApp, expected, root } from './harness.mjs';

let browser;
const facts = expected();
const answer = (query, mode = 'clitic') => {
  const found = facts.searches.find((s) => s.query === query && s.mode === mode);
  if (!found) throw new Error(`no expected answer for ${query} (${mode})`);
  return found;
};

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function searchFor(page, query) {
  const box = page.locator('input[type="search"]');
  await box.fill(query);
  await page.waitForFunction(
    (q) => document.querySelector('input[type="search"]').value === q
      && document.querySelector('[data-testid="hit-total"]') !== null,
    query,
  );
}

async function total(page) {
  return Number(await page.locator('[data-testid="hit-total"]').textContent());
}

async function waitForTotal(page, value) {
  await page.waitForFunction((v) => document.querySelector('[data-testid="hit-total"]')?.textContent === String(v), value);
}

async function perDocument(page) {
  return page.locator('[data-testid="hits-by-doc"] [data-doc]').evaluateAll((els) =>
    Object.fromEntries(els.map((e) => [e.dataset.doc, Number(e.dataset.count)])));
}

test('typing a query shows the totals the engine computes', async (t) => {
  const page = await openPage(browser, t);
  await gotoApp(page);
  for (const query of ['كازاخستان', 'روسيا', '"الأمن الجماعي"', 'بوتين | موسكو']) {
    const expectedAnswer = answer(query);
    await searchFor(page, query);
    await waitForTotal(page, expectedAnswer.total);
    assert.deepEqual(await perDocument(page), expectedAnswer.per_document, query);
    const rows = await page.locator('[data-testid="kwic-row"]').count();
    assert.equal(rows, Math.min(expectedAnswer.total, 100), `${query}: lines on the page`);
    const forms = await page.locator('[data-testid="forms"] [data-form]').evaluateAll((els) => els.map((e) => e.dataset.form));
    assert.deepEqual(forms, expectedAnswer.forms.map((f) => f.form), `${query}: matched forms`);
  }
  // Russia never matches Belarus in any line.
  await searchFor(page, 'روسيا');
  await waitForTotal(page, answer('روسيا').total);
  const nodes = await page.locator('[data-testid="kwic-row"] .kwic-node').allTextContents();
  assert.ok(nodes.every((n) => !n.includes('بيلاروسيا')), 'no Belarus');
});

test('match mode and normalization steps change the totals as they should', async (t) => {
  const page = await openPage(browser, t);
  await gotoApp(page);
  await searchFor(page, 'روسيا');
  await waitForTotal(page, answer('روسيا').total);
  await page.locator('[data-testid="mode"]').selectOption('exact');
  await waitForTotal(page, answer('روسيا', 'exact').total);
  assert.ok(answer('روسيا', 'exact').total < answer('روسيا').total);
  await page.locator('[data-testid="mode"]').selectOption('clitic');

  // Written with hamza and diacritics, the query finds the same as the plain spelling.
  await searchFor(page, 'الأَمْن');
  await waitForTotal(page, answer('الامن').total);
  await searchFor(page, 'الامن');
  await waitForTotal(page, answer('الامن').total);
  assert.ok(answer('الامن').total > 10);
  // Without alef folding, the plain spelling no longer finds the corpus's الأمن.
  await page.locator('[data-testid="steps"] summary').click();
  await page.locator('input[data-step="alef"]').uncheck();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="hit-total"]').textContent) < 5);
  assert.ok(await total(page) < answer('الامن').total);
  assert.equal(await page.locator('[data-testid="profile"]').inputValue(), 'custom');
  await page.locator('[data-testid="profile"]').selectOption('search');
  await waitForTotal(page, answer('الامن').total);
});

test('sorting reorders the lines', async (t) => {
  const page = await openPage(browser, t);
  await gotoApp(page);
  await searchFor(page, 'كازاخستان');
  await waitForTotal(page, answer('كازاخستان').total);
  const order = () => page.locator('[data-testid="kwic-row"]').evaluateAll((els) => els.map((e) => Number(e.dataset.word)));
  const textOrder = await order();
  assert.deepEqual(textOrder, [...textOrder].sort((a, b) => a - b), 'text order by default');
  await page.locator('[data-testid="sort"]').selectOption('after1');
  await page.waitForFunction((first) => Number(document.querySelector('[data-testid="kwic-row"]').dataset.word) !== first, textOrder[0]);
  const sorted = await order();
  assert.notDeepEqual(sorted, textOrder);
  assert.deepEqual([...sorted].sort((a, b) => a - b), textOrder, 'the same lines');
  await page.locator('[data-testid="sort"]').selectOption('document');
  await page.waitForFunction((first) => Number(document.querySelector('[data-testid="kwic-row"]').dataset.word) === first, textOrder[0]);
});

test('a line opens the reader with exactly the matched words highlighted', async (t) => {
  const page = await openPage(browser, t);
  await gotoApp(page);
  await searchFor(page, '"الأمن الجماعي"');
  const expectedAnswer = answer('"الأمن الجماعي"');
  await waitForTotal(page, expectedAnswer.total);
  const row = page.locator('[data-testid="kwic-row"]').nth(2);
  const doc = await row.getAttribute('data-doc');
  const node = (await row.locator('.kwic-node').textContent()).trim();
  await row.click();
  const article = page.locator(`[data-testid="reader"] article[data-doc="${doc}"]`);
  await article.waitFor();
  const current = article.locator('mark.current');
  await current.waitFor();
  assert.equal((await current.textContent()).trim(), node);
  assert.equal(await current.textContent(), 'الأمن الجماعي');
  assert.equal(await article.locator('mark.hit').count(), expectedAnswer.per_document[doc]);
  assert.ok(await current.isVisible());
  // Next and previous move through the article's hits.
  const before = await current.getAttribute('data-word');
  await page.locator('[data-testid="hit-next"]').click();
  await page.waitForFunction((w) => document.querySelector('mark.current')?.dataset.word !== w, before);
  await page.locator('[data-testid="hit-prev"]').click();
  await page.waitForFunction((w) => document.querySelector('mark.current')?.dataset.word === w, before);
});

test('the CSV export holds every hit, in Arabic, with a byte-order mark', async (t) => {
  const page = await openPage(browser, t);
  await gotoApp(page);
  await searchFor(page, 'كازاخستان');
  const expectedAnswer = answer('كازاخستان');
  await waitForTotal(page, expectedAnswer.total);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-testid="export-csv"]').click(),
  ]);
  const bytes = readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const lines = bytes.toString('utf8').slice(1).trim().split('\n');
  assert.equal(lines[0], 'document,title,author,source,date,before,node,after,form,start,end');
  assert.equal(lines.length - 1, expectedAnswer.total);
  const forms = {};
  for (const line of lines.slice(1)) {
    const form = line.split(',').at(-3);
    forms[form] = (forms[form] ?? 0) + 1;
  }
  assert.deepEqual(forms, Object.fromEntries(expectedAnswer.forms.map((f) => [f.form, f.count])));
  assert.ok(lines.some((l) => l.includes('لكازاخستان')));
});

test('keyboard: / focuses search, arrows move, Enter opens, Escape returns', async (t) => {
  const page = await openPage(browser, t);
  await gotoApp(page);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.type), 'search');
  await page.keyboard.type('بوتين');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="hit-total"]')?.textContent) > 1);
  await page.locator('[data-testid="kwic-row"]').first().focus();
  await page.keyboard.press('ArrowDown');
  const focused = await page.evaluate(() => document.activeElement?.dataset.word);
  const second = await page.locator('[data-testid="kwic-row"]').nth(1).getAttribute('data-word');
  assert.equal(focused, second);
  await page.keyboard.press('Enter');
  await page.locator('[data-testid="reader"] mark.current').waitFor();
  assert.equal(await page.locator('[data-testid="reader"] mark.current').getAttribute('data-word'), second);
  await page.keyboard.press('Escape');
  await page.waitForFunction((w) => document.activeElement?.dataset.word === w, second);
  assert.ok(await page.locator('[data-testid="concordance"]').isVisible());
});

test('an invalid query shows its message and keeps the last results', async (t) => {
  const page = await openPage(browser, t);
  await gotoApp(page);
  await searchFor(page, 'كازاخستان');
  await waitForTotal(page, answer('كازاخستان').total);
  await searchFor(page, '"الأمن');
  const error = page.locator('[data-testid="query-error"]');
  await error.waitFor({ state: 'visible' });
  assert.match(await error.textContent(), /علامة التنصيص/);
  assert.equal(await total(page), answer('كازاخستان').total, 'last good results stay');
  assert.equal(await page.locator('[data-testid="kwic-row"]').count(), Math.min(100, answer('كازاخستان').total));
  await page.locator('[data-testid="lang-switch"]').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(await error.textContent(), /quotation mark/);
  await searchFor(page, 'روسيا');
  await waitForTotal(page, answer('روسيا').total);
  assert.ok(await error.isHidden());
});

test('screenshots of the concordance in Arabic and in English', async (t) => {
  const page = await openPage(browser, t, { viewport: { width: 1280, height: 900 } });
  await gotoApp(page);
  await searchFor(page, 'روسيا');
  await waitForTotal(page, answer('روسيا').total);
  await page.evaluate(() => document.fonts.ready);
  mkdirSync(join(root, 'docs'), { recursive: true });
  // The node column lines up: every node's centre is at the same x.
  const centres = await page.locator('[data-testid="kwic-row"] .kwic-node').evaluateAll((els) =>
    els.slice(0, 10).map((e) => { const r = e.getBoundingClientRect(); return Math.round(r.left + r.width / 2); }));
  assert.ok(Math.max(...centres) - Math.min(...centres) <= 1, `node centres ${centres}`);
  await page.screenshot({ path: join(root, 'docs/screenshot-concordance-ar.png') });
  await page.locator('[data-testid="lang-switch"]').click();
  await page.waitForFunction(() => document.documentElement.dir === 'ltr');
  assert.equal(await page.locator('[data-testid="kwic-row"] .kwic-node').first().evaluate((e) => getComputedStyle(e).direction), 'rtl');
  await page.screenshot({ path: join(root, 'docs/screenshot-concordance-en.png') });
});

test('a matched form filters the lines; a line carries its sentence and copies as a citation', async (t) => {
  const page = await openPage(browser, t);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await gotoApp(page);
  await searchFor(page, 'كازاخستان');
  const expectedAnswer = answer('كازاخستان');
  await waitForTotal(page, expectedAnswer.total);
  const lam = expectedAnswer.forms.find((f) => f.form === 'لكازاخستان');
  await page.locator('[data-testid="forms"] [data-form="لكازاخستان"]').click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="kwic-row"]').length === n, lam.count);
  const nodes = await page.locator('[data-testid="kwic-row"] .kwic-node').allTextContents();
  assert.ok(nodes.every((n) => n.trim() === 'لكازاخستان'), nodes.join(','));
  const row = page.locator('[data-testid="kwic-row"]').first();
  const sentence = await row.getAttribute('title');
  assert.ok(sentence.includes('لكازاخستان') && sentence.length > 20, sentence);
  await row.locator('.cite').click();
  await page.waitForFunction(async () => (await navigator.clipboard.readText()).includes('لكازاخستان'));
  const cited = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(cited, /^«…/);
  assert.match(cited, /2022|2023/);
  // Clicking the form again shows every line.
  await page.locator('[data-testid="forms"] [data-form="لكازاخستان"]').click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="kwic-row"]').length === n, Math.min(100, expectedAnswer.total));
});

test('many hits are paged: only 100 lines are in the page at a time', async (t) => {
  const page = await openPage(browser, t);
  await gotoApp(page);
  await searchFor(page, '/./');
  await waitForTotal(page, facts.total_words);
  assert.equal(await page.locator('[data-testid="kwic-row"]').count(), 100);
  const pages = Math.ceil(facts.total_words / 100);
  assert.equal(await page.locator('[data-testid="page"]').textContent(), `1 / ${pages}`);
  const first = await page.locator('[data-testid="kwic-row"]').first().getAttribute('data-word');
  await page.locator('[data-testid="page-next"]').click();
  await page.waitForFunction((f) => document.querySelector('[data-testid="kwic-row"]').dataset.word !== f, first);
  assert.equal(await page.locator('[data-testid="page"]').textContent(), `2 / ${pages}`);
  assert.equal(await page.locator('[data-testid="kwic-row"]').first().getAttribute('data-word'), '100');
  assert.ok(await page.locator('[data-testid="page-prev"]').isEnabled());
});
