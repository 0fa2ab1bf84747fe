// The privacy promise, tested the way a person on a shared device relies on
// it: a strict Content-Security-Policy, nothing sent anywhere, a passphrase
// that really encrypts, locking (by hand and when idle), Quick exit, export
// and import that check everything before changing anything, and erase.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, session, fillQuota, freeQuota, stored, storedText } from './support.mjs';

const PASSPHRASE = 'blue kettle morning walk';
/** The passphrase `visit` unlocks with; a test that changes it says so. */
let passphraseNow = PASSPHRASE;
const SECRET = 'I read the messages on their phone and said I had not.';
const EXIT_URL = 'https://neutral.example/weather';

/**
 * Mend in a fresh browser of its own for the test `t`. The one page outside
 * Mend a test may open is Quick exit's neutral site, answered by the
 * browser itself so that nothing real is contacted; a test that goes there
 * says so (`expect`).
 */
async function openMend(t, expect) {
  passphraseNow = PASSPHRASE;
  return session(t, { neutralSite: new URL(EXIT_URL).origin, expect });
}

const mendKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('mend.')).sort());

/** Opens `url` as a fresh page load, unlocking Mend if it asks. */
async function visit(page, url) {
  await page.goto(url);
  const heading = page.locator('h1').first();
  await heading.waitFor();
  if ((await heading.textContent()) === 'Mend is locked') {
    await unlock(page, passphraseNow);
    await page.getByRole('heading', { level: 1, name: 'Mend is locked' }).waitFor({ state: 'detached' });
  }
}

/** Opens the apology planner on its first part (from its introduction, or
 * straight on the question when Mend resumes there after unlocking). */
async function openApology(page, url) {
  await visit(page, `${url}guides/planning-an-apology`);
  const box = page.locator('[data-question="what-i-did"] textarea');
  const start = page.getByRole('button', { name: /^(Begin|Continue where you left off)$/ });
  await box.or(start).first().waitFor();
  if (await start.count()) await start.click();
  await box.waitFor();
  return box;
}

/** Writes `text` as the first part of an apology and waits until it is saved. */
async function writeApology(page, url, text) {
  const box = await openApology(page, url);
  await box.fill(text);
  await box.blur();
  await page.waitForTimeout(400);
}

async function apologyText(page, url) {
  return (await openApology(page, url)).inputValue();
}

async function settings(page, url) {
  await visit(page, `${url}settings`);
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
}

/** Points Quick exit at the test's neutral page, from Settings. */
async function setExitSite(page, url) {
  await settings(page, url);
  await page.getByLabel('Website to show instead').fill(EXIT_URL);
  await page.getByRole('button', { name: 'Save address' }).click();
  await page.getByText('Saved. Quick exit now goes there.').waitFor();
}

async function setPassphrase(page, url, passphrase = PASSPHRASE) {
  await settings(page, url);
  await page.getByLabel('New passphrase').fill(passphrase);
  await page.getByLabel('Type it again').fill(passphrase);
  await page.getByRole('button', { name: 'Protect with this passphrase' }).click();
  await page.getByRole('button', { name: 'Lock now' }).waitFor();
}

async function unlock(page, passphrase = PASSPHRASE) {
  await page.getByRole('heading', { level: 1, name: 'Mend is locked' }).waitFor();
  await page.getByLabel('Passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

test('the page carries a strict Content-Security-Policy with no inline script at all', () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  assert.ok(policy, 'index.html has a CSP meta tag');
  assert.ok(!policy.includes("'unsafe-inline'") && !policy.includes("'unsafe-eval'"));
  for (const directive of [
    "default-src 'none'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ]) {
    assert.ok(policy.includes(directive), `${directive} in ${policy}`);
  }
  // The app starts from a module file of its own (scripts/build_wasm.py), so
  // scripts come only from Mend's origin: no inline script, no hash to allow.
  assert.ok(policy.includes("script-src 'self' 'wasm-unsafe-eval';"), policy);
  assert.equal(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g), null, 'no inline script');
  assert.match(html, /<script type="module" src="app-[0-9a-f]{16}\/start\.js"><\/script>/);
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), 'the policy comes before any script');
});

