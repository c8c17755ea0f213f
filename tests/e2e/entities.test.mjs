// The entities view in the browser: the chart's figures against the engine's own counts (computed
// natively by `cargo xtask test` into expected.json), click-through to the concordance, editing,
// saving across reloads, and a corrupt saved list.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, gotoApp, expected, root } from './harness.mjs';

let browser;
const facts = expected();
const entities = facts.entities;
const docIds = facts.documents.map((d) => d.id);
const STORAGE_KEY = 'siyaq.entities';

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function openEntities(page) {
  await page.click('[data-view="entities"]');
  await page.locator('[data-testid="chart-svg"]').waitFor();
}

async function showAll(page) {
  await page.fill('[data-testid="top"]', '200');
  await page.locator('[data-testid="top"]').dispatchEvent('change');
}

// Every bar on the chart: {entity: {doc: count, all: total}}.
async function chartCounts(page) {
  const bars = await page.locator('[data-testid="chart-svg"] .bar').evaluateAll((els) =>
    els.map((e) => [e.dataset.entity, e.dataset.doc, Number(e.dataset.count)]));
  const counts = {};
  for (const [entity, doc, count] of bars) {
    counts[entity] ??= {};
    counts[entity][doc] = count;
  }
  return counts;
}

function expectedRow(table, id) {
  const row = { ...table[id].per_document, all: table[id].total };
  return row;
}

async function barCount(page, entity, doc) {
  return Number(await page.locator(`[data-testid="chart-svg"] .bar[data-entity="${entity}"][data-doc="${doc}"]`).getAttribute('data-count'));
}

async function waitForBar(page, entity, doc, count) {
  await page.waitForFunction(([e, d, c]) =>
    document.querySelector(`[data-testid="chart-svg"] .bar[data-entity="${e}"][data-doc="${d}"]`)?.dataset.count === String(c),
  [entity, doc, count]);
}

test('the chart shows the counts the engine computes, for every entity mentioned', async (t) => {
  const page = await openPage(browser, t);
  await gotoApp(page);
  await openEntities(page);
  // The default chart: the 15 most mentioned, largest total first.
  const rows = await page.locator('[data-testid="chart-svg"] .chart-row').evaluateAll((els) => els.map((e) => e.dataset.entity));
  assert.equal(rows.length, 15);
  const totals = rows.map((id) => entities.counts[id].total);
  assert.deepEqual(totals, [...totals].sort((a, b) => b - a), 'sorted by total');
  assert.equal(rows[0], 'kazakhstan');
  await page.locator('.bar[data-entity="putin"][data-doc="russian-troops-kazakhstan"]').hover();
  await page.screenshot({ path: join(root, 'docs/screenshot-entities-ar.png') });

  await showAll(page);
  const mentioned = Object.keys(entities.counts).filter((id) => entities.counts[id].total > 0);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="chart-svg"] .chart-row').length === n, mentioned.length);
  const counts = await chartCounts(page);
  assert.deepEqual(Object.keys(counts).sort(), mentioned.sort());
  for (const id of mentioned) {
    assert.deepEqual(counts[id], expectedRow(entities.counts, id), id);
  }
  // Hand-checked figures, as pinned in the engine's tests.
  assert.equal(counts.putin['wapo-putin-kazakhstan'], 12);
  assert.equal(counts.csto['peacekeepers-should-stay'], 5);
  assert.equal(counts.kazakhstan.all, 65);

  // Hovering a bar gives its exact figures.
  await page.locator('.bar[data-entity="putin"][data-doc="wapo-putin-kazakhstan"]').hover();
  const detail = await page.locator('[data-testid="chart-detail"]').textContent();
  const words = facts.documents[0].words;
  assert.ok(detail.includes('فلاديمير بوتين') && detail.includes('12 إشارة'), detail);
  assert.ok(detail.includes((12 * 1000 / words).toFixed(1)), detail);

  // The accessible table holds the same figures.
  const tableRow = await page.locator('[data-testid="chart-table"] tr[data-entity="putin"] .cell-link').allTextContents();
  assert.deepEqual(tableRow.map(Number), [...docIds.map((d) => entities.counts.putin.per_document[d]), entities.counts.putin.total]);
});

