// Mend as an installed, offline app: it opens and navigates with the server
// gone, Chromium finds nothing stopping installation, a new version waits for
// the user's Reload, and all of it works from a sub-path too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, DIST_SUBPATH, session, storedText, waitForOfflineReady, waitUntil, tempDir } from './support.mjs';
import { checkAccessibility } from './axe.mjs';

const START_HEADING = 'Rebuild trust, one honest step at a time';

test('after one visit Mend opens and navigates with the server stopped', async (t) => {
  const { server, page } = await session(t);
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1, name: START_HEADING }).waitFor();
  await waitForOfflineReady(page);

  await server.stop();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: START_HEADING }).waitFor();

  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  await page.getByText('Ready. Mend will open and work without a connection.').waitFor();

  // A deep link typed while offline is answered from the cache as well.
  await page.goto(`${server.url}history`);
  await page.getByRole('heading', { level: 1, name: 'History' }).waitFor();
});

test('Chromium reports no installability errors', async (t) => {
  const { server, page, context } = await session(t);
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1, name: START_HEADING }).waitFor();
  await waitForOfflineReady(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);

  const manifest = await cdp.send('Page.getAppManifest');
  assert.deepEqual(manifest.errors, []);
  const parsed = JSON.parse(manifest.data);
  assert.equal(parsed.short_name, 'Mend');
  assert.equal(parsed.display, 'standalone');
  const purposes = parsed.icons.map((icon) => `${icon.sizes} ${icon.purpose}`);
  assert.deepEqual(purposes, ['192x192 any', '512x512 any', '512x512 maskable']);
});

test('the service worker precaches exactly the build, under a cache named for it', async (t) => {
  const worker = fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8');
  const cacheName = worker.match(/const CACHE = '(mend-[0-9a-f]{16})'/)?.[1];
  assert.ok(cacheName, 'sw.js names its cache after the build');
  const listed = JSON.parse(worker.match(/const PRECACHE = (\[[\s\S]*?\]);/)[1]);
  // The app's folder (scripts/build_wasm.py): the main module, and every
  // page's chunk and the chunks pages share, so each page opens offline.
  const [app] = fs.readdirSync(DIST).filter((f) => /^app-[0-9a-f]{16}$/.test(f));
  assert.ok(app, 'dist has one app folder');
  const wasm = fs.readdirSync(path.join(DIST, app)).filter((f) => f.endsWith('.wasm'));
  assert.ok(wasm.includes('mend_bg.wasm') && wasm.includes('split_history.wasm'), wasm.join(', '));
  for (const file of ['index.html', 'manifest.webmanifest', 'icons/icon-192.png', ...wasm.map((w) => `${app}/${w}`)]) {
    assert.ok(listed.includes(file), `${file} is precached`);
  }
  for (const file of listed) assert.ok(fs.existsSync(path.join(DIST, file)), `${file} exists in dist`);

  const { server, page } = await session(t);
  await page.goto(server.url);
  await waitForOfflineReady(page);
  const cached = await page.evaluate(async (name) => {
    const cache = await caches.open(name);
    const keys = await cache.keys();
    const wasm = keys.find((request) => request.url.endsWith('.wasm'));
    const response = wasm && (await cache.match(wasm));
    return { count: keys.length, names: await caches.keys(), wasmType: response?.headers.get('content-type') };
  }, cacheName);
  assert.deepEqual(cached.names, [cacheName]);
  assert.equal(cached.count, listed.length);
  assert.equal(cached.wasmType, 'application/wasm');
});

test('a host that answers a missing file with HTML never gets HTML cached as code', async (t) => {
  const root = tempDir('wrong-type');
  fs.cpSync(DIST, root, { recursive: true });
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  // The worker now lists a script the host does not have; the host answers
  // with its index.html, as some single-page-app hosts do.
  const swPath = path.join(root, 'sw.js');
  fs.writeFileSync(swPath, fs.readFileSync(swPath, 'utf8').replace('const PRECACHE = [', 'const PRECACHE = [\n  "gone-0123.js",'));
  const { server, page } = await session(t, { root, htmlForMissingFiles: true });
  const refused = page.waitForEvent('console', {
    predicate: (message) => message.text().startsWith('Mend could not prepare offline use'),
    timeout: 30_000,
  });
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1, name: START_HEADING }).waitFor();
  await refused;
  const state = await page.evaluate(async () => ({
    active: !!(await navigator.serviceWorker.getRegistration())?.active,
    caches: await caches.keys(),
  }));
  assert.deepEqual(state, { active: false, caches: [] }, 'the install failed and left no cache');
  // The app itself still works online.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'History' }).waitFor();
});