test('a whole journey runs under the policy, sends nothing anywhere, and shows typed markup as text', async (t) => {
  const { server, page } = await openMend(t);
  // Intake, with markup in the name.
  await page.goto(`${server.url}guides/start`);
  await page.getByRole('button', { name: 'Begin' }).click();
  await page.getByRole('radio', { name: 'I broke trust' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('radio', { name: 'My partner or spouse' }).check();
  await page.getByLabel('What would you like to call them here?').fill('Sam <b>x</b>');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('checkbox', { name: 'A lie' }).check();
  await page.getByRole('radio', { name: 'In the last few weeks' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('radio', { name: 'Yes', exact: true }).check();
  await page.getByRole('radio', { name: 'To rebuild trust' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  // "How you are", "Feeling safe" (safety before the user's own behaviour),
  // then "Between you": "No" to each yes/no question.
  for (const screen of ['How you are', 'Feeling safe', 'Between you']) {
    await page.getByRole('heading', { name: screen }).waitFor();
    const noes = page.locator('fieldset[data-question]').getByRole('radio', { name: 'No', exact: true });
    for (let i = 0; i < (await noes.count()); i++) await noes.nth(i).check();
    await page.getByRole('button', { name: 'Next' }).click();
  }
  await page.getByRole('button', { name: 'See my results' }).click();
  await page.getByRole('link', { name: 'See your path' }).click();
  await page.getByText('Sam <b>x</b>').first().waitFor();
  assert.equal(await page.locator('main b').count(), 0, 'typed markup never becomes an element');

  // A guide, its review and results.
  await writeApology(page, server.url, `${SECRET} <img src=x onerror=alert(1)>`);
  assert.equal(await page.locator('main img').count(), 0);

  // Settings: passphrase, lock, unlock, export.
  await setPassphrase(page, server.url);
  await page.getByRole('button', { name: 'Lock now' }).click();
  await unlock(page);
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export everything' }).click();
  const file = fs.readFileSync(await (await download).path(), 'utf8');
  assert.ok(!file.includes('messages on their phone'), 'the export is encrypted');
});

test('with a passphrase nothing readable is stored; a wrong one changes nothing; the right one brings it all back', async (t) => {
  const { server, page } = await openMend(t);
  await writeApology(page, server.url, SECRET);
  assert.match(await storedText(page), /messages on their phone/);
  await setPassphrase(page, server.url);

  const sealed = await stored(page);
  assert.doesNotMatch(JSON.stringify(sealed), /messages on their phone|what-i-did|planning-an-apology/);
  assert.equal(sealed.data, undefined);
  assert.equal(sealed.sealed.cipher, 'AES-256-GCM');
  assert.equal(sealed.sealed.kdf.name, 'PBKDF2-SHA256');
  assert.ok(sealed.sealed.kdf.iterations >= 600000);
  assert.equal(Buffer.from(sealed.sealed.kdf.salt, 'base64').length, 16);
  assert.equal(Buffer.from(sealed.sealed.iv, 'base64').length, 12);

  // Every write has its own IV.
  await writeApology(page, server.url, `${SECRET} And I am sorry.`);
  const again = await stored(page);
  assert.ok(again.revision > sealed.revision);
  assert.notEqual(again.sealed.iv, sealed.sealed.iv);
  assert.equal(again.sealed.kdf.salt, sealed.sealed.kdf.salt);

  await page.reload();
  const before = await storedText(page);
  await page.getByRole('heading', { level: 1, name: 'Mend is locked' }).waitFor();
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).isVisible(), false);
  await page.getByLabel('Passphrase').fill('blue kettle evening walk');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('alert').filter({ hasText: "That passphrase doesn't open Mend" }).waitFor();
  assert.equal(await storedText(page), before, 'a wrong passphrase touches nothing');

  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  assert.equal(await apologyText(page, server.url), `${SECRET} And I am sorry.`);
});

test('changing and removing the passphrase lose nothing', async (t) => {
  const { server, page } = await openMend(t);
  await writeApology(page, server.url, SECRET);
  await setPassphrase(page, server.url);

  await page.getByLabel('Current passphrase').fill('not the passphrase');
  await page.getByLabel('New passphrase').fill('green door at noon');
  await page.getByLabel('Type the new one again').fill('green door at noon');
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await page.getByRole('alert').filter({ hasText: "That passphrase doesn't open Mend" }).waitFor();

  await page.getByLabel('Current passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await page.getByText('Your passphrase has been changed.').waitFor();
  passphraseNow = 'green door at noon';

  await page.reload();
  await unlock(page, PASSPHRASE);
  await page.getByRole('alert').filter({ hasText: "That passphrase doesn't open Mend" }).waitFor();
  await page.getByLabel('Passphrase').fill('green door at noon');
  await page.getByRole('button', { name: 'Unlock' }).click();
  assert.equal(await apologyText(page, server.url), SECRET);

  await settings(page, server.url);
  await page.getByLabel('Your passphrase, to confirm').fill('green door at noon');
  await page.getByRole('button', { name: 'Remove passphrase' }).click();
  await page.getByRole('button', { name: 'Protect with this passphrase' }).waitFor();
  assert.match(await storedText(page), /messages on their phone/);
  await page.reload();
  assert.equal(await apologyText(page, server.url), SECRET);
});

test('Mend locks itself after the chosen idle time and drops the answers from the page', async (t) => {
  const { server, page } = await openMend(t);
  await page.clock.install();
  await writeApology(page, server.url, SECRET);
  await setPassphrase(page, server.url);
  await page.getByLabel('Lock after').selectOption('1');
  await page.getByText('Saved.').waitFor();
  await writeApology(page, server.url, SECRET);

  await page.clock.runFor(30_000);
  assert.equal(await page.getByRole('heading', { level: 1, name: 'Mend is locked' }).count(), 0, 'not before the time');
  await page.clock.runFor(40_000);
  await page.getByRole('heading', { level: 1, name: 'Mend is locked' }).waitFor();
  assert.doesNotMatch(await page.content(), /messages on their phone/);
  await unlock(page);
  assert.equal(await apologyText(page, server.url), SECRET);

  // With no room left to save, auto-lock still locks: the last words are
  // kept sealed in the tab, the user is told, and they are saved after unlock.
  await fillQuota(page);
  const box = page.locator('[data-question="what-i-did"] textarea');
  await box.fill(`${SECRET} And I'm sorry.`);
  await box.blur();
  await page.getByRole('alert').filter({ hasText: "couldn't be saved" }).waitFor();
  await page.clock.runFor(70_000);
  await page.getByRole('heading', { level: 1, name: 'Mend is locked' }).waitFor();
  await page.getByText("Mend has locked, but your latest changes couldn't be saved").waitFor();
  assert.doesNotMatch(await page.content(), /messages on their phone/);
  await freeQuota(page);
  await unlock(page);
  await page.getByRole('heading', { level: 1, name: 'Mend is locked' }).waitFor({ state: 'detached' });
  await page.reload();
  assert.equal(await apologyText(page, server.url), `${SECRET} And I'm sorry.`);
});

test('Quick exit (Escape three times, even while typing) saves, locks and leaves, and Back does not show an answer', async (t) => {
  const { server, page } = await openMend(t, { foreignRequests: [EXIT_URL] });
  await settings(page, server.url);
  await page.getByLabel('Website to show instead').fill('http://neutral.example');
  await page.getByRole('button', { name: 'Save address' }).click();
  await page.getByRole('alert').filter({ hasText: 'https://' }).waitFor();
  await page.getByLabel('Website to show instead').fill(EXIT_URL);
  await page.getByRole('button', { name: 'Save address' }).click();
  await page.getByText('Saved. Quick exit now goes there.').waitFor();
  await setPassphrase(page, server.url);

  await visit(page, `${server.url}guides/planning-an-apology`);
  await page.getByRole('button', { name: 'Begin' }).click();
  const box = page.locator('[data-question="what-i-did"] textarea');
  await box.fill(SECRET);
  // No pause: the words are saved on the way out.
  await box.press('Escape');
  await box.press('Escape');
  await box.press('Escape');
  await page.waitForURL(EXIT_URL);
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Mend is closed' }).waitFor();
  assert.doesNotMatch(await page.content(), /messages on their phone/);
  await page.getByRole('button', { name: 'Open Mend' }).click();
  await unlock(page);
  assert.equal(await apologyText(page, server.url), SECRET);

  // The button does the same from any page.
  await page.getByRole('button', { name: 'Quick exit' }).click();
  await page.waitForURL(EXIT_URL);
});

test('two unlocked tabs keep in step through sealed saves, and a passphrase changed in one locks the other', async (t) => {
  const { server, page, context } = await openMend(t);
  await setPassphrase(page, server.url);
  await page.goto(`${server.url}guides/can-this-be-rebuilt`);
  await unlock(page);
  await page.getByRole('button', { name: 'Begin' }).click();
  const other = await context.newPage();
  await other.goto(`${server.url}guides/can-this-be-rebuilt`);
  // Unlocking picks up where the guide was left: on its first screen.
  await unlock(other);
  await other.getByRole('heading', { name: 'Wanting to try' }).waitFor();

  await page.getByRole('radio', { name: 'Somewhat, or on and off' }).check();
  await other.getByRole('radio', { name: 'Somewhat, or on and off' }).and(other.locator(':checked')).waitFor();
  await other.getByRole('radio', { name: '3, Somewhat' }).check();
  await page.getByRole('radio', { name: '3, Somewhat' }).and(page.locator(':checked')).waitFor();
  assert.doesNotMatch(await storedText(page), /w-them/, 'still sealed');

  await settings(other, server.url);
  await other.getByLabel('Current passphrase').fill(PASSPHRASE);
  await other.getByLabel('New passphrase').fill('green door at noon');
  await other.getByLabel('Type the new one again').fill('green door at noon');
  await other.getByRole('button', { name: 'Change passphrase' }).click();
  await other.getByText('Your passphrase has been changed.').waitFor();

  await page.getByRole('heading', { level: 1, name: 'Mend is locked' }).waitFor();
  await page.getByText("Mend's passphrase was set or changed in another tab").waitFor();
  await unlock(page, 'green door at noon');
  await page.getByRole('radio', { name: '3, Somewhat' }).and(page.locator(':checked')).waitFor();
});

test('locking while another tab is saving leaves nothing readable here and loses nothing there', async (t) => {
  const { server, page, context } = await openMend(t);
  await setPassphrase(page, server.url);
  await page.goto(`${server.url}guides/can-this-be-rebuilt`);
  await unlock(page);
  await page.getByRole('button', { name: /Begin|Continue/ }).click();
  const other = await context.newPage();
  await other.goto(`${server.url}guides/can-this-be-rebuilt`);
  await unlock(other);
  await other.getByRole('heading', { name: 'Wanting to try' }).waitFor();

  // The other tab saves one answer after another while this one locks.
  const saving = (async () => {
    for (const name of ['Somewhat, or on and off', '3, Somewhat', "I don't know", '2']) {
      await other.getByRole('radio', { name, exact: true }).check();
    }
  })();
  await settings(page, server.url);
  await page.getByRole('button', { name: 'Lock now' }).click();
  await saving;
  await page.getByRole('heading', { level: 1, name: 'Mend is locked' }).waitFor();
  // Give any decrypt started by the other tab's saves time to finish.
  await page.waitForTimeout(500);
  assert.equal(await page.getByRole('heading', { level: 1, name: 'Mend is locked' }).count(), 1);
  assert.equal(await page.getByRole('radio').count(), 0, 'no answer on screen here');

  await visit(page, `${server.url}guides/can-this-be-rebuilt`);
  await page.getByRole('radio', { name: "I don't know" }).and(page.locator(':checked')).waitFor();
  await page.getByRole('radio', { name: '2', exact: true }).and(page.locator(':checked')).waitFor();
});

/** Tells the page it was hidden (another app in front) or shown again. */
async function setVisibility(page, state) {
  await page.evaluate((state) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}

test('coming back after Mend was hidden longer than the lock time finds it locked', async (t) => {
  const { server, page } = await openMend(t);
  await page.clock.install();
  await setPassphrase(page, server.url);
  await writeApology(page, server.url, SECRET);
  await setVisibility(page, 'hidden');
  // Hidden pages get few or no timer ticks: only coming back may notice.
  await page.clock.setSystemTime(Date.now() + 11 * 60_000);
  await setVisibility(page, 'visible');
  await page.getByRole('heading', { level: 1, name: 'Mend is locked' }).waitFor();
  assert.doesNotMatch(await page.content(), /messages on their phone/);
});

test('without a passphrase, Quick exit saves what was typed and Back finds Mend closed', async (t) => {
  const { server, page } = await openMend(t, { foreignRequests: [EXIT_URL] });
  await setExitSite(page, server.url);
  const box = await openApology(page, server.url);
  await box.fill(SECRET);
  await page.getByRole('button', { name: 'Quick exit' }).click();
  await page.waitForURL(EXIT_URL);
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Mend is closed' }).waitFor();
  assert.doesNotMatch(await page.content(), /messages on their phone/);
  assert.match(await storedText(page), /messages on their phone/, 'saved on the way out');
  // The answer's page was replaced in history: Back lands on the page before.
  await page.getByRole('button', { name: 'Open Mend' }).click();
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
});

test('after Quick exit, Back never shows an answer, even where the browser forgets the closed mark', async (t) => {
  const { server, page, context } = await openMend(t, { foreignRequests: [EXIT_URL] });
  await setExitSite(page, server.url);
  const box = await openApology(page, server.url);
  await box.fill(SECRET);
  await box.blur();
  // The history Firefox mishandles: the answer's page, reloaded, then
  // another Mend page loaded as a new document, then Quick exit.
  await page.reload();
  await page.locator('[data-question="what-i-did"] textarea').waitFor();
  await page.goto(`${server.url}guides`);
  await page.getByRole('heading', { level: 1, name: 'Guides' }).waitFor();
  // Firefox drops sessionStorage in this history; so do these pages from now on.
  await context.addInitScript(() => sessionStorage.clear());
  await page.getByRole('button', { name: 'Quick exit' }).click();
  await page.waitForURL(EXIT_URL);
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Mend is closed' }).waitFor();
  assert.doesNotMatch(await page.content(), /messages on their phone/);
  // Opening Mend again is the user's choice, and then everything is there.
  await page.getByRole('button', { name: 'Open Mend' }).click();
  await page.locator('[data-question="what-i-did"] textarea').waitFor();
  assert.equal(await page.locator('[data-question="what-i-did"] textarea').inputValue(), SECRET);
});

test('a setting changed in one tab applies in the others at once', async (t) => {
  const { server, page, context } = await openMend(t, { foreignRequests: [EXIT_URL] });
  const other = await context.newPage();
  await other.goto(server.url);
  await other.getByRole('button', { name: 'Quick exit' }).waitFor();
  await setExitSite(page, server.url);
  // No reload in the other tab: its Quick exit already goes there.
  await other.getByRole('button', { name: 'Quick exit' }).click();
  await other.waitForURL(EXIT_URL);
});

/** A real export file, downloaded from Settings. */
async function exportFile(page, url, { plain = false } = {}) {
  await settings(page, url);
  if (plain) await page.getByLabel('Save without encryption').check();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export everything' }).click();
  return fs.readFileSync(await (await download).path(), 'utf8');
}

async function importFile(page, name, text) {
  await page.getByLabel('Choose an export file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('an import is checked in full first: each bad file says what is wrong, and nothing changes', async (t) => {
  const { server, page } = await openMend(t);
  await writeApology(page, server.url, SECRET);
  const good = await exportFile(page, server.url);
  const exported = JSON.parse(good);
  assert.equal(exported.app, 'mend');
  assert.equal(exported.schema, 5, "exports carry the schema this Mend writes");
  assert.match(exported.created_at, /^\d{4}-\d\d-\d\dT/);
  const before = await storedText(page);

  const tampered = good.replace('said I had not', 'said I had');
  assert.notEqual(tampered, good);
  const cases = [
    ['notes.json', '{"title":"My shopping list"}', "This isn't a Mend export"],
    ['cut.json', good.slice(0, Math.floor(good.length / 2)), 'cut off'],
    ['edited.json', tampered, 'changed after Mend saved it'],
    ['future.json', good.replace(/"schema": ?\d+/, '"schema": 99'), 'newer version of Mend'],
    ['huge.json', ' '.repeat(6 * 1024 * 1024), 'larger than 5 MB'],
    ['photo.png', '\x89PNG\r\n\x1a\n', "This isn't a Mend export"],
  ];
  for (const [name, text, message] of cases) {
    await importFile(page, name, text);
    await page.getByRole('alert').filter({ hasText: message }).waitFor();
    assert.equal(await storedText(page), before, `${name} changed nothing`);
  }

  // An encrypted export asks for its passphrase; a wrong one is refused.
  await setPassphrase(page, server.url);
  const sealed = await exportFile(page, server.url);
  assert.doesNotMatch(sealed, /messages on their phone/);
  const sealedBefore = await storedText(page);
  await importFile(page, 'sealed.json', sealed);
  await page.getByLabel("The file's passphrase").fill('not it at all');
  await page.getByRole('button', { name: 'Open the file' }).click();
  await page.getByRole('alert').filter({ hasText: "That passphrase doesn't open this file" }).waitFor();
  assert.equal(await storedText(page), sealedBefore);
});

test('a good import shows what it holds, replaces only when asked, and can be undone', async (t) => {
  const { server, page } = await openMend(t);
  await writeApology(page, server.url, SECRET);
  const file = await exportFile(page, server.url);
  await writeApology(page, server.url, 'Something else entirely, written later.');

  await settings(page, server.url);
  await importFile(page, 'mend-export.json', file);
  const confirm = page.getByRole('group', { name: 'Confirm import' });
  await confirm.getByText(/1 entry/).first().waitFor();
  await confirm.getByText(/Planning an apology/).first().waitFor();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  assert.match(await storedText(page), /written later/);

  await importFile(page, 'mend-export.json', file);
  await page.getByRole('button', { name: 'Replace my data with this file' }).click();
  await page.getByText('Imported. Everything from the file is in Mend now.').waitFor();
  assert.match(await storedText(page), /messages on their phone/);
  assert.ok((await mendKeys(page)).includes('mend.undo'));

  // Kept across a reload, until the user lets it go.
  await page.reload();
  await settings(page, server.url);
  await page.getByRole('button', { name: 'Undo the import' }).click();
  await page.getByRole('button', { name: 'Undo the import' }).waitFor({ state: 'detached' });
  assert.equal(await apologyText(page, server.url), 'Something else entirely, written later.');
  assert.ok(!(await mendKeys(page)).includes('mend.undo'));
});

test('erase everything leaves no key Mend wrote, passphrase and settings included', async (t) => {
  const { server, page } = await openMend(t);
  await writeApology(page, server.url, SECRET);
  await settings(page, server.url);
  await page.getByLabel('Lock after').selectOption('5');
  await setPassphrase(page, server.url);
  await page.evaluate(() => localStorage.setItem('not-mend', 'kept'));
  assert.deepEqual(await mendKeys(page), ['mend.document', 'mend.prefs']);

  await page.getByRole('button', { name: 'Erase everything…' }).click();
  await page.getByRole('button', { name: 'Yes, erase everything' }).click();
  await page.getByText('Everything Mend kept on this device has been erased.').waitFor();
  assert.deepEqual(await mendKeys(page), []);
  assert.equal(await page.evaluate(() => localStorage.getItem('not-mend')), 'kept', 'only Mend’s own keys');
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1, name: 'Rebuild trust, one honest step at a time' }).waitFor();
});

test('Settings shows how much room Mend uses and asks the browser to keep it', async (t) => {
  const { server, page } = await openMend(t);
  await writeApology(page, server.url, SECRET);
  await settings(page, server.url);
  const facts = page.getByRole('region', { name: 'Storage on this device' });
  await facts.getByText(/^\d+ (bytes|KB)$/).waitFor();
  await facts.getByText(/ of the .* this browser allows/).waitFor();
  const status = facts.getByRole('status');
  await status.filter({ hasText: /Yes\.|Not guaranteed|said no|doesn't say/ }).waitFor();
  const ask = facts.getByRole('button', { name: "Ask the browser to keep Mend's data" });
  if (await ask.count()) {
    await ask.click();
    await status.filter({ hasText: /Yes\.|said no/ }).waitFor();
  }
});

test('a panic replaces the page with a plain message, and Reload finds every saved word', async (t) => {
  // The panic is logged to the console: that page error is the point here.
  const { server, page } = await openMend(t, { pageErrors: /a panic forced by a test/ });
  await writeApology(page, server.url, SECRET);
  // A panic cannot be reached from the interface; the release build
  // exports one for this test (src/lib.rs).
  const thrown = await page.evaluate(() => {
    try {
      window.wasmBindings.mendForcePanicForTests();
      return 'nothing';
    } catch (error) {
      return String(error);
    }
  });
  assert.match(thrown, /unreachable/, 'release builds abort on panic');

  const alert = page.getByRole('alert');
  await alert.getByRole('heading', { level: 1, name: 'Mend hit a problem' }).waitFor();
  await alert.getByText('Everything saved up to now is kept on this device.').waitFor();
  assert.equal(await page.title(), 'Mend', 'the tab no longer names the guide');
  assert.equal(await page.getByText(SECRET).count(), 0);
  assert.equal(await page.locator('textarea').count(), 0, 'no answer is left on screen');
  // Quick exit still works: a plain link to the neutral site.
  assert.equal(await page.getByRole('link', { name: 'Quick exit' }).getAttribute('href'), 'https://www.bbc.com/weather');

  await page.getByRole('link', { name: 'Reload' }).click();
  await alert.waitFor({ state: 'detached' });
  const box = page.locator('[data-question="what-i-did"] textarea');
  const start = page.getByRole('button', { name: 'Continue where you left off' });
  await box.or(start).first().waitFor();
  if (await start.count()) await start.click();
  assert.equal(await box.inputValue(), SECRET);
});
