// The same wasm around another corpus: `tests/articles`, articles written for the tests in every
// encoding and format a folder may hold, built without a manifest (as `--corpus tests/articles`
// builds it). The page's answers are checked against the engine's native answers over the same
// pack, and the titles, dates and left-out files against what those files are known to hold.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { articlesSite, expected, launch, openPage, serveCopyOfDist } from './harness.mjs';

const { url, facts } = articlesSite();

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function open(page, query = '') {
  await page.goto(new URL(query, url).href);
  await page.locator('[data-testid="doc-list"] button').first().waitFor();
}

async function waitForTotal(page, value) {
  await page.waitForFunction((v) => document.querySelector('[data-testid="hit-total"]')?.textContent === String(v), value);
}

async function perDocument(page) {
  return page.locator('[data-testid="hits-by-doc"] [data-doc]').evaluateAll((els) =>
    Object.fromEntries(els.map((e) => [e.dataset.doc, Number(e.dataset.count)])));
}

// What the files of tests/articles print (or, for one, what its file name says): written with
// the articles, not computed.
const KNOWN = [
  { id: '001_kazakhstan_troops', title: 'وصول طلائع قوات حفظ السلام إلى كازاخستان', date: '2022-01-07', author: 'سليم الحداد' },
  { id: '002_bom_un_statement', title: 'الأمم المتحدة تدعو إلى حوار بين روسيا وأوكرانيا', date: '2022-01-20' },
  { id: '003_utf16_moscow', title: 'موسكو تستضيف اجتماعا لوزراء خارجية آسيا الوسطى', date: '2022-02-15' },
  { id: '004_cp1256_ukraine', title: 'بداية العمليات العسكرية الروسية في أوكرانيا', date: '2022-02-24' },
  { id: '2022-03-01_iso88596_putin', title: 'بوتين يتحدث عن مطالب روسيا الأمنية', date: '2022-03-01' },
  { id: 'analysis', title: 'ماذا تعني الأزمة لكازاخستان؟', date: '2022-03-03', author: 'نادر العلي' },
  { id: 'page', title: 'الجمعية العامة تصوت على قرار بشأن أوكرانيا', date: '2022-03-02' },
  { id: 'doc-008', title: 'مجلس الأمن يناقش الوضع الإنساني في أوكرانيا', date: '2022-03-15' },
  { id: 'table-1', title: 'اجتماع روسي أمريكي في جنيف', date: '2022-01-10', author: 'هالة يوسف' },
  { id: 'table-2', title: 'توكاييف يعلن انتهاء مهمة القوات', date: '2022-01-11' },
  { id: 'table-3', title: 'بدء انسحاب القوات الروسية من كازاخستان', date: '2022-01-13', author: 'مراد كريم' },
];

test('another corpus: every article is listed with the title, date and author its file gives', async (t) => {
  const page = await openPage(browser, t);
  await open(page);
  const entries = page.locator('[data-testid="doc-list"] button[data-doc]');
  assert.deepEqual(await entries.evaluateAll((els) => els.map((e) => e.dataset.doc)), KNOWN.map((k) => k.id));
  for (const known of KNOWN) {
    const entry = page.locator(`button[data-doc="${known.id}"]`);
    const text = await entry.innerText();
    assert.ok(text.includes(known.title), `${known.id}: title «${known.title}» not in «${text}»`);
    assert.equal(await entry.locator('.doc-date').getAttribute('data-date'), known.date, `${known.id}: date`);
    if (known.author) assert.ok(text.includes(known.author), `${known.id}: author`);
    const words = facts.documents.find((d) => d.id === known.id).words;
    assert.equal(Number(await entry.getAttribute('data-words')), words, `${known.id}: word count`);
  }
  assert.equal(Number(await page.locator('[data-testid="corpus-words"]').getAttribute('data-words')), facts.total_words);
  // Eleven articles: the counted noun agrees with the number.
  assert.match(await page.locator('[data-testid="corpus-summary"]').innerText(), /^11 مقالًا/);
});