test('a new version waits for the user: banner, Reload, then only the new cache remains', async (t) => {
  // Serve a copy of the build so its worker can be changed under the page.
  const root = tempDir('update');
  fs.cpSync(DIST, root, { recursive: true });
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  const { server, page } = await session(t, { root });
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1, name: START_HEADING }).waitFor();
  await waitForOfflineReady(page);
  const banner = page.getByText('A new version of Mend is ready');
  assert.equal(await banner.count(), 0, 'no banner while the version is current');

  // Publish "the next version": a different build id means a new worker.
  const swPath = path.join(root, 'sw.js');
  const next = fs.readFileSync(swPath, 'utf8').replace(/const CACHE = 'mend-[0-9a-f]+'/, "const CACHE = 'mend-0000000000000next'");
  fs.writeFileSync(swPath, next);

  await page.reload();
  await banner.waitFor({ timeout: 30_000 });
  await checkAccessibility(page, 'the update banner');
  // The running page still belongs to the old version until Reload.
  assert.notEqual(await page.evaluate(async () => (await caches.keys()).join()), 'mend-0000000000000next');

  await page.getByRole('button', { name: 'Reload' }).click();
  await waitUntil(
    page,
    async () => (await caches.keys()).join() === 'mend-0000000000000next',
    'the new version to take over and the old cache to be deleted',
  );
  await page.getByRole('heading', { level: 1, name: START_HEADING }).waitFor();
  assert.equal(await banner.count(), 0, 'the banner is gone after the update');
});

test('a tab left on the old version after an update: a page it has not loaded yet says so, and Reload brings it up to date with nothing lost', async (t) => {
  const root = tempDir('old-tab');
  fs.cpSync(DIST, root, { recursive: true });
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  // Tab A's History chunk is taken off the server on purpose: its downloads
  // fail (Chromium and the chunk loader log them) before the page says so.
  const { server, page, context } = await session(t, {
    root,
    expect: { pageErrors: /^Failed to load resource: the server responded with a status of 404 \(Not Found\)$|^TypeError: Failed to execute 'compile' on 'WebAssembly': HTTP status code is not ok$/ },
  });
  // Tab A: the old version, with an answer given.
  await page.goto(`${server.url}guides/start`);
  await page.getByRole('button', { name: 'Begin' }).click();
  await page.getByRole('radio').first().check();
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  await waitForOfflineReady(page);

  // Publish the next version: its app folder has another name, and the
  // old one is gone from the server, as on a real host.
  const [oldApp] = fs.readdirSync(root).filter((f) => /^app-[0-9a-f]{16}$/.test(f));
  const newApp = 'app-0000000000000001';
  fs.renameSync(path.join(root, oldApp), path.join(root, newApp));
  const pages = fs.readdirSync(root, { recursive: true }).filter((f) => f.endsWith('.html') || f === 'sw.js');
  assert.ok(pages.includes(path.join('guides', 'start.html')), 'the static intake page is republished too');
  for (const file of pages) {
    const full = path.join(root, file);
    let text = fs.readFileSync(full, 'utf8').replaceAll(oldApp, newApp);
    if (file === 'sw.js') text = text.replace(/const CACHE = 'mend-[0-9a-f]+'/, "const CACHE = 'mend-0000000000000next'");
    fs.writeFileSync(full, text);
  }

  // Tab B takes the update.
  const other = await context.newPage();
  await other.goto(server.url);
  await other.getByText('A new version of Mend is ready').waitFor({ timeout: 30_000 });
  await other.getByRole('button', { name: 'Reload' }).click();
  await waitUntil(other, async () => (await caches.keys()).join() === 'mend-0000000000000next', 'the new version to take over');

  // Tab A still runs the old version; History's chunk is gone with it.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mend could not open your history' }).waitFor();
  const failed = page.getByRole('alert').filter({ hasText: 'If Mend was updated in another tab' });
  await failed.getByRole('button', { name: 'Reload' }).click();
  await page.getByRole('heading', { level: 1, name: 'History' }).waitFor();
  assert.match(await storedText(page), /"answers":\{"[a-z-]+"/, 'the answer given before the update is still there');
});

test('served from a sub-path, Mend routes, installs and works offline there', async (t) => {
  const { server, page, context } = await session(t, { root: DIST_SUBPATH, prefix: '/mend/' });
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1, name: START_HEADING }).waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Guides', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Guides' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/mend/guides');

  await waitForOfflineReady(page);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, `${server.url}`);
  const cdp = await context.newCDPSession(page);
  assert.deepEqual((await cdp.send('Page.getInstallabilityErrors')).installabilityErrors, []);

  await server.stop();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Guides' }).waitFor();
  await page.goto(`${server.url}nowhere`);
  await page.getByRole('heading', { level: 1, name: "This page doesn't exist" }).waitFor();
});
