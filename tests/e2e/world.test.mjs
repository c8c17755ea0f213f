// The world gazetteer beneath the list: on a corpus whose list knows none of its people and
// organisations, the entities view charts the ones the world knows, with the counts the engine
// gives natively for the list and the world together; a chart bar opens those mentions; every
// mention exports as a row of CSV; and the world is there offline and in the single file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { articlesSite, baseUrl, expected, launch, openPage, root } from './harness.mjs';

const { url, facts } = articlesSite();

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// The world's entities the articles mention, most mentioned first.
function worldMentioned(f) {
  return f.entities.world_ids
    .map((id) => ({ id, total: f.entities.counts[id].total }))
    .filter((e) => e.total > 0)
    .sort((a, b) => b.total - a.total);
}

async function openEntities(page, address) {
  await page.goto(address);
  await page.locator('[data-testid="doc-list"] button').first().waitFor();
  await page.click('[data-view="entities"]');
}

async function waitForBar(page, id, count) {
  await page.waitForFunction(([id, n]) =>
    document.querySelector(`[data-testid="chart-svg"] .bar[data-entity="${id}"][data-doc="all"]`)?.dataset.count === String(n), [id, count]);
}

test('the world gazetteer charts what the list does not know, and its bars open their mentions', async (t) => {
  const mentioned = worldMentioned(facts);
  assert.ok(mentioned.length >= 3, `the test articles name places and people the world knows: ${JSON.stringify(mentioned)}`);
  const page = await openPage(browser, t);
  await openEntities(page, url);
  const [first] = mentioned;
  await waitForBar(page, first.id, first.total);
  // The table lists every world entity mentioned within the chart's top rows with its total.
  const totals = await page.locator('[data-testid="chart-table"] tbody tr[data-entity]').evaluateAll((rows) =>
    Object.fromEntries(rows.map((r) => [r.dataset.entity, Number(r.querySelector('[data-article="all"]').textContent)])));
  for (const { id, total } of mentioned.filter((e) => e.id in totals)) assert.equal(totals[id], total, id);

  await page.click(`[data-testid="chart-svg"] .bar[data-entity="${first.id}"][data-doc="all"]`);
  await page.waitForFunction((n) => document.querySelector('[data-testid="hit-total"]')?.textContent === String(n), first.total);
  assert.match(await page.locator('[data-testid="entity-line"]').innerText(), /./);
});

test('every mention exports as one row: article, entity, the words as written and where', async (t) => {
  const page = await openPage(browser, t);
  await openEntities(page, url);
  const [first] = worldMentioned(facts);
  await waitForBar(page, first.id, first.total);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-mentions"]')]);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\uFEFFdocument,entity,name_en,name_ar,type,surface,start,end,sentence\n'), csv.slice(0, 80));
  const rows = csv.trim().split('\n').slice(1);
  const expectedRows = Object.values(facts.entities.counts).reduce((sum, c) => sum + c.total, 0);
  assert.equal(rows.length, expectedRows);
  const perEntity = {};
  for (const row of rows) {
    const entity = row.split(',')[1];
    perEntity[entity] = (perEntity[entity] ?? 0) + 1;
  }
  for (const [id, n] of Object.entries(perEntity)) assert.equal(n, facts.entities.counts[id].total, id);
});

test('the world gazetteer works offline after a visit, and inside the single file', async (t) => {
  const page = await openPage(browser, t);
  const [first] = worldMentioned(facts);
  await openEntities(page, url);
  await waitForBar(page, first.id, first.total);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.context().setOffline(true);
  await openEntities(page, url);
  await waitForBar(page, first.id, first.total);
  await page.context().setOffline(false);

  const sample = expected();
  const [inSample] = worldMentioned(sample);
  assert.ok(inSample, 'the sample names something its list lacks and the world knows');
  const single = await openPage(browser, t, { serviceWorkers: 'block' });
  await openEntities(single, `file://${join(root, 'dist/siyaq.html')}`);
  await waitForBar(single, inSample.id, inSample.total);
});

// Two articles written for this test, imported into a collection: one names حزب العدالة والتنمية
// beside Turkey and Ankara (Turkey's AKP, by its context), the other names it alone (Turkey's or
// Morocco's: left uncounted, and listed with both candidates).
test('a spelling two entities share goes to the one the article places, or is listed uncounted', async (t) => {
  const page = await openPage(browser, t);
  await page.goto(baseUrl);
  await page.locator('[data-testid="doc-list"] button').first().waitFor();
  await page.locator('[data-testid="collections-panel"] > summary').click();
  await page.fill('[data-testid="new-collection-name"]', 'أحزاب');
  const file = (name, text) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });
  await page.locator('[data-testid="import-files"]').setInputFiles([
    file('ankara.txt', 'فوز في الانتخابات البلدية\n\nأعلن حزب العدالة والتنمية في أنقرة فوزه، وقال مسؤولون في تركيا إن النتائج نهائية.'),
    file('statement.txt', 'بيان حزبي\n\nأصدر حزب العدالة والتنمية بيانا اليوم حول الانتخابات المقبلة والتحالفات الممكنة.'),
  ]);
  await page.click('[data-testid="open-collection"]');
  await page.waitForURL(/collection=c-/);
  await page.locator('[data-testid="doc-list"] button[data-doc]').first().waitFor();
  await page.click('[data-view="entities"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="world-status"]')?.dataset.state === 'ready');
  await waitForBar(page, 'akp', 1);
  assert.equal(await page.locator('[data-testid="chart-svg"] .bar[data-entity="pjd-morocco"]').count(), 0);
  const uncounted = page.locator('[data-testid="uncounted-mention"]');
  assert.equal(await uncounted.count(), 1);
  assert.equal(await uncounted.getAttribute('data-doc'), 'statement');
  const text = await uncounted.evaluate((e) => e.textContent);
  assert.match(text, /حزب العدالة والتنمية/);
  assert.match(text, /التركي/);
  assert.match(text, /المغربي/);
});