test('per 1,000 words, type filter, sort by an article, English names', async (t) => {
  const page = await openPage(browser, t);
  await gotoApp(page);
  await openEntities(page);
  await page.selectOption('[data-testid="measure"]', 'per1000');
  const cell = page.locator('[data-testid="chart-table"] tr[data-entity="kazakhstan"] .cell-link').first();
  const rate = (entities.counts.kazakhstan.per_document[docIds[0]] * 1000 / facts.documents[0].words).toFixed(1);
  await page.waitForFunction((r) => document.querySelector('[data-testid="chart-table"] tr[data-entity="kazakhstan"] .cell-link')?.textContent === r, rate);
  assert.equal(await cell.textContent(), rate);

  await page.selectOption('[data-testid="measure"]', 'count');
  await page.uncheck('[data-testid="kinds"] input[data-kind="place"]');
  const types = new Map(entities.list.map((e) => [e.id, e.type]));
  await page.waitForFunction(() => !document.querySelector('[data-testid="chart-svg"] .chart-row[data-entity="kazakhstan"]'));
  const shown = await page.locator('[data-testid="chart-svg"] .chart-row').evaluateAll((els) => els.map((e) => e.dataset.entity));
  assert.ok(shown.length > 0 && shown.every((id) => types.get(id) !== 'place'), shown.join());

  // Sorted by the third article: its largest counts first.
  await page.check('[data-testid="kinds"] input[data-kind="place"]');
  await page.selectOption('[data-testid="chart-order"]', '2');
  await page.waitForFunction(() => document.querySelector('[data-testid="chart-svg"] .chart-row')?.dataset.entity !== 'kazakhstan');
  const third = await page.locator('[data-testid="chart-svg"] .chart-row').evaluateAll((els) => els.map((e) => e.dataset.entity));
  const values = third.map((id) => entities.counts[id].per_document[docIds[2]]);
  assert.deepEqual(values, [...values].sort((a, b) => b - a));
  assert.equal(values[0], Math.max(...Object.values(entities.counts).map((c) => c.per_document[docIds[2]])));

  await page.click('[data-testid="lang-switch"]');
  const names = await page.locator('[data-testid="chart-table"] tbody th').allTextContents();
  const english = new Map(entities.list.map((e) => [e.id, e.name_en]));
  assert.equal(names[0], english.get(third[0]));
  assert.ok(names.includes('Vladimir Putin'), names.join());
  await page.screenshot({ path: join(root, 'docs/screenshot-entities-en.png') });
});

test('clicking a bar opens a concordance with as many lines as the bar', async (t) => {
  const page = await openPage(browser, t);
  await gotoApp(page);
  for (const [entity, doc] of [['putin', 'wapo-putin-kazakhstan'], ['csto', 'peacekeepers-should-stay'], ['kazakhstan', 'peacekeepers-should-stay'], ['nato', 'ukraine-war-first-year']]) {
    await openEntities(page);
    const count = await barCount(page, entity, doc);
    assert.equal(count, entities.counts[entity].per_document[doc], `${entity} in ${doc}`);
    await page.locator(`[data-testid="chart-svg"] .bar[data-entity="${entity}"][data-doc="${doc}"]`).click();
    await page.locator('[data-testid="concordance"]').waitFor({ state: 'visible' });
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="kwic-row"]').length === n, count)
      .catch(async (e) => { throw new Error(`${entity} in ${doc}: ${count} expected, ${await page.locator('[data-testid="kwic-row"]').count()} lines, ${page.url()}: ${e.message}`); });
    const lineDocs = await page.locator('[data-testid="kwic-row"]').evaluateAll((els) => els.map((e) => e.dataset.doc));
    assert.ok(lineDocs.every((d) => d === doc), `${entity}: lines only from ${doc}`);
    assert.equal(await page.locator('#search-box').inputValue(), `@${entity}`);
    assert.equal(Number(await page.locator('[data-testid="hit-total"]').textContent()), entities.counts[entity].total);
  }
  // The total bar opens every article.
  await openEntities(page);
  await page.locator('[data-testid="chart-svg"] .bar[data-entity="biden"][data-doc="all"]').click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="kwic-row"]').length === n, entities.counts.biden.total);
  // An id that names no entity is reported, not searched as text.
  await page.fill('#search-box', '@nobody');
  await page.locator('[data-testid="query-error"]').filter({ hasText: '@nobody' }).waitFor();
});

test('an added alias updates the chart and survives a reload', async (t) => {
  const page = await openPage(browser, t);
  await gotoApp(page);
  await openEntities(page);
  const { entity, alias, counts } = entities.added_alias;
  assert.notEqual(counts[entity].total, entities.counts[entity].total, 'the alias adds mentions');
  await page.click('[data-testid="editor"] > summary');
  await page.click(`[data-testid="entity-list"] [data-entity="${entity}"]`);
  await page.fill('[data-testid="new-alias"]', alias);
  await page.click('[data-testid="add-alias"]');
  await waitForBar(page, entity, 'all', counts[entity].total);
  for (const doc of docIds) assert.equal(await barCount(page, entity, doc), counts[entity].per_document[doc], doc);
  const aliases = await page.locator('[data-testid="aliases"] [data-alias]').evaluateAll((els) => els.map((e) => e.dataset.alias));
  assert.ok(aliases.includes(alias));

  // A spelling that already names another entity is refused with the reason, and nothing changes.
  await page.fill('[data-testid="new-alias"]', 'الكرملين');
  await page.click('[data-testid="add-alias"]');
  await page.locator('[data-testid="entity-notice"]').filter({ hasText: 'kremlin' }).waitFor();

  await page.reload();
  await page.locator('[data-testid="doc-list"] button').first().waitFor();
  await openEntities(page);
  await waitForBar(page, entity, 'all', counts[entity].total);
  const saved = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY));
  assert.equal(saved.format, 1);
  assert.ok(saved.entities.find((e) => e.id === entity).aliases.includes(alias));
  // The concordance of the bar follows the edited list.
  await page.locator(`[data-testid="chart-svg"] .bar[data-entity="${entity}"][data-doc="all"]`).click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="kwic-row"]').length === n, counts[entity].total);
});

