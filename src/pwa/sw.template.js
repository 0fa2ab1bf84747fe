// Mend's service worker. scripts/precache.py writes dist/sw.js from this
// template at build time, replacing the two placeholders below.
'use strict';

// One cache per build: a page is always served files of a single version.
const CACHE = 'mend-__BUILD_ID__';
// Every file of the build, relative to this worker (so sub-paths work).
const PRECACHE = __PRECACHE__;
const INDEX = new URL('index.html', self.location).href;
// The pages written as plain HTML (scripts/first_screen.py): the home screen,
// the Safety and Right now pages with every country's lines, and the
// intake's introduction and first question. Every other
// address gets shell.html ("Opening Mend…"), so a deep link never flashes
// the home screen before the app draws its page.
const STATIC_PAGES = {
  '': INDEX,
  'index.html': INDEX,
  safety: new URL('safety.html', self.location).href,
  'right-now': new URL('right-now.html', self.location).href,
  'guides/start': new URL('guides/start.html', self.location).href,
};
const SHELL = new URL('shell.html', self.location).href;
const SCOPE = new URL('./', self.location).pathname;

function pageFor(url) {
  const rel = url.pathname.startsWith(SCOPE) ? url.pathname.slice(SCOPE.length) : '';
  return STATIC_PAGES[rel.replace(/\/$/, '')] || SHELL;
}

// The content type each kind of file must be served with. A server that
// answers a missing file with its HTML fallback page must not end up with
// HTML cached under a .wasm or .js name.
const EXPECTED_TYPES = {
  '.html': 'text/html',
  '.js': 'javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'json',
};

function expectedType(path) {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? null : EXPECTED_TYPES[path.slice(dot)] || null;
}

async function precache() {
  // The same build may install twice (say, after its registration was
  // removed); its cache is then already complete and in use: keep it.
  const existed = await caches.has(CACHE);
  const cache = await caches.open(CACHE);
  try {
    await Promise.all(
      PRECACHE.map(async (path) => {
        const url = new URL(path, self.location).href;
        const response = await fetch(url, { cache: 'no-cache' });
        if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
        const type = response.headers.get('content-type') || '';
        const expected = expectedType(path);
        if (expected && !type.includes(expected)) {
          throw new Error(`${path} was served as "${type}", expected ${expected}`);
        }
        // A host with "clean URLs" may redirect safety.html to /safety;
        // browsers refuse a redirected response for a navigation, so keep
        // the page itself, not the redirect.
        const kept = response.redirected
          ? new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers: response.headers })
          : response;
        await cache.put(url, kept);
      }),
    );
  } catch (error) {
    // A half-filled cache must never serve pages: drop it; the running
    // version stays in charge and the browser retries on a later visit.
    if (!existed) await caches.delete(CACHE);
    throw error;
  }
}

self.addEventListener('install', (event) => {
  // No skipWaiting here: a new version waits until the user chooses Reload.
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((name) => name.startsWith('mend-') && name !== CACHE).map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (request.mode === 'navigate') {
    // Each page of the app is one of the build's HTML pages; the router does the rest.
    event.respondWith(
      caches.match(pageFor(url), { cacheName: CACHE }).then((cached) => cached || fetch(request)),
    );
    return;
  }
  event.respondWith(
    caches.match(request, { cacheName: CACHE }).then((cached) => cached || fetch(request)),
  );
});
