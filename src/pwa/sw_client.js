// Page-side service worker plumbing for Mend, called from src/pwa/mod.rs.
// Kept in JavaScript because it is event wiring around browser objects that
// has no logic worth the Rust bindings.

let waitingWorker = null;
let updateRequested = false;

export function registerServiceWorker(scriptUrl, scope, onUpdateReady) {
  if (!('serviceWorker' in navigator)) return;

  // Reload only when the user asked for the new version. On the very first
  // visit the worker also takes control (clients.claim), which must not reload.
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (updateRequested) window.location.reload();
  });

  navigator.serviceWorker
    .register(scriptUrl, { scope })
    .then((registration) => {
      const offer = (worker) => {
        waitingWorker = worker;
        onUpdateReady();
      };
      if (registration.waiting && navigator.serviceWorker.controller) {
        offer(registration.waiting);
      }
      const watched = new WeakSet();
      const watch = (worker) => {
        if (watched.has(worker)) return;
        watched.add(worker);
        worker.addEventListener('statechange', () => {
          if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
          // Redundant straight from installing: its precache failed (see sw.js).
          if (worker.state === 'redundant' && !worker.installedOnce) {
            console.warn('Mend could not prepare offline use: the new version failed to install.');
          }
          if (worker.state === 'installed') worker.installedOnce = true;
        });
      };
      if (registration.installing) watch(registration.installing);
      registration.addEventListener('updatefound', () => {
        if (registration.installing) watch(registration.installing);
      });
      // People keep Mend open for days: look for a new version on return.
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') registration.update().catch(() => {});
      });
    })
    .catch((error) => console.warn('Mend could not prepare offline use:', error));
}

export function unregisterServiceWorkers() {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker
    .getRegistrations()
    .then((registrations) => registrations.forEach((r) => r.unregister()))
    .catch(() => {});
}

export function applyUpdate() {
  if (!waitingWorker || waitingWorker.state === 'redundant') return false;
  updateRequested = true;
  waitingWorker.postMessage({ type: 'SKIP_WAITING' });
  return true;
}

export function offlineStatus() {
  if (!('serviceWorker' in navigator)) return 'unsupported';
  return navigator.serviceWorker.controller ? 'ready' : 'preparing';
}
