// Headless Chromium for the end-to-end tests and the scripts that measure
// or photograph the release build: a fresh profile, a quiet browser, and a
// record of every request, page error and Content-Security-Policy violation
// (tests/e2e/support.mjs turns the record into the checks every test ends
// with).
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { chromium } from 'playwright-core';

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

/** An empty record for `openBrowser` to fill; several browsers may share one. */
export function newRecord() {
  return { requests: [], pageErrors: [], violations: [] };
}

/**
 * Launches headless Chromium with a fresh on-disk profile (an incognito-like
 * context would make Chromium refuse installation) and writes into `record`
 * every request (pages and service worker), every page error (an uncaught
 * exception or a console error, in any tab) and every Content-Security-
 * Policy violation. `viewport` defaults to a phone-sized window. `close()`
 * ends it all.
 */
export async function openBrowser({
  viewport = { width: 390, height: 844 },
  colorScheme = 'light',
  javaScriptEnabled = true,
  waitForApp = true,
  locale,
  serviceWorkers = 'allow',
  record = newRecord(),
} = {}) {
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
  context.on('request', (request) => record.requests.push(request.url()));
  context.on('weberror', (error) => record.pageErrors.push(String(error.error())));
  // Chromium also reports here what its own console shows as an error,
  // a violation of the policy and a failed download included.
  context.on('console', (message) => {
    if (message.type() === 'error') record.pageErrors.push(message.text());
  });
  // Every policy violation in any page, reported back here. (With
  // JavaScript off no listener runs; the console error above still counts.)
  await context.exposeBinding('__mendCspViolation', (_source, violation) => record.violations.push(violation));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      window.__mendCspViolation({
        directive: event.violatedDirective,
        blocked: event.blockedURI,
        sample: event.sample,
        page: location.href,
      }),
    );
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    ...record,
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
