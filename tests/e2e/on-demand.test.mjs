// What downloads only when it is needed: each guide's words (a file of
// their own, src/content/words.rs) and the pages loaded on demand (a chunk
// of WebAssembly each, src/pages/lazy.rs). Each is fetched once, when its
// page opens, and one that cannot be downloaded is a plain message with a
// way to try again, never a broken page or the panic screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedSession } from './support.mjs';
import { checkAccessibility } from './axe.mjs';

// No service worker, so the test sees (and can cut) every fetch the app makes.
const app = sharedSession({ serviceWorkers: 'block' });

/** What Chromium logs for a download the test cuts on purpose. */
const CUT = /^Failed to load resource: net::ERR_INTERNET_DISCONNECTED$/;

const guideFiles = (requests) => requests.filter((url) => /\/guides\/[^/]+\.json$/.test(url));

test('the intake needs no download, and a guide fetches its own words once', async () => {
  const { page } = app;
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(app.url('guides/start'));
  await page.getByRole('button', { name: 'Begin' }).click();
  await page.getByRole('heading', { level: 2 }).first().waitFor();
  assert.deepEqual(guideFiles(requests), [], 'the intake is in the app itself');

  await page.goto(app.url('guides/weekly-check-in'));
  await page.getByRole('heading', { level: 1, name: 'Weekly check-in' }).waitFor();
  await page.getByText(/minutes/).first().waitFor();
  const fetched = guideFiles(requests);
  assert.equal(fetched.length, 1, fetched.join(', '));
  assert.match(fetched[0], /\/guides\/weekly-check-in-[0-9a-f]{16}\.json$/);

  // Moving inside the app to another page of the same guide fetches nothing more.
  await page.getByRole('link', { name: 'Guides', exact: true }).first().click();
  await page.getByRole('link', { name: 'Weekly check-in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Weekly check-in' }).waitFor();
  assert.equal(guideFiles(requests).length, 1);
});

test('a guide whose file cannot be downloaded says so, and opens on "Try again"', async () => {
  const { page } = app;
  app.expect({ pageErrors: CUT });
  await page.route('**/guides/*.json', (route) => route.abort('internetdisconnected'));
  await page.goto(app.url('guides/first-days'));
  await page.getByRole('heading', { level: 1, name: 'Mend could not open this guide' }).waitFor();
  await page.getByRole('alert').filter({ hasText: 'could not be downloaded' }).waitFor();
  // The header and Quick exit still work: the page is not broken.
  await page.getByRole('button', { name: 'Quick exit' }).waitFor();
  await page.getByRole('link', { name: 'Safety', exact: true }).waitFor();

  await page.unroute('**/guides/*.json');
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('heading', { level: 1, name: 'The first days' }).waitFor();
  await page.getByRole('button', { name: 'Begin' }).waitFor();
});

test('a file that is not this build\'s guide is refused, not shown', async () => {
  const { page } = app;
  await page.route('**/guides/moving-on-*.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{"id":"moving-on","title":"Tampered"}' }),
  );
  await page.goto(app.url('guides/moving-on'));
  await page.getByRole('alert').filter({ hasText: 'did not arrive whole' }).waitFor();
  assert.equal(await page.getByText('Tampered').count(), 0);
  await page.unroute('**/guides/moving-on-*.json');
});

test('History is not in the first download; it arrives when opened, and a failed download can be retried', async () => {
  const { page } = app;
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(app.url());
  await page.getByRole('heading', { level: 1, name: 'Rebuild trust, one honest step at a time' }).waitFor();
  assert.equal(requests.filter((url) => url.endsWith('.wasm')).length, 1, 'only the main module at first');

  // The chunk loader (wasm-split's) logs the failed fetch it hands to the app.
  app.expect({ pageErrors: new RegExp(`${CUT.source}|^TypeError: Failed to fetch\\b`) });
  await page.route('**/split_history.wasm', (route) => route.abort('internetdisconnected'));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mend could not open your history' }).waitFor();
  assert.equal(await page.title(), 'Mend could not open your history · Mend', 'the tab says so too');
  await page.getByRole('alert').filter({ hasText: 'could not be downloaded' }).waitFor();
  await page.getByRole('button', { name: 'Reload' }).waitFor();
  await page.getByRole('button', { name: 'Quick exit' }).waitFor();
  await checkAccessibility(page, 'a page that could not be downloaded');

  await page.unroute('**/split_history.wasm');
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('heading', { level: 1, name: 'History' }).waitFor();
  assert.ok(requests.some((url) => /\/app-[0-9a-f]{16}\/split_history\.wasm$/.test(url)));
});

test('the engine\'s test guides are not in the release build', async () => {
  const { page } = app;
  await page.goto(app.url('guides/sample'));
  await page.getByRole('heading', { level: 1, name: "This page doesn't exist" }).waitFor();
  await page.goto(app.url('guides'));
  await page.getByRole('heading', { level: 1, name: 'Guides' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Checking in on trust' }).count(), 0);
});
