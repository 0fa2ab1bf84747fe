// The app shell as a person meets it: the start page, navigation, a page that
// does not exist, and no request to any other origin along the way (the
// check every e2e test ends with, tested here once against itself).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedSession, waitUntil } from './support.mjs';

const app = sharedSession();

test('the start page says what Mend is and that nothing leaves the device', async () => {
  const { page } = app;
  await page.goto(app.url());
  await page.getByRole('heading', { level: 1, name: 'Rebuild trust, one honest step at a time' }).waitFor();
  assert.equal(await page.title(), 'Mend');
  await page.getByRole('heading', { name: 'Everything stays on this device' }).waitFor();
  const privacy = await page.getByText('it sends nothing anywhere').textContent();
  assert.match(privacy, /kept only in this browser, on this device/);
  await page.getByRole('heading', { name: 'A workbook, not a therapist' }).waitFor();
});

test('the main navigation reaches every page and marks the current one', async () => {
  const { page } = app;
  await page.goto(app.url());
  const nav = page.getByRole('navigation', { name: 'Main' });
  const pages = [
    ['Guides', 'Guides', '/guides'],
    ['History', 'History', '/history'],
    ['Settings', 'Settings', '/settings'],
    ['Your path', 'Rebuild trust, one honest step at a time', '/'],
  ];
  for (const [link, heading, pathname] of pages) {
    await nav.getByRole('link', { name: link, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    assert.equal(new URL(page.url()).pathname, pathname);
    assert.equal(
      await nav.getByRole('link', { name: link, exact: true }).getAttribute('aria-current'),
      'page',
      `${link} is marked as the current page`,
    );
    // Focus follows the navigation so a screen reader announces the new page
    // (once the page is in the document: a page loaded on demand gets it a
    // frame after its heading shows).
    await waitUntil(page, () => document.activeElement?.tagName === 'H1', `focus on the heading of ${pathname}`, { timeout: 5_000 });
  }
});

test('links, Back and Forward move between pages inside the tab, and each page opens at its top', async () => {
  const { page } = app;
  await page.goto(app.url('guides'));
  await page.getByRole('heading', { level: 1, name: 'Guides' }).waitFor();
  // Set on this load of the app: a page loaded afresh would not have it.
  await page.evaluate(() => {
    window.sameLoad = true;
  });
  const nav = page.getByRole('navigation', { name: 'Main' });
  const current = (name) => nav.getByRole('link', { name, exact: true }).getAttribute('aria-current');
  // A guide from low on the list, scrolled to as a reader would.
  const last = page.getByRole('main').getByRole('link').last();
  const title = (await last.textContent()).trim();
  await last.scrollIntoViewIfNeeded();
  await last.click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  assert.equal(await current('Guides'), 'page', "Guides stays marked on a guide's own page");
  assert.equal(await current('Your path'), null);

  // Right now, read to its end, then its last link, back to the path (a
  // long page): it opens at its top, not where Right now was scrolled to.
  const headerSafety = page.getByRole('banner').getByRole('link', { name: 'Safety', exact: true });
  assert.equal(await headerSafety.getAttribute('aria-current'), null);
  await headerSafety.click();
  await page.getByRole('heading', { level: 1, name: 'Your safety' }).waitFor();
  assert.equal(await headerSafety.getAttribute('aria-current'), 'page', "the header's Safety link says it is the page shown");
  await page.getByRole('main').getByRole('link', { name: 'Right now' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Right now' }).waitFor();
  const back = page.getByRole('link', { name: 'Back to your path' });
  await back.scrollIntoViewIfNeeded();
  assert.ok((await page.evaluate(() => window.scrollY)) > 300, 'Right now was scrolled to reach its last link');
  await back.click();
  await page.getByRole('heading', { level: 1, name: 'Rebuild trust, one honest step at a time' }).waitFor();
  assert.ok(
    await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight + 300),
    'the path is longer than the window',
  );
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'the path opens at its top');
  assert.equal(await current('Your path'), 'page');

  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Right now' }).waitFor();
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Your safety' }).waitFor();
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  assert.equal(await current('Guides'), 'page', 'Back marks the page it returns to');
  await page.goForward();
  await page.getByRole('heading', { level: 1, name: 'Your safety' }).waitFor();
  assert.equal(await page.evaluate(() => window.sameLoad), true, 'no page was loaded afresh');
});

test('a page can be reached by its address and survives a reload', async () => {
  const { page } = app;
  await page.goto(app.url('history'));
  await page.getByRole('heading', { level: 1, name: 'History' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'History' }).waitFor();
  assert.equal(await page.title(), 'History · Mend');
});

test('an unknown address shows a friendly not-found page with a way back', async () => {
  const { page } = app;
  await page.goto(app.url('no/such/page'));
  await page.getByRole('heading', { level: 1, name: "This page doesn't exist" }).waitFor();
  await page.getByRole('link', { name: 'Go to the start page' }).click();
  await page.getByRole('heading', { level: 1, name: 'Rebuild trust, one honest step at a time' }).waitFor();
});

test('the whole keyboard path: Tab reaches the navigation and Enter follows a link', async () => {
  const { page } = app;
  await page.goto(app.url());
  await page.getByRole('heading', { level: 1 }).waitFor();
  let reached = false;
  for (let i = 0; i < 10 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = (await page.evaluate(() => document.activeElement?.textContent)) === 'Settings';
  }
  assert.ok(reached, 'Settings link is reachable with Tab');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
});

test('the check every test ends with sees a request elsewhere, a policy violation and a page error', async () => {
  const { page, context } = app;
  await page.goto(app.url());
  await page.getByRole('heading', { level: 1, name: 'Rebuild trust, one honest step at a time' }).waitFor();
  // Each done on purpose here, behind the app's back: a style the policy
  // refuses, an exception nothing catches, and a page of another origin.
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        document.addEventListener('securitypolicyviolation', () => setTimeout(resolve), { once: true });
        document.querySelector('h1').setAttribute('style', 'color: red');
      }),
  );
  const thrown = context.waitForEvent('weberror');
  await page.evaluate(() =>
    setTimeout(() => {
      throw new Error('an error thrown by the test');
    }),
  );
  await thrown;
  const elsewhere = await context.newPage();
  await elsewhere.route('https://elsewhere.example/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Elsewhere</title>' }));
  await elsewhere.goto('https://elsewhere.example/page');
  await elsewhere.close();
  assert.throws(
    () => app.check(),
    ({ actual: found }) => {
      assert.deepEqual(Object.keys(found), ['requests to another origin', 'Content-Security-Policy violations', 'page errors']);
      assert.deepEqual(found['requests to another origin'], ['https://elsewhere.example/page']);
      assert.match(found['Content-Security-Policy violations'][0].directive, /^style-src/);
      assert.ok(found['page errors'].some((error) => error.includes('an error thrown by the test')));
      return true;
    },
  );
  // The check starts afresh: what it found above is not this test's failure.
  app.check();
});
