// The user's collections of articles, kept in this browser (IndexedDB) and never sent anywhere.
// A collection is a corpus pack (the same format as the site's own corpus.pack, kept inflated:
// compressing takes as long as the import itself, and storage has room) with a name; the page
// opens one with `?collection=ID`, and boot.js hands its pack to the wasm exactly as it hands over
// the site's. Imports run in a worker (import-worker.js): decoding and reading thousands of files
// must not hold up the page.
//
// Two stores: `collections` holds what the list shows (small), `packs` the packs themselves, so
// that listing never reads megabytes. Both are written in one transaction: an import that fails,
// or storage that runs out, leaves every collection as it was.

const DATABASE = 'siyaq-collections';
const LISTED = 'collections';
const PACKS = 'packs';

let opened = null;
function database() {
  opened ??= new Promise((resolve, reject) => {
    if (!('indexedDB' in globalThis)) {
      reject(named('SiyaqStorageUnavailable', 'this browser offers no IndexedDB'));
      return;
    }
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(LISTED, { keyPath: 'id' });
      request.result.createObjectStore(PACKS, { keyPath: 'id' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(named('SiyaqStorageUnavailable', String(request.error?.message ?? request.error)));
    request.onblocked = () => reject(named('SiyaqStorageUnavailable', 'another tab holds an older version of the store open'));
  });
  opened.catch(() => { opened = null; });
  return opened;
}

function named(name, message) {
  const error = new Error(message);
  error.name = name;
  return error;
}

// A storage error as the page reports it: running out of room is told apart from the rest.
function storageError(error) {
  if (error?.name === 'QuotaExceededError') return named('SiyaqStorageFull', String(error.message ?? error));
  if (error?.name?.startsWith?.('Siyaq')) return error;
  return named('SiyaqStorageUnavailable', String(error?.message ?? error));
}

function done(transaction) {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(storageError(transaction.error));
    transaction.onerror = () => reject(storageError(transaction.error));
  });
}

function value(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(storageError(request.error));
  });
}

// Every collection, oldest first: { id, name, articles, bytes, version, created, updated }.
export async function list() {
  const db = await database();
  const all = await value(db.transaction(LISTED).objectStore(LISTED).getAll());
  return all.sort((a, b) => a.created - b.created);
}

export async function find(id) {
  const db = await database();
  return (await value(db.transaction(LISTED).objectStore(LISTED).get(id))) ?? null;
}

// The collection's pack, inflated; a collection this browser does not hold is an error named
// `SiyaqCollectionMissing`.
export async function packBytes(id) {
  const db = await database();
  const stored = await value(db.transaction(PACKS).objectStore(PACKS).get(id));
  if (!stored) throw named('SiyaqCollectionMissing', id);
  return inflate(stored.pack);
}

// The pack a link asks for: the collection `id`, or else one kept here with the link's version
// `version` (the same articles, imported from a collection file under another id). Resolves to
// { id, bytes } (inflated); rejects with `SiyaqCollectionMissing` when neither is here.
export async function packFor(id, version) {
  try {
    return { id, bytes: await packBytes(id) };
  } catch (error) {
    if (error?.name !== 'SiyaqCollectionMissing' || !version) throw error;
    const same = (await list()).find((c) => c.version === version);
    if (!same) throw error;
    return { id: same.id, bytes: await packBytes(same.id) };
  }
}

// The collection's pack, gzip-compressed: what "Export collection" saves.
export async function packFile(id) {
  const db = await database();
  const stored = await value(db.transaction(PACKS).objectStore(PACKS).get(id));
  if (!stored) throw named('SiyaqCollectionMissing', id);
  const gzip = stored.pack[0] === 0x1f && stored.pack[1] === 0x8b;
  return gzip ? stored.pack : compress(stored.pack);
}

