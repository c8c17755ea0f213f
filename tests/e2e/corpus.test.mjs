// The corpus panel and the reader, checked against the manifest.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, gotoApp, expected, root } from './harness.mjs';

let browser;
const facts = expected();
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the corpus panel lists every document with its heading and word count', async (t) => {
  const page = await openPage(browser, t);
  await gotoApp(page);
  const entries = page.locator('[data-testid="doc-list"] button[data-doc]');
  assert.equal(await entries.count(), facts.documents.length);
  assert.equal(facts.documents.length, 6);
  const ids = await entries.evaluateAll((els) => els.map((e) => e.dataset.doc));
  assert.deepEqual(ids, facts.documents.map((d) => d.id));
  for (const doc of facts.documents) {
    const entry = page.locator(`button[data-doc="${doc.id}"]`);
    const text = await entry.innerText();
    assert.ok(text.includes(doc.heading), `${doc.id}: heading ${doc.heading} not in ${text}`);
    assert.equal(Number(await entry.getAttribute('data-words')), doc.words, `${doc.id}: word count`);
    assert.ok(text.includes(String(doc.words)), `${doc.id}: the word count is not shown`);
    if (doc.author) assert.ok(text.includes(doc.author), `${doc.id}: author`);
    if (doc.title === null) assert.ok(text.includes('بلا عنوان'), `${doc.id}: untitled mark`);
  }
  const total = page.locator('[data-testid="corpus-words"]');
  assert.equal(Number(await total.getAttribute('data-words')), facts.total_words);
});

test('each document opens in the reader with its original text and metadata', async (t) => {
  const page = await openPage(browser, t);
  await gotoApp(page);
  for (const doc of facts.documents) {
    await page.locator(`button[data-doc="${doc.id}"]`).click();
    const article = page.locator(`article[data-doc="${doc.id}"]`);
    await article.waitFor();
    assert.equal(await page.locator(`button[data-doc="${doc.id}"]`).getAttribute('aria-current'), 'true');
    const shown = await article.locator('[data-testid="article-text"] > [data-line]').evaluateAll((els) =>
      els.map((e) => ({ number: Number(e.dataset.line), text: e.textContent })));
    // Exact text: every diacritic, tatweel, quote mark and space as in the file.
    assert.deepEqual(shown, doc.lines.map(({ number, text }) => ({ number, text })), `${doc.id}: reader text`);
    const uncounted = await article.locator('.duplicate').evaluateAll((els) => els.map((e) => Number(e.dataset.line)));
    assert.deepEqual(uncounted, doc.lines.filter((l) => !l.counted).map((l) => l.number));
    const meta = await article.locator('.article-meta').innerText();
    for (const field of [doc.author, doc.source, doc.translator]) {
      if (field) assert.ok(meta.includes(field), `${doc.id}: ${field} missing from the metadata`);
    }
    assert.equal(await article.locator('[data-date]').getAttribute('data-date'), doc.date);
    assert.equal(Number(await article.locator('[data-testid="reader-words"]').getAttribute('data-words')), doc.words);
  }
});

test('diacritics and punctuation survive: spot checks in the reader', async (t) => {
  const page = await openPage(browser, t);
  await gotoApp(page);
  await page.locator('button[data-doc="wapo-putin-kazakhstan"]').click();
  const text = await page.locator('[data-testid="article-text"]').textContent();
  assert.ok(text.includes('مبكرًا'), 'tanween fath kept');
  assert.ok(text.includes('حوّل'), 'shadda kept');
  assert.ok(text.includes('“الإرهابيين”'), 'curly quotes kept');
  assert.ok(text.includes('لـ100الف'), 'tatweel and the glued number kept');
});

test('Arabic is laid out right to left and Latin names are isolated', async (t) => {
  const page = await openPage(browser, t);
  await gotoApp(page);
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ar');
  await page.locator('button[data-doc="wapo-putin-kazakhstan"]').click();
  const line = page.locator('[data-testid="article-text"] [data-line="1"]');
  assert.equal(await line.evaluate((e) => getComputedStyle(e).direction), 'rtl');
  // The first word starts at the right edge; the second word lies to its left.
  const [first, second, lineBox] = await line.evaluate((el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let node = walker.nextNode();
    while (node && node.textContent.trim() === '') node = walker.nextNode();
    const rect = (start, end) => {
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      return range.getBoundingClientRect().toJSON();
    };
    const text = node.textContent;
    const firstEnd = text.indexOf(' ');
    const secondEnd = text.indexOf(' ', firstEnd + 1);
    return [rect(0, firstEnd), rect(firstEnd + 1, secondEnd), el.getBoundingClientRect().toJSON()];
  });
  assert.ok(first.left > second.right - 1, `first word (${first.left}) is right of the second (${second.right})`);
  assert.ok(lineBox.right - first.right < 4, 'the first word hugs the right edge');
  // CSTO inside Arabic is isolated with its own direction.
  const bdi = page.locator('[data-testid="article-text"] bdi', { hasText: 'CSTO' });
  assert.equal(await bdi.count(), 1);
  assert.equal(await bdi.getAttribute('dir'), 'ltr');
  // The corpus panel sits on the right in RTL.
  const panel = await page.locator('.corpus-panel').boundingBox();
  const reader = await page.locator('[data-testid="reader"]').boundingBox();
  assert.ok(panel.x > reader.x, 'the corpus panel is on the right');
});

test('the self-hosted Arabic font is used, and a screenshot is made for the README', async (t) => {
  const page = await openPage(browser, t);
  const fonts = [];
  page.on('response', (r) => { if (r.url().includes('/style/fonts/')) fonts.push([r.url(), r.status()]); });
  await gotoApp(page);
  await page.locator('button[data-doc="russian-troops-kazakhstan"]').click();
  await page.evaluate(() => document.fonts.ready);
  const loaded = await page.evaluate(() =>
    [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family} ${f.weight}`));
  assert.ok(loaded.some((f) => f.includes('Noto Naskh Arabic') && f.endsWith('400')), `loaded fonts: ${loaded}`);
  assert.ok(fonts.some(([url, status]) => url.endsWith('noto-naskh-arabic-400.woff2') && status === 200), 'font served locally');
  const family = await page.locator('.article-text .line').first().evaluate((e) => getComputedStyle(e).fontFamily);
  assert.match(family, /Noto Naskh Arabic/);
  mkdirSync(join(root, 'docs'), { recursive: true });
  await page.screenshot({ path: join(root, 'docs/screenshot-reader.png') });
});
