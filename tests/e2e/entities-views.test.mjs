// The entities view's other panels and the reworked suggestions: mentions per month match the
// engine's per-article counts summed over the articles' dates; a cell of entities together opens
// the lines where both occur, and the link keeps the panel; suggestions above a confidence are
// added in one click.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { articlesSite, baseUrl, expected, launch, openPage } from './harness.mjs';

const { url, facts } = articlesSite();

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function open(page, address) {
  await page.goto(address);
  await page.locator('[data-testid="doc-list"] button').first().waitFor();
}

test('over time: each month holds the mentions of the articles dated in it', async (t) => {
  const page = await openPage(browser, t);
  await open(page, new URL('?view=entities&panel=over-time', url).href);
  await page.locator('[data-testid="entities-over-time"]').waitFor();
  // The most mentioned entity is among the lines drawn; its points carry each month's count.
  const [top] = Object.entries(facts.entities.counts).sort((a, b) => b[1].total - a[1].total);
  const [id, counts] = top;
  const months = {};
  for (const doc of facts.documents) {
    if (!doc.date) continue;
    const month = doc.date.slice(0, 7);
    months[month] = (months[month] ?? 0) + counts.per_document[doc.id];
  }
  assert.ok(Object.keys(months).length >= 2, 'the test articles span several months');
  await page.waitForFunction((id) => document.querySelector(`[data-testid="over-time-svg"] .point[data-entity="${id}"]`), id);
  for (const [month, count] of Object.entries(months)) {
    const point = page.locator(`[data-testid="over-time-svg"] .point[data-entity="${id}"][data-period="${month}"]`);
    assert.equal(await point.getAttribute('data-count'), String(count), `${id} in ${month}`);
  }
  const rows = await page.locator('[data-testid="period-row"]').evaluateAll((els) => els.map((e) => e.dataset.period));
  assert.deepEqual(rows, [...rows].sort(), 'periods in order');
  for (const month of Object.keys(months)) assert.ok(rows.includes(month), month);

  // By week: the days of the dates place each article in its ISO week.
  await page.selectOption('[data-testid="granularity"]', 'week');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="period-row"]')].some((e) => e.dataset.period.includes('-W')));
  await page.waitForURL(/period=week/);
});

test('together: a cell opens the lines of one entity where the other is mentioned, and the link keeps it', async (t) => {
  const page = await openPage(browser, t);
  await open(page, new URL('?view=entities&panel=together', url).href);
  await page.locator('[data-testid="entities-together"]').waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="together-cell"]')].some((c) => c.dataset.a !== c.dataset.b && Number(c.dataset.count) > 0));
  const cell = await page.locator('[data-testid="together-cell"]').evaluateAll((cells) =>
    cells.map((c) => ({ a: c.dataset.a, b: c.dataset.b, count: Number(c.dataset.count) })).find((c) => c.a !== c.b && c.count > 0));
  // A pair is mentioned together no more often than either alone.
  for (const id of [cell.a, cell.b]) assert.ok(cell.count <= facts.entities.counts[id].total, id);
  await page.click(`[data-testid="together-cell"][data-a="${cell.a}"][data-b="${cell.b}"]`);
  await page.locator('[data-testid="pair-line"]').waitFor();
  const total = Number(await page.locator('[data-testid="hit-total"]').textContent());
  assert.ok(total >= cell.count && total <= facts.entities.counts[cell.a].total, `${total} lines for ${cell.count} sentences`);
  const address = page.url();
  const again = await openPage(browser, t);
  await open(again, address);
  await again.waitForFunction((n) => document.querySelector('[data-testid="hit-total"]')?.textContent === String(n), total);
});

test('suggestions above a confidence are added as entities in one click', async (t) => {
  const sample = expected();
  const page = await openPage(browser, t);
  await open(page, baseUrl);
  await page.click('[data-view="entities"]');
  await page.click('[data-testid="suggestions"] > summary');
  const button = page.locator('[data-testid="add-all-suggestions"]');
  await button.waitFor();
  await page.fill('[data-testid="suggestion-threshold"]', '60');
  await page.locator('[data-testid="suggestion-threshold"]').dispatchEvent('change');
  await page.waitForFunction(() => / 60/.test(document.querySelector('[data-testid="add-all-suggestions"]').textContent));
  const sure = Number((await button.textContent()).match(/\((\d+)\)/)[1]);
  assert.ok(sure > 0, 'the sample has suggestions at 60% or more');
  const shownSure = await page.locator('[data-testid="suggestion"]').evaluateAll((rows) => rows.filter((r) => Number(r.dataset.confidence) >= 60).map((r) => r.dataset.text));
  assert.ok(shownSure.length > 0 && shownSure.length <= sure);
  await button.click();
  await page.locator('[data-testid="editor"] > summary').click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="entity-list"] [data-entity]').length === n, Math.min(200, sample.entities.list.length + sure));
  for (const text of shownSure) {
    assert.equal(await page.locator(`[data-testid="suggestion"][data-text="${text}"]`).count(), 0, `${text} is in the list now`);
  }
});

test('a mention left out from its line counts no more, stays left out after a reload, and comes back', async (t) => {
  const sample = expected();
  const total = sample.entities.counts.putin.total;
  const page = await openPage(browser, t);
  await open(page, new URL(`?q=${encodeURIComponent('@putin')}`, baseUrl).href);
  const waitForTotal = (n) => page.waitForFunction((n) => document.querySelector('[data-testid="hit-total"]')?.textContent === String(n), n);
  await waitForTotal(total);
  const first = page.locator('[data-testid="kwic-row"]').first();
  const word = await first.getAttribute('data-word');
  await first.locator('[data-testid="exclude-mention"]').click();
  await waitForTotal(total - 1);
  assert.equal(await page.locator(`[data-testid="kwic-row"][data-word="${word}"]`).count(), 0);
  // The chart counts as the concordance does.
  await page.click('[data-view="entities"]');
  await page.waitForFunction((n) => document.querySelector('[data-testid="chart-svg"] .bar[data-entity="putin"][data-doc="all"]')?.dataset.count === String(n), total - 1);
  assert.equal(await page.locator('[data-testid="excluded-mention"]').count(), 1);
  await page.reload();
  await page.waitForFunction((n) => document.querySelector('[data-testid="chart-svg"] .bar[data-entity="putin"][data-doc="all"]')?.dataset.count === String(n), total - 1);
  await page.locator('[data-testid="excluded-mentions"] > summary').click();
  await page.click('[data-testid="restore-mention"]');
  await page.waitForFunction((n) => document.querySelector('[data-testid="chart-svg"] .bar[data-entity="putin"][data-doc="all"]')?.dataset.count === String(n), total);
  assert.equal(await page.locator('[data-testid="excluded-mention"]').count(), 0);
});
