// Starts siyaq: loads the wasm, reports a failure in the page, and keeps the offline copy fresh.
import init from './pkg/siyaq.js';

init({ module_or_path: './pkg/siyaq_bg.wasm' }).catch((error) => {
  const note = document.getElementById('boot-error');
  note.hidden = false;
  note.querySelector('code').textContent = String(error);
});

// The service worker keeps every file of this build for offline use. A new build installs beside
// it and waits; the page offers a reload, and only then does the new build take over, all at once.
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  const hadController = Boolean(navigator.serviceWorker.controller);
  const offer = (worker) => {
    const banner = document.getElementById('update');
    banner.hidden = false;
    banner.querySelector('button').addEventListener('click', () => worker.postMessage('SKIP_WAITING'), { once: true });
  };
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
  // The first install claims the page without a reload; later ones reload into the new build.
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (hadController) location.reload();
  });
}
