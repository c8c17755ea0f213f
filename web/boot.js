// Starts siyaq: loads the corpus and the wasm side by side, reports a failure in the page, and
// keeps the offline copy fresh.

// This build, as `cargo xtask dist` names it (a hash of the wasm): the page keys the index it keeps
// in the browser's cache by it, with the corpus's version.
globalThis.siyaqBuild = '__SIYAQ_BUILD__';

// A link may open another corpus pack published on this site (`?pack=path/to/file.pack`); a pack
// of another site is refused, and the page says so. Read before the app's own script loads, so that
// the pack downloads while the wasm compiles.
const chosenPack = new URLSearchParams(location.search).get('pack');
function packAddress() {
  if (chosenPack === null) return './corpus.pack';
  const url = new URL(chosenPack, location.href);
  if (url.origin !== location.origin) {
    const refused = new Error(chosenPack);
    refused.name = 'SiyaqPackRefused';
    throw refused;
  }
  globalThis.siyaqPackSource = chosenPack;
  return url.href;
}

// The user's collections, kept in this browser (collections.js, loaded when first needed).
globalThis.siyaqCollections = () => import('./collections.js');

// A link may open one of the user's collections instead (`?collection=ID`): its pack is read from
// the browser's storage, never fetched.
const chosenCollection = new URLSearchParams(location.search).get('collection');
if (chosenCollection !== null) globalThis.siyaqCollection = chosenCollection;

// The corpus pack is gzip-compressed (a JSON header line, then the texts); the wasm reads the
// inflated bytes from this promise. It is inflated as it arrives, not after. A host that already
// inflated it in transit (it sent Content-Encoding: gzip) hands over the bytes as they are.
globalThis.siyaqPack = chosenCollection !== null
  ? globalThis.siyaqCollections()
    .then((collections) => collections.packFor(chosenCollection, new URLSearchParams(location.search).get('v')))
    .then(({ id, bytes }) => {
      globalThis.siyaqCollection = id;
      return bytes;
    }, (error) => (!['SiyaqCollectionMissing', 'SiyaqStorageUnavailable'].includes(error?.name) ? Promise.reject(error) : globalThis.siyaqCollections().then((collections) => {
      // Said in the page by collections.js; the wasm then only stays away.
      collections.explainUnopened(document.getElementById('boot-error'), error);
      const explained = new Error(String(error?.message ?? error));
      explained.name = 'SiyaqExplained';
      throw explained;
    })))
  : Promise.resolve()
  .then(packAddress)
  .then((address) => fetch(address))
  .then((response) => {
    if (!response.ok) throw new Error(`${chosenPack ?? 'corpus.pack'}: HTTP ${response.status}`);
    return inflated(response.body);
  })
  .then((bytes) => {
    performance.mark('siyaq:pack-inflated');
    return bytes;
  });

// The world gazetteer (gzip-compressed JSON), fetched when the entities view first needs it.
globalThis.siyaqWorld = () => fetch('./world.gazetteer').then((response) => {
  if (!response.ok) throw new Error(`world.gazetteer: HTTP ${response.status}`);
  return inflated(response.body);
});

// The bytes of `body`, inflated when they start as gzip does (1f 8b).
async function inflated(body) {
  const reader = body.getReader();
  let head = new Uint8Array(0);
  while (head.length < 2) {
    const { done, value } = await reader.read();
    if (done) break;
    const joined = new Uint8Array(head.length + value.length);
    joined.set(head);
    joined.set(value, head.length);
    head = joined;
  }
  const replayed = new ReadableStream({
    start(controller) {
      if (head.length) controller.enqueue(head);
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  const gzip = head[0] === 0x1f && head[1] === 0x8b;
  const stream = gzip ? replayed.pipeThrough(new DecompressionStream('gzip')) : replayed;
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
// Awaited by the wasm, which reports a failure itself; this keeps it off the console meanwhile.
globalThis.siyaqPack.catch(() => {});

// The wasm's memory stays reachable for the browser benchmark, which reports its size.
import('./pkg/siyaq.js')
  .then(({ default: init }) => init({ module_or_path: './pkg/siyaq_bg.wasm' }))
  .then((wasm) => {
    performance.mark('siyaq:wasm-ready');
    globalThis.siyaqWasmMemory = wasm.memory;
  })
  .catch((error) => {
    const note = document.getElementById('boot-error');
    note.hidden = false;
    note.querySelector('code').textContent = String(error);
  });

// The service worker keeps every file of this build for offline use. A new build installs beside
// it and waits; the page offers a reload, and only then does the new build take over, all at once.
// The tab where the offer is accepted reloads; other open tabs of the site reload by themselves only
// if they hold no typed text (a reload would lose it), and otherwise say that a new version is
// active and leave the reload to the reader.
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  // A page opened before any worker was installed is claimed by the first one: that change of
  // controller is no new build.
  let controlled = Boolean(navigator.serviceWorker.controller);
  const banner = document.getElementById('update');
  let waiting = null;
  let accepted = false;
  const show = (state) => {
    for (const message of banner.querySelectorAll('[data-update]')) message.hidden = message.dataset.update !== state;
    banner.hidden = false;
  };
  const offer = (worker) => {
    waiting = worker;
    show('waiting');
  };
  banner.querySelector('button').addEventListener('click', () => {
    if (waiting?.state === 'installed') {
      accepted = true;
      waiting.postMessage('SKIP_WAITING');
    } else {
      location.reload();
    }
  });
  // The search box and the entity editor's fields: what a reload would throw away.
  const holdsTypedText = () => [...document.querySelectorAll('input, textarea')]
    .some((field) => (field.type === 'search' || field.type === 'text' || field.tagName === 'TEXTAREA') && field.value.trim() !== '');
  // Registered once the page has loaded, so that caching the build never competes with starting it.
  const register = () => navigator.serviceWorker.register('./sw.js').then((registration) => {
    if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const incoming = registration.installing;
      incoming?.addEventListener('statechange', () => {
        if (incoming.state === 'installed' && navigator.serviceWorker.controller) offer(incoming);
      });
    });
    // Pages left open for days still hear of new builds.
    setInterval(() => registration.update().catch(() => {}), 60 * 60 * 1000);
  }).catch(() => {});
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!controlled) {
      controlled = true;
      return;
    }
    if (accepted || !holdsTypedText()) {
      location.reload();
    } else {
      waiting = null;
      show('active');
    }
  });
}
