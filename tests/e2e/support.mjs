// Shared pieces of Mend's end-to-end tests: a static server for the release
// build, a headless Chromium, and a guard that records every request so each
// test can prove nothing left the app's own origin.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Release build served from `/` (built by scripts/test.sh). */
export const DIST = process.env.MEND_DIST || path.join(ROOT, 'dist');
/** Release build made with `--public-url /mend/`. */
export const DIST_SUBPATH = process.env.MEND_DIST_SUBPATH || path.join(ROOT, 'target', 'dist-mend');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
};

/**
 * Serves `root` under `prefix` on a free loopback port, like a static host
 * configured for a single-page app: a path without a file extension that is
 * not a file gets index.html; a missing file gets a 404, unless
 * `htmlForMissingFiles` imitates a careless host that answers index.html.
 * With `brotli`, files go out brotli-compressed to browsers that accept it.
 */
export async function startServer({ root = DIST, prefix = '/', htmlForMissingFiles = false, brotli = false } = {}) {
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    throw new Error(`${root}/index.html is missing: build the release dist first (scripts/test.sh does)`);
  }
  const compressedFiles = new Map();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length));
    let file = path.join(root, rel);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    // Like a host with "pretty URLs": /safety is safety.html. Any other
    // address of the app gets shell.html ("Opening Mend…") where the build
    // wrote one, as the deployment notes ask of a host.
    const fallback = fs.existsSync(path.join(root, 'shell.html')) ? 'shell.html' : 'index.html';
    if (rel === '' || (fs.existsSync(file) && fs.statSync(file).isDirectory())) {
      file = path.join(root, 'index.html');
    } else if (path.extname(rel) === '' && fs.existsSync(`${file}.html`)) {
      file = `${file}.html`;
    } else if (!fs.existsSync(file)) {
      if (path.extname(rel) !== '' && !htmlForMissingFiles) {
        res.writeHead(404).end('not found');
        return;
      }
      file = path.join(root, fallback);
    }
    const type = TYPES[path.extname(file)] || 'application/octet-stream';
    if (brotli && /\bbr\b/.test(req.headers['accept-encoding'] || '')) {
      // Like a static host with precompressed files (the benchmark's phone profile).
      if (!compressedFiles.has(file)) {
        const params = { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 };
        compressedFiles.set(file, zlib.brotliCompressSync(fs.readFileSync(file), { params }));
      }
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache', 'content-encoding': 'br' });
      res.end(compressedFiles.get(file));
      return;
    }
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}${prefix}`,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

// Chromium's own background traffic would flood this closed network and
// count as foreign requests; these flags keep the browser quiet.
const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

// Report requests made by service workers too (Playwright's switch for it).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

/**
 * Launches headless Chromium with a fresh on-disk profile (an incognito-like
 * context would make Chromium refuse installation) and records every request.
 * `viewport` defaults to a phone-sized window. `close()` ends it all.
 */
export async function openBrowser({ viewport = { width: 390, height: 844 }, colorScheme = 'light', javaScriptEnabled = true, waitForApp = true, locale, serviceWorkers = 'allow' } = {}) {
  const profile = tempDir('profile');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    colorScheme,
    javaScriptEnabled,
    ...(locale ? { locale } : {}),
    // 'block' lets a test intercept the app's own fetches (a service
    // worker would answer them from its cache first).
    serviceWorkers,
  });
  if (javaScriptEnabled && waitForApp) {
    for (const page of context.pages()) waitsForTheApp(page);
    context.on('page', waitsForTheApp);
  }
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  const errors = [];
  context.on('weberror', (error) => errors.push(String(error.error())));
  // Every Content-Security-Policy violation in any page, reported back here.
  const violations = [];
  await context.exposeBinding('__mendCspViolation', (_source, violation) => violations.push(violation));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      window.__mendCspViolation({ directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample }),
    );
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return {
    context,
    page,
    requests,
    errors,
    violations,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The home screen, Safety and Right now are static HTML before the app
 * starts (scripts/first_screen.py). Tests of the app wait, after each
 * navigation, until the app has taken over (#opening is gone), so they never
 * act on the static page it is about to replace. tests/e2e/first-screen.test.mjs
 * opens its browser with `waitForApp: false` to test the static pages.
 */
function waitsForTheApp(page) {
  for (const name of ['goto', 'reload', 'goBack', 'goForward']) {
    const navigate = page[name].bind(page);
    page[name] = async (...args) => {
      const response = await navigate(...args);
      try {
        await page.waitForFunction(() => !document.getElementById('opening'), null, { timeout: 30000 });
      } catch (error) {
        // A navigation that left the page (Quick exit) is not a failure; a
        // Mend page whose app never started is.
        const stuck = await page.evaluate(() => !!document.getElementById('opening')).catch(() => false);
        if (stuck) throw new Error(`the app did not start on ${page.url()}: ${error.message}`);
      }
      return response;
    };
  }
}

/** Requests that went anywhere but `origin` (data: and blob: URLs stay local). */
export function foreignRequests(requests, origin) {
  return requests.filter((url) => {
    if (url.startsWith('data:') || url.startsWith('blob:')) return false;
    return new URL(url).origin !== origin;
  });
}

/**
 * Resolves once an activated service worker controls the page and its cache
 * holds the app (index.html and the wasm), i.e. once Mend would open offline.
 */
export async function waitForOfflineReady(page) {
  await waitUntil(
    page,
    async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      if (registration?.active?.state !== 'activated' || !navigator.serviceWorker.controller) return false;
      const names = (await caches.keys()).filter((name) => name.startsWith('mend-'));
      if (names.length !== 1) return false;
      const urls = (await (await caches.open(names[0])).keys()).map((request) => request.url);
      return urls.some((url) => url.endsWith('/index.html')) && urls.some((url) => url.endsWith('.wasm'));
    },
    'the app to be cached for offline use',
  );
}

/**
 * Polls `predicate` (which may be async) in the page until it returns true.
 * Playwright's waitForFunction treats a returned Promise as truthy, so async
 * checks (caches, service workers) need this instead.
 */
export async function waitUntil(page, predicate, what, { arg, timeout = 30_000 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      if (await page.evaluate(predicate, arg)) return;
    } catch (error) {
      // A navigation in progress destroys the context; try again after it.
      if (!/context was destroyed|navigat/i.test(String(error))) throw error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export function tempDir(name) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `mend-${name}-`));
}

/** Fills this origin's storage for real, leaving no room for the next save. */
export async function fillQuota(page) {
  await page.evaluate(() => {
    const chunk = 'x'.repeat(256 * 1024);
    for (let i = 0; i < 200; i++) {
      try {
        localStorage.setItem(`filler-${i}`, chunk);
      } catch {
        for (let size = chunk.length / 2; size >= 1; size /= 2) {
          try {
            localStorage.setItem(`filler-${i}-${size}`, chunk.slice(0, size));
          } catch {}
        }
        return;
      }
    }
  });
}

/** Makes room again: removes what `fillQuota` wrote. */
export async function freeQuota(page) {
  await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('filler-'))
      .forEach((k) => localStorage.removeItem(k)),
  );
}