test('merge, delete, add, demonyms, export and import, reset', async (t) => {
  const page = await openPage(browser, t);
  page.on('dialog', (dialog) => dialog.accept());
  await gotoApp(page);
  await openEntities(page);
  await showAll(page);
  await page.click('[data-testid="editor"] > summary');

  const { from, into, counts } = entities.merge;
  await page.click(`[data-testid="entity-list"] [data-entity="${from}"]`);
  await page.selectOption('[data-testid="merge-into"]', into);
  await page.click('[data-testid="merge"]');
  await waitForBar(page, into, 'all', counts[into].total);
  assert.equal(await page.locator(`[data-testid="chart-svg"] .bar[data-entity="${from}"]`).count(), 0);

  await page.click('[data-testid="entity-list"] [data-entity="biden"]');
  await page.click('[data-testid="delete-entity"]');
  await page.waitForFunction(() => !document.querySelector('[data-testid="chart-svg"] .chart-row[data-entity="biden"]'));

  // A new entity from a suggestion: found by repetition, five times.
  await page.click('[data-testid="suggestions"] > summary');
  const suggestion = page.locator('[data-testid="suggestion"][data-text="قوات حفظ السلام"]');
  await suggestion.waitFor();
  assert.equal(await suggestion.getAttribute('data-count'), '5');
  await suggestion.locator('[data-testid="add-suggestion"]').click();
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="chart-svg"] .bar[data-doc="all"]')]
    .some((b) => b.parentElement.textContent.includes('قوات حفظ السلام') && b.dataset.count === '5'));
  await page.locator('[data-testid="suggestion"][data-text="قوات حفظ السلام"]').waitFor({ state: 'detached' });

  // Demonyms counted on request.
  const withDemonyms = entities.counts_with_demonyms.russia.total;
  assert.ok(withDemonyms > entities.counts.russia.total);
  await page.check('[data-testid="demonyms"]');
  await waitForBar(page, 'russia', 'all', withDemonyms);
  await page.uncheck('[data-testid="demonyms"]');

  // Export, reset, import: the edits come back from the file.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-list"]')]);
  const exported = readFileSync(await download.path(), 'utf8');
  const list = JSON.parse(exported);
  assert.equal(list.entities.length, entities.list.length - 2 + 1);
  await page.click('[data-testid="reset-list"]');
  await waitForBar(page, 'biden', 'all', entities.counts.biden.total);
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY), null);
  await page.setInputFiles('[data-testid="import-list"]', { name: 'list.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await page.locator('[data-testid="entity-notice"]').filter({ hasText: String(list.entities.length) }).waitFor();
  await waitForBar(page, into, 'all', counts[into].total);
  assert.equal(await page.locator('[data-testid="chart-svg"] .chart-row[data-entity="biden"]').count(), 0);

  // A file that is not a list is refused and changes nothing.
  await page.setInputFiles('[data-testid="import-list"]', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format": 1, "entities": 3}') });
  await page.locator('[data-testid="entity-notice"].problem').waitFor();
  await waitForBar(page, into, 'all', counts[into].total);
});

test('a corrupt or old-format saved list is reported and the bundled list is used', async (t) => {
  for (const saved of ['{"format": 1, "entities": [', '{"format": 0, "entities": []}', 'null']) {
    const page = await openPage(browser, t);
    await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, saved]);
    await gotoApp(page);
    const notice = page.locator('[data-testid="entity-notice"].problem');
    await notice.waitFor();
    assert.match(await notice.textContent(), /المحفوظة/);
    await openEntities(page);
    assert.equal(await barCount(page, 'putin', 'all'), entities.counts.putin.total);
    // The saved text is left as it was until the user edits.
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY), saved);
  }
});

test('the chart exports as CSV, SVG and PNG', async (t) => {
  const page = await openPage(browser, t);
  await gotoApp(page);
  await openEntities(page);
  const save = async (testid) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${testid}"]`)]);
    return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
  };
  const csv = await save('export-entities-csv');
  const lines = csv.bytes.toString('utf8').replace(/^\uFEFF/, '').trim().split('\n');
  assert.equal(lines[0], ['entity', 'name_ar', 'name_en', 'type', 'measure', ...docIds, 'total'].join(','));
  assert.equal(lines.length, 16);
  const putin = lines.find((l) => l.startsWith('putin,')).split(',');
  assert.deepEqual(putin.slice(5).map(Number), [...docIds.map((d) => entities.counts.putin.per_document[d]), entities.counts.putin.total]);

  const svg = await save('export-svg');
  const markup = svg.bytes.toString('utf8');
  assert.ok(markup.startsWith('<svg') && markup.includes('xmlns="http://www.w3.org/2000/svg"'), markup.slice(0, 80));
  assert.ok(markup.includes('كازاخستان') && markup.includes('data-count="65"'));

  const png = await save('export-png');
  assert.equal(png.name, 'siyaq-entities.png');
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = png.bytes.readUInt32BE(16);
  assert.ok(width > 1000, `PNG width ${width}`);
});