test('another corpus: the files the build left out are listed with the reason', async (t) => {
  const page = await openPage(browser, t);
  await open(page);
  const leftOut = page.locator('[data-testid="left-out"]');
  assert.equal(await leftOut.getAttribute('data-count'), '4');
  await leftOut.locator('summary').click();
  const items = await leftOut.locator('li').evaluateAll((els) => els.map((e) => [e.dataset.what, e.querySelector('.left-out-why').textContent]));
  const reasons = Object.fromEntries(items);
  assert.deepEqual(Object.keys(reasons).sort(), ['empty.txt', 'image.png', 'no_text.csv', 'nul.txt']);
  assert.match(reasons['empty.txt'], /empty/);
  assert.match(reasons['nul.txt'], /binary/);
  assert.match(reasons['image.png'], /not an article file/);
  assert.match(reasons['no_text.csv'], /no text column/);
});

test('another corpus: searches give the engine\'s totals and per-article counts', async (t) => {
  const page = await openPage(browser, t);
  await open(page);
  assert.ok(facts.searches.length >= 5);
  for (const answer of facts.searches.filter((s) => s.mode === 'clitic')) {
    await page.fill('#search-box', answer.query);
    await waitForTotal(page, answer.total);
    const shown = await perDocument(page);
    const nonZero = Object.fromEntries(Object.entries(answer.per_document).filter(([, n]) => n > 0));
    assert.deepEqual(Object.fromEntries(Object.entries(shown).filter(([, n]) => n > 0)), nonZero, answer.query);
  }
  // Each encoding was read as Arabic: a word of each of the four encoded files is found there.
  await page.fill('#search-box', 'غوتيريش | لافروف | زيلينسكي | الأطلسي');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="hit-total"]')?.textContent) > 0);
  const found = await perDocument(page);
  for (const id of ['002_bom_un_statement', '003_utf16_moscow', '004_cp1256_ukraine', '2022-03-01_iso88596_putin']) {
    assert.ok(found[id] > 0, `${id}: its words are searchable (${JSON.stringify(found)})`);
  }
});

test('another corpus: the reader shows a decoded article, its repeated title not counted', async (t) => {
  const page = await openPage(browser, t);
  await open(page);
  await page.click('button[data-doc="004_cp1256_ukraine"]');
  const article = page.locator('article[data-doc="004_cp1256_ukraine"]');
  await article.waitFor();
  assert.ok((await article.innerText()).includes('أعلن الرئيس الروسي فلاديمير بوتين فجر الخميس'), 'Windows-1256 text reads as Arabic');
  await page.click('button[data-doc="001_kazakhstan_troops"]');
  const repeated = page.locator('article[data-doc="001_kazakhstan_troops"] .line.duplicate');
  await repeated.waitFor();
  assert.equal(await repeated.getAttribute('data-line'), '2');
  const lines = facts.documents.find((d) => d.id === '001_kazakhstan_troops').lines;
  assert.equal(lines.find((l) => l.number === 2).counted, false);
});

test('another corpus: entities are charted, links carry its version, and it works offline', async (t) => {
  const page = await openPage(browser, t);
  await open(page);
  await page.click('[data-view="entities"]');
  const kazakhstan = facts.entities.counts.kazakhstan.total;
  assert.ok(kazakhstan > 0, 'the test articles name Kazakhstan');
  await page.waitForFunction((n) => document.querySelector('[data-testid="chart-svg"] .bar[data-entity="kazakhstan"][data-doc="all"]')?.dataset.count === String(n), kazakhstan);

  // A link made here names this corpus's version, and opens on the same answer elsewhere.
  const answer = facts.searches.find((s) => s.query === 'روسيا' && s.mode === 'clitic');
  await open(page, `?v=${facts.version}&q=${encodeURIComponent('روسيا')}`);
  await waitForTotal(page, answer.total);
  assert.equal(await page.locator('[data-testid="link-notice"]').count(), 0, 'no notice for a link of this corpus');

  // After one visit the worker holds the pack: offline, the same corpus and answers.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.context().setOffline(true);
  await page.reload();
  await waitForTotal(page, answer.total);
  assert.equal(await page.locator('[data-testid="doc-list"] button[data-doc]').count(), KNOWN.length);
  await page.context().setOffline(false);
});

