// The import worker on its own, as the page starts it: files in, progress, a pack and a report
// per file out, off the page's thread.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, gotoApp, launch, openPage, serveCopyOfDist } from './harness.mjs';

const ARTICLE = 'قمة إقليمية في الرياض تبحث أمن الملاحة\n\nاجتمع وزراء خارجية دول المنطقة في الرياض يوم الأحد لبحث أمن الملاحة في البحر الأحمر، وأكد البيان الختامي ضرورة التنسيق بين الدول المطلة عليه.';
const OTHER = 'انتخابات بلدية في تونس\n\nتوجه الناخبون في تونس إلى مراكز الاقتراع لاختيار أعضاء المجالس البلدية، في ثالث انتخابات محلية منذ تغيير الدستور.';

// Runs one import in a worker the page starts; resolves with every message it posted.
async function runImport(page, request) {
  return page.evaluate(async ({ request }) => {
    const worker = new Worker('./import-worker.js', { type: 'module' });
    const files = request.files.map(({ path, text, blob, zeros }) => ({
      path,
      data: zeros ? new Blob([new Uint8Array(zeros)]) : blob ? new Blob([new TextEncoder().encode(text)]) : text,
    }));
    const existing = request.existing ? new Uint8Array(request.existing) : undefined;
    const messages = await new Promise((resolve) => {
      const seen = [];
      worker.onmessage = ({ data }) => {
        seen.push(data);
        if (data.type === 'done' || data.type === 'failed') resolve(seen);
      };
      worker.onerror = (event) => resolve([...seen, { type: 'failed', message: `worker error: ${event.message}` }]);
      worker.postMessage({ name: request.name, files, existing, keepDuplicates: false });
    });
    worker.terminate();
    const last = messages.at(-1);
    if (last.type === 'done' && last.pack) {
      const text = new TextDecoder().decode(last.pack);
      last.pack = { header: JSON.parse(text.slice(0, text.indexOf('\n'))), bytes: Array.from(last.pack) };
    }
    return messages;
  }, { request });
}

test('the import worker builds a collection, leaves a repeated article out and adds to it later', async (t) => {
  const browser = await launch();
  t.after(() => browser.close());
  const page = await openPage(browser, t);
  await page.goto(baseUrl);

  const first = await runImport(page, {
    name: 'mine',
    files: [
      { path: 'riyadh.txt', text: ARTICLE, blob: true },
      { path: 'copy/riyadh.txt', text: ARTICLE.replaceAll(' ', '  '), blob: true },
      { path: 'notes.pdf', text: '%PDF', blob: true },
      { path: 'huge.txt', zeros: 51 * 1024 * 1024 },
    ],
  });
  const done = first.at(-1);
  assert.equal(done.type, 'done', JSON.stringify(done));
  const stages = new Set(first.filter((m) => m.type === 'progress').map((m) => m.stage));
  assert.deepEqual([...stages], ['reading', 'building']);
  assert.deepEqual(done.report.map((e) => [e.file, e.status]), [
    ['riyadh.txt', 'imported'],
    ['copy/riyadh.txt', 'duplicate'],
    ['notes.pdf', 'skipped'],
    ['huge.txt', 'skipped'],
  ]);
  assert.match(done.report[3].reason, /50 MB/);
  assert.equal(done.report[0].encoding, 'UTF-8');
  assert.equal(done.report[1].duplicateOf, done.report[0].title ?? 'riyadh.txt');
  assert.equal(done.articles, 1);
  assert.equal(done.pack.header.version, done.version);
  assert.ok(done.pack.header.entities.length > 0, 'a new collection starts with the sample entity list');

  const second = await runImport(page, {
    name: 'mine',
    existing: done.pack.bytes,
    files: [
      { path: 'riyadh.txt', text: OTHER, blob: false },
      { path: 'again.txt', text: ARTICLE, blob: true },
    ],
  });
  const added = second.at(-1);
  assert.equal(added.type, 'done', JSON.stringify(added));
  assert.deepEqual(added.report.map((e) => e.status), ['imported', 'duplicate']);
  assert.equal(added.articles, 2);
  const header = added.pack.header;
  assert.deepEqual(header.documents[0], done.pack.header.documents[0], 'the existing article is kept as it was');
  assert.equal(header.files[1].name, 'riyadh-2.txt');
});

test('the import worker says why it failed instead of throwing', async (t) => {
  const browser = await launch();
  t.after(() => browser.close());
  const page = await openPage(browser, t);
  await page.goto(baseUrl);
  const messages = await runImport(page, { name: 'x', existing: [1, 2, 3], files: [{ path: 'a.txt', text: ARTICLE }] });
  const last = messages.at(-1);
  assert.equal(last.type, 'failed');
  assert.match(last.message, /collection to add to/);
});

test('the import worker is not part of a first load, and works offline after one visit', async (t) => {
  const browser = await launch();
  t.after(() => browser.close());
  const { url } = await serveCopyOfDist(t);
  const page = await openPage(browser, t);
  const requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await gotoApp(page, url);
  const worker = (path) => path === '/import-worker.js' || path.startsWith('/pkg/import/');
  assert.ok(!requested.some(worker), `a first load fetches no part of the import worker: ${requested.join(' ')}`);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await page.context().setOffline(true);
  await page.reload();
  await page.locator('[data-testid="doc-list"] button').first().waitFor();
  const messages = await runImport(page, { name: 'offline', files: [{ path: 'riyadh.txt', text: ARTICLE }] });
  const done = messages.at(-1);
  assert.equal(done.type, 'done', JSON.stringify(done));
  assert.deepEqual(done.report.map((e) => e.status), ['imported']);
  assert.ok(done.pack.header.entities.length > 0, 'the sample entity list came from the cache');
});
