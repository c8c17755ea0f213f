// The import worker: builds a collection from the user's own article files off the page's
// thread, so that reading and checking many megabytes never freezes the page. The page cancels
// an import by terminating the worker.
//
// Asked with { name, files: [{ path, data }], existing?, existingId?, keepDuplicates?, withIndex?,
// keepAs? }, where `data` is a File or Blob, a string of pasted text, or a Uint8Array; the
// collection to add to is `existing` (its pack, gzip or inflated) or the kept collection
// `existingId`; with `keepAs` ({ id, existing }) the worker keeps the result in the browser's
// store itself and posts no pack. Answers with any number of
//   { type: 'progress', stage: 'reading' | 'building' | 'keeping', files, filesTotal, bytes, bytesTotal }
// then one of
//   { type: 'done', pack, kept?, version, name, articles, added, report }
//   { type: 'failed', message, name? }
// and, when asked `withIndex` and a pack was made, then
//   { type: 'indexed', version, index }
// `index` the collection's index as the page keeps it (its buffer transferred).
// `pack` is the pack, not compressed (its buffer transferred), or null with `version` null when
// no new article could be used; `articles` counts the collection's articles, `added` those this
// import added; `report` has one { file, status: 'imported' | 'skipped' | 'duplicate', reason?,
// encoding?, title?, date?, articles?, duplicateOf? } per file, in the order given.

import { keepCollection, packBytes } from './collections.js';

// A file larger than this is not read: the build holds a few copies of every text at once.
const MAX_FILE_BYTES = 50 * 1024 * 1024;
// Files past this total are not read: the wasm's memory cannot grow past 4 GB, and a build
// needs several times what it reads.
const MAX_TOTAL_BYTES = 400 * 1024 * 1024;
// The site's own collection, whose entity list a new collection starts with.
const SAMPLE_PACK = new URL('./corpus.pack', import.meta.url);
const GLUE = './pkg/import/siyaq_import.js';
const PROGRESS_MS = 50;

let ready = null;

self.onmessage = (event) => {
  const request = event.data ?? {};
  if (request.op === 'warm') {
    warm();
    return;
  }
  const work = request.op === 'edit' ? editCollection(request) : request.op === 'check' ? checkCollection(request) : importFiles(request);
  work.catch((error) => {
    // A named error of the store (storage full, say) keeps its name for the page.
    const name = typeof error?.name === 'string' && error.name.startsWith('Siyaq') ? error.name : undefined;
    self.postMessage({ type: 'failed', message: describe(error), name });
  });
};

// { op: 'warm' }: the page expects an import soon (its panel is open): the wasm is compiled and
// the sample's entity list fetched now, so that the import itself starts at once.
let sample = null;
function warm() {
  ready ??= loadWasm();
  sample ??= samplePack();
  ready.catch(() => { ready = null; });
}

// Where the answer's pack goes. With `keepAs` ({ id, existing, name? }), the worker keeps the
// collection itself (collections.js, the same store the page reads): its megabytes never cross
// to the page's thread, where copying them into storage would hold the page up. Without it, the
// pack is posted. Answers the message to post and what to transfer.
async function answer(message, pack, keepAs) {
  if (!keepAs) return [{ ...message, pack }, pack ? [pack.buffer] : []];
  if (!pack) return [{ ...message, pack: null, kept: false }, []];
  progress('keeping', 1, 1, 1, 1);
  const name = message.name || keepAs.name || '';
  await keepCollection(keepAs.id, { pack, version: message.version, name, articles: message.articles }, keepAs.existing);
  return [{ ...message, name, pack: null, kept: true }, []];
}

// The collection to add to or edit: posted by the page (`existing`, gzip or inflated), or read
// here from the store by its id (`existingId`).
async function existingPack(existing, existingId) {
  if (existingId) return packBytes(existingId);
  return existing ? inflated(toBytes(existing)) : null;
}

// { op: 'edit', existing, edits }: the user's corrections ({ remove: [id], change: [{ id, title?,
// date?, source? }] }) made to the collection `existing`; answers { type: 'done', pack, version,
// name, articles, report: [] } or { type: 'failed', message } saying why they cannot be made.
async function editCollection({ existing, existingId, edits, keepAs }) {
  ready ??= loadWasm();
  const { edit_collection } = await ready;
  const built = edit_collection(await existingPack(existing, existingId), JSON.stringify(edits ?? {}));
  const done = { type: 'done', version: built.version, name: built.name, articles: built.articles, report: [] };
  self.postMessage(...(await answer(done, built.pack, keepAs)));
}

// { op: 'check', pack }: a collection file's bytes (gzip or not), checked as the page will read
// them; answers { type: 'checked', pack (inflated), name, articles, version } or { type: 'failed',
// message } saying what is wrong with it.
async function checkCollection({ pack, keepAs }) {
  ready ??= loadWasm();
  const { check_collection } = await ready;
  let bytes;
  try {
    bytes = await inflated(toBytes(pack));
  } catch (error) {
    throw new Error(`not a siyaq collection file: it does not inflate (${describe(error)})`);
  }
  const checked = check_collection(bytes);
  const done = { type: 'checked', name: checked.name, articles: checked.articles, version: checked.version };
  self.postMessage(...(await answer(done, bytes, keepAs)));
}