async function inflate(bytes) {
  const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  if (!gzip) return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export async function rename(id, name) {
  const db = await database();
  const transaction = db.transaction(LISTED, 'readwrite');
  const store = transaction.objectStore(LISTED);
  const entry = await value(store.get(id));
  if (entry) store.put({ ...entry, name, updated: Date.now() });
  await done(transaction);
}

export async function remove(id) {
  const db = await database();
  const transaction = db.transaction([LISTED, PACKS], 'readwrite');
  transaction.objectStore(LISTED).delete(id);
  transaction.objectStore(PACKS).delete(id);
  await done(transaction);
}

function newId() {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return `c-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

// Imports `files` ([{ path, data: File | string }]) into the collection `id` (a new one named `name`
// when `id` is null) in a worker, which also keeps the result: a collection's megabytes never
// pass through the page's thread. `onProgress` hears the worker's progress messages; `signal`
// cancels (the worker is stopped, nothing is written). Resolves to { id, name, articles, report };
// when no file gives an article, nothing is written and `id` is null.
export async function importFiles({ id, name, files, keepDuplicates, onProgress, onIndexed, signal }) {
  const existing = id ? await find(id) : null;
  if (id && !existing) throw named('SiyaqCollectionMissing', id);
  const target = existing?.id ?? newId();
  const message = {
    name: existing?.name ?? name,
    files: inOrder(files),
    keepDuplicates: Boolean(keepDuplicates),
    withIndex: Boolean(onIndexed),
    existingId: existing?.id ?? null,
    keepAs: { id: target, existing },
  };
  const result = await inWorker(message, onProgress, signal, onIndexed);
  const report = typeof result.report === 'string' ? JSON.parse(result.report) : (result.report ?? []);
  if (!result.kept) return { id: null, name: message.name, articles: 0, report };
  requestPersistence();
  return { id: target, name: result.name, articles: result.articles, report };
}

// The files by their paths within what was picked or dropped (a folder's own name left out, as
// a folder built with `--corpus` names its files), in the order a build walks a folder: one
// folder level at a time, by name. The same files give the same articles and ids either way.
function inOrder(files) {
  const split = files.map((file) => ({ ...file, parts: String(file.path).split('/').filter(Boolean) }));
  const top = split[0]?.parts[0];
  const oneFolder = split.length > 0 && split.every((f) => f.parts.length > 1 && f.parts[0] === top);
  const named = split.map((f) => ({ ...f, parts: oneFolder ? f.parts.slice(1) : f.parts }));
  named.sort((a, b) => {
    for (let i = 0; i < Math.min(a.parts.length, b.parts.length); i += 1) {
      if (a.parts[i] !== b.parts[i]) return a.parts[i] < b.parts[i] ? -1 : 1;
    }
    return a.parts.length - b.parts.length;
  });
  return named.map(({ parts, data }) => ({ path: parts.join('/'), data }));
}

// Reads a collection file (`.siyaq`: a pack, gzip-compressed) into a new collection, once the
// worker has checked it as the page will read it (and kept it): a file of another format, or
// damaged, is refused with the reason (`SiyaqNotACollection`) and nothing is kept.
export async function importCollection(file, fallbackName) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const id = newId();
  let checked;
  try {
    checked = await inWorker({ op: 'check', pack: bytes, keepAs: { id, existing: null, name: fallbackName } }, null, null);
  } catch (error) {
    throw error?.name === 'SiyaqImportFailed' ? named('SiyaqNotACollection', error.message) : error;
  }
  requestPersistence();
  return { id, name: checked.name, articles: checked.articles };
}

// Makes the user's corrections to collection `id` ({ remove: [article id], change: [{ id, title?,
// date?, source? }] }) in the worker, which keeps the result; refused corrections
// (`SiyaqEditRefused`, with the reason) change nothing.
export async function editCollection(id, edits) {
  const existing = await find(id);
  if (!existing) throw named('SiyaqCollectionMissing', id);
  let result;
  try {
    result = await inWorker({ op: 'edit', existingId: id, edits, keepAs: { id, existing } }, null, null);
  } catch (error) {
    throw error?.name === 'SiyaqImportFailed' ? named('SiyaqEditRefused', error.message) : error;
  }
  return { id, articles: result.articles };
}

async function compress(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// Keeps `result` ({ pack, version, name, articles }) as collection `id` (`existing`: its record,
// when it is kept already, whose name and creation stay). Called by the worker that made it.
export async function keepCollection(id, result, existing) {
  const db = await database();
  const now = Date.now();
  const transaction = db.transaction([LISTED, PACKS], 'readwrite');
  const finished = done(transaction);
  try {
    transaction.objectStore(PACKS).put({ id, pack: result.pack });
    transaction.objectStore(LISTED).put({
      id,
      name: existing?.name ?? result.name,
      articles: result.articles,
      bytes: result.pack.length,
      version: result.version,
      created: existing?.created ?? now,
      updated: now,
    });
  } catch (error) {
    // A write refused at once (a full disk, a value the store cannot hold): nothing of it stays.
    transaction.abort();
    finished.catch(() => {});
    throw storageError(error);
  }
  await finished;
}

// The index the last import's worker is building, until it is kept (or given up): opening the
// collection waits for it rather than build it again on the page's thread.
let indexPending = null;
let indexSettled = () => {};
const MOST_INDEX_WAIT_MS = 15_000;

// Resolves once the last import's index is kept, or could not be, or after MOST_INDEX_WAIT_MS.
export function indexKept() {
  if (!indexPending) return Promise.resolve();
  return Promise.race([indexPending, new Promise((resolve) => { setTimeout(resolve, MOST_INDEX_WAIT_MS); })]);
}

// A worker started ahead of the next import (see `warm`), taken by the next job.
let spare = null;
const newWorker = () => new Worker(new URL('./import-worker.js', import.meta.url), { type: 'module' });

// Starts a worker and has it compile its wasm and fetch what a new collection starts with, so that
// the next import, check or correction starts at once. The page calls it when the panel opens.
export function warm() {
  if (spare) return;
  spare = newWorker();
  spare.postMessage({ op: 'warm' });
}

// Runs `message` in a new worker (or the one `warm` started). When its answer says an index follows and `onIndexed` is given,
// the worker is kept until the index comes (handed to `onIndexed`, with the pack's version) or
// fails; the answer does not wait for it.
function inWorker(message, onProgress, signal, onIndexed) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(named('AbortError', 'cancelled'));
      return;
    }
    const worker = spare ?? newWorker();
    spare = null;
    const stop = () => {
      worker.terminate();
      reject(named('AbortError', 'cancelled'));
    };
    signal?.addEventListener('abort', stop, { once: true });
    const finish = () => {
      signal?.removeEventListener('abort', stop);
      worker.terminate();
    };
    worker.onmessage = ({ data }) => {
      if (data?.type === 'progress') {
        onProgress?.(data);
      } else if (data?.type === 'done' || data?.type === 'checked') {
        if (data.indexing && onIndexed) {
          signal?.removeEventListener('abort', stop);
          indexPending = new Promise((resolve) => { indexSettled = resolve; });
        } else {
          finish();
        }
        resolve(data);
      } else if (data?.type === 'indexed') {
        worker.terminate();
        Promise.resolve(onIndexed?.(data.version, data.index)).catch(() => {}).finally(indexSettled);
      } else if (data?.type === 'unindexed') {
        worker.terminate();
        indexSettled();
      } else if (data?.type === 'failed') {
        finish();
        reject(named(data.name?.startsWith?.('Siyaq') ? data.name : 'SiyaqImportFailed', String(data.message)));
      }
    };
    worker.onerror = (event) => {
      finish();
      reject(named('SiyaqImportFailed', String(event.message || 'the import worker could not start')));
    };
    worker.postMessage(message);
  });
}

// Asked once something is kept: a browser may otherwise clear the collections when space runs low.
let persistenceAsked = false;
function requestPersistence() {
  if (persistenceAsked || !navigator.storage?.persist) return;
  persistenceAsked = true;
  navigator.storage.persist().catch(() => {});
}

// { usage, quota, persisted } in bytes, as far as the browser tells.
export async function space() {
  const estimate = (await navigator.storage?.estimate?.()) ?? {};
  const persisted = (await navigator.storage?.persisted?.()) ?? false;
  return { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0, persisted };
}

// The files a drop carried, folders walked: [{ path, data: File }]. `taken` holds the drop's entries
// and files, taken while its event ran (they cannot be read after it).
export async function droppedFiles(taken) {
  const entries = [...(taken?.entries ?? [])];
  if (entries.length === 0) return pickedFiles(taken?.files);
  const out = [];
  for (const entry of entries) await walk(entry, '', out);
  return out;
}

async function walk(entry, prefix, out) {
  if (entry.isFile) {
    const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
    out.push({ path: prefix + entry.name, data: file });
  } else if (entry.isDirectory) {
    const reader = entry.createReader();
    // A directory reader hands out its entries in batches until an empty one.
    for (;;) {
      const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) break;
      for (const child of batch) await walk(child, `${prefix}${entry.name}/`, out);
    }
  }
}

// The files of a file input, with the folder path a folder picker gives.
export function pickedFiles(fileList) {
  return [...(fileList ?? [])].map((file) => ({ path: file.webkitRelativePath || file.name, data: file }));
}

// Says in the start-up notice why a link's collection cannot open: this browser does not hold it
// (with the name and article count the link carries, a way to import the collection file and open
// the link on it, and the way back to the site's articles), or keeps nothing at all.
export function explainUnopened(note, error) {
  const parameters = new URLSearchParams(location.search);
  const name = parameters.get('cname') ?? parameters.get('collection') ?? '';
  const count = parameters.get('ccount') ?? '?';
  const line = (text) => {
    const p = document.createElement('p');
    p.textContent = text;
    note.append(p);
    return p;
  };
  note.replaceChildren();
  if (error?.name === 'SiyaqCollectionMissing') {
    line(`يفتح هذا الرابط مجموعة المقالات «${name}» (${count} مقالًا)، وهي محفوظة في متصفح آخر لا في هذا المتصفح. اطلب من صاحبها ملف المجموعة (‎.siyaq‎) واستورده هنا، أو افتح مقالات الموقع.`);
    line(`This link opens the collection «${name}» (${count} articles), kept in another browser: this browser does not hold it. Ask its owner for the collection file (.siyaq) and import it here, or open the site's articles.`);
    const label = document.createElement('label');
    label.textContent = 'استورد ملف المجموعة · Import the collection file: ';
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.siyaq';
    input.dataset.testid = 'import-collection';
    label.append(input);
    note.append(label);
    input.addEventListener('change', async () => {
      const file = input.files?.[0];
      if (!file) return;
      try {
        const { id } = await importCollection(file, file.name.replace(/\.siyaq$/, ''));
        parameters.set('collection', id);
        location.assign(`${location.pathname}?${parameters}`);
      } catch (problem) {
        const said = line(`تعذّر استيراد الملف: ليس ملف مجموعة من سياق أو أنه تالف. The file could not be imported: it is not a siyaq collection file, or it is damaged (${problem?.message ?? problem}).`);
        said.dataset.testid = 'collections-problem';
      }
    });
  } else {
    line('لا يتيح هذا المتصفح لسياق حفظ شيء (ربما هو في التصفح الخاص)، فلا يمكن فتح مجموعات المقالات المحفوظة.');
    line(`This browser lets siyaq keep nothing (${error?.message ?? error}; private browsing?), so kept collections cannot be opened.`);
  }
  const back = document.createElement('a');
  back.href = location.pathname;
  back.dataset.testid = 'open-site-corpus';
  back.textContent = 'افتح مقالات الموقع · Open the site\'s articles';
  note.append(back);
  note.hidden = false;
}