// Another pack published on the same site, chosen by a link: the page opens on that corpus, keeps
// choosing it in the links it writes, keeps it for offline use, and refuses a pack of another site
// or a missing one with a message instead of a blank page.
test('a link may choose another pack of the same site: ?pack=', async (t) => {
  const sample = expected();
  const page = await openPage(browser, t, { expectedError: /404/ });
  const answer = sample.searches.find((s) => s.query === 'روسيا' && s.mode === 'clitic');
  await open(page, `?pack=packs/sample.pack&q=${encodeURIComponent('روسيا')}`);
  await waitForTotal(page, answer.total);
  const ids = await page.locator('[data-testid="doc-list"] button[data-doc]').evaluateAll((els) => els.map((e) => e.dataset.doc));
  assert.deepEqual(ids, sample.documents.map((d) => d.id));
  assert.equal(await page.locator('[data-testid="link-notice"]').count(), 0);
  // The address bar's link chooses the same pack, and names that pack's version.
  await page.waitForFunction(() => location.search.includes('v='));
  const written = new URL(page.url()).searchParams;
  assert.equal(written.get('pack'), 'packs/sample.pack');
  assert.equal(written.get('v'), sample.version);

  // Offline after a visit: the worker kept the chosen pack.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.reload();
  await waitForTotal(page, answer.total);
  await page.context().setOffline(true);
  await page.reload();
  await waitForTotal(page, answer.total);
  await page.context().setOffline(false);

  for (const [pack, says] of [['https://example.org/corpus.pack', /another site/], ['packs/none.pack', /HTTP 404/]]) {
    await page.goto(new URL(`?pack=${encodeURIComponent(pack)}`, url).href);
    const note = page.locator('#boot-error');
    await note.waitFor({ state: 'visible' });
    assert.match(await note.innerText(), says, pack);
    assert.equal(await page.locator('[data-testid="doc-list"]').count(), 0);
  }
});

// Some hosts mark a gzip file as Content-Encoding: gzip, and the browser inflates it on the way:
// the page then gets the pack's bytes already inflated, and reads them as they are.
test('a pack the host inflated in transit reads the same', async (t) => {
  const sample = expected();
  // The page closes before its server does (hooks run in the order they were added).
  const page = await openPage(browser, t, { serviceWorkers: 'block' });
  const { url: site } = await serveCopyOfDist(t, { packEncoding: 'gzip' });
  const answer = sample.searches.find((s) => s.query === 'روسيا' && s.mode === 'clitic');
  await page.goto(new URL(`?q=${encodeURIComponent('روسيا')}`, site).href);
  await waitForTotal(page, answer.total);
  const ids = await page.locator('[data-testid="doc-list"] button[data-doc]').evaluateAll((els) => els.map((e) => e.dataset.doc));
  assert.deepEqual(ids, sample.documents.map((d) => d.id));
});

// The index built on a first visit is kept in the browser's cache; a later visit reads it back
// instead of analyzing the corpus again, with the same answers. A damaged entry is dropped and
// the index built anew.
test('a later visit reads the kept index back instead of building it', async (t) => {
  const page = await openPage(browser, t, { serviceWorkers: 'block' });
  const answer = facts.searches.find((s) => s.query === 'روسيا' && s.mode === 'clitic');
  const marks = () => page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
  const nonZero = (counts) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
  await open(page, `?q=${encodeURIComponent('روسيا')}`);
  await waitForTotal(page, answer.total);
  assert.ok((await marks()).includes('siyaq:index-built'));
  // Kept once its entry can be read whole (a pending entry is listed before it is written).
  await page.evaluate(async () => {
    for (let tries = 0; tries < 200; tries++) {
      if ((await (await caches.open('siyaq-index')).matchAll()).length === 1) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the index was not kept');
  });

  await page.reload();
  await waitForTotal(page, answer.total);
  assert.deepEqual(nonZero(await perDocument(page)), nonZero(answer.per_document));
  const second = await marks();
  assert.ok(second.includes('siyaq:index-read') && !second.includes('siyaq:index-built'), `marks: ${second}`);

  await page.evaluate(async () => {
    const cache = await caches.open('siyaq-index');
    const [entry] = await cache.keys();
    await cache.put(entry, new Response(new Uint8Array([0x53, 0x49, 0x59, 1, 2, 3])));
  });
  await page.reload();
  await waitForTotal(page, answer.total);
  assert.deepEqual(nonZero(await perDocument(page)), nonZero(answer.per_document));
  const third = await marks();
  assert.ok(third.includes('siyaq:index-built') && !third.includes('siyaq:index-read'), `marks: ${third}`);
});