async function importFiles({ name = '', files = [], existing = null, existingId = null, keepDuplicates = false, withIndex = false, keepAs = null }) {
  if (!Array.isArray(files)) throw new Error('no files were given');
  lastProgress = { stage: null, at: 0 };
  ready ??= loadWasm();
  // The sample is only needed for a new collection; fetched while the files are read.
  const fallbackPack = existing || existingId ? Promise.resolve(null) : (sample ??= samplePack());
  const { paths, contents } = await readAll(files);
  const { build_collection } = await ready;
  const fallback = await fallbackPack;
  const added = await existingPack(existing, existingId);
  const built = build_collection(
    String(name),
    paths,
    contents,
    added ?? undefined,
    fallback ?? undefined,
    Boolean(keepDuplicates),
    (done, total, bytes, bytesTotal) => progress('building', done, total, bytes, bytesTotal),
  );
  // Not compressed: gzip in the browser takes as long as the whole build (1.4 s for 20 MB), and
  // the browser's storage has room; a collection file is compressed when it is exported.
  const pack = built.pack ?? null;
  const { version, articles, report } = built;
  // The index is built after the answer, from a copy (the pack's own buffer goes to the page), so
  // that the report shows at once; the page keeps it when it comes, or builds its own.
  const forIndex = pack && withIndex ? pack.slice() : null;
  const done = { type: 'done', version, name: built.name, articles, added: built.added, report, indexing: Boolean(forIndex) };
  self.postMessage(...(await answer(done, pack, keepAs)));
  if (forIndex) {
    const { index_collection } = await ready;
    let index;
    try {
      index = index_collection(forIndex);
    } catch (error) {
      self.postMessage({ type: 'unindexed', message: describe(error) });
      return;
    }
    self.postMessage({ type: 'indexed', version, index }, [index.buffer]);
  }
}

async function loadWasm() {
  const glue = await import(GLUE);
  await glue.default();
  return glue;
}

// Each file's bytes (a pasted text's as UTF-8), or an Error saying why the file was not read
// (the wasm reports it as skipped with that reason).
async function readAll(files) {
  const paths = files.map((file, i) => String(file?.path ?? `file-${i + 1}`));
  const encoder = new TextEncoder();
  const data = files.map((file) => (typeof file?.data === 'string' ? encoder.encode(file.data) : file?.data));
  const sizes = data.map(sizeOf);
  const bytesTotal = sizes.reduce((sum, size) => sum + (size > MAX_FILE_BYTES ? 0 : size), 0);
  const contents = [];
  let bytes = 0;
  for (const [i, one] of data.entries()) {
    progress('reading', i, files.length, bytes, bytesTotal);
    const content = await readOne(one, sizes[i], bytes);
    if (!(content instanceof Error)) bytes += sizes[i];
    contents.push(content);
  }
  progress('reading', files.length, files.length, bytes, bytesTotal);
  return { paths, contents };
}

async function readOne(data, size, readSoFar) {
  if (!(data instanceof Blob) && !(data instanceof Uint8Array)) return new Error('the page gave no file or text for it');
  if (size > MAX_FILE_BYTES) {
    return new Error(`${megabytes(size)} MB: larger than the ${megabytes(MAX_FILE_BYTES)} MB one file may have`);
  }
  if (readSoFar + size > MAX_TOTAL_BYTES) {
    return new Error(`not read: the files before it reach the ${megabytes(MAX_TOTAL_BYTES)} MB one import may read`);
  }
  if (data instanceof Uint8Array) return data;
  try {
    return new Uint8Array(await data.arrayBuffer());
  } catch (error) {
    return new Error(`cannot be read: ${describe(error)}`);
  }
}

function sizeOf(data) {
  if (data instanceof Uint8Array) return data.length;
  return data instanceof Blob ? data.size : 0;
}

// The site's sample pack, inflated; null when it cannot be had (offline before the first
// visit was cached, say): a collection then starts without an entity list.
async function samplePack() {
  try {
    const response = await fetch(SAMPLE_PACK);
    if (!response.ok) return null;
    return await inflated(new Uint8Array(await response.arrayBuffer()));
  } catch {
    return null;
  }
}

// `bytes` inflated when they start as gzip does (1f 8b); a server that sent them with
// Content-Encoding has inflated them already.
async function inflated(bytes) {
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function toBytes(value) {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  throw new Error('the collection to add to is not a Uint8Array');
}

// At most one progress message per PROGRESS_MS, besides a stage's first and last: thousands of
// small files would otherwise flood the page with messages it cannot show.
let lastProgress = { stage: null, at: 0 };

function progress(stage, files, filesTotal, bytes, bytesTotal) {
  const now = performance.now();
  const edge = stage !== lastProgress.stage || files === filesTotal;
  if (!edge && now - lastProgress.at < PROGRESS_MS) return;
  lastProgress = { stage, at: now };
  self.postMessage({ type: 'progress', stage, files, filesTotal, bytes, bytesTotal });
}

function megabytes(bytes) {
  return Math.round(bytes / (1024 * 1024));
}

function describe(error) {
  if (error instanceof Error) return error.message || String(error);
  return String(error);
}
