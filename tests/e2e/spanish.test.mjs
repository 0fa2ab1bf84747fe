// Mend in Spanish, as a person whose browser speaks Spanish meets it: the
// frame, the intake with its answers kept across a reload and a change of
// language in the middle of it, the crisis page, and the layout and
// accessibility checks, which longer words are the first to break.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { freshStart, h1, session, sharedSession, waitUntil } from './support.mjs';
import { checkAccessibility } from './axe.mjs';
import { checkNarrowLayout } from './layout.mjs';
import { SPANISH, walk } from './walk.mjs';

const app = sharedSession({ locale: 'es-ES' });

const lang = (page) => page.evaluate(() => document.documentElement.lang);

/** Opens the intake and goes past its first screen. */
async function openIntake(page, begin) {
  await page.goto(app.url('guides/start'));
  await page.getByRole('button', { name: begin }).click();
}

test('a browser in Spanish gets Mend in Spanish: the page says so, and the frame speaks it', async () => {
  const { page } = app;
  await freshStart(page, app.url());
  await page.goto(app.url('guides'));
  await h1(page, 'Guías');
  assert.equal(await lang(page), 'es', '<html lang> follows the language shown');
  const nav = page.getByRole('navigation', { name: 'Principal' });
  for (const name of ['Tu camino', 'Guías', 'Historial', 'Ajustes']) {
    await nav.getByRole('link', { name, exact: true }).waitFor();
  }
  await page.getByRole('link', { name: 'Seguridad', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Salida rápida' }).waitFor();
  await checkAccessibility(page, 'the Guides page in Spanish');
});

test('the intake in Spanish keeps its answers across a reload and across a change of language mid-guide', async () => {
  const { page } = app;
  await freshStart(page, app.url());
  await openIntake(page, /^(Empezar|Continuar donde lo dejaste)$/);
  const mine = page.getByRole('radio', { name: 'Rompieron mi confianza', exact: true });
  await mine.check();
  await waitUntil(page, () => localStorage.getItem('mend.document')?.includes('"hurt"'), 'the answer is saved');
  await checkAccessibility(page, 'an intake question in Spanish');

  // A reload comes back to the same question, in Spanish, answered.
  await page.reload();
  await mine.waitFor();
  assert.ok(await mine.isChecked(), 'the answer is there after a reload');

  // Settings: English, applied at once, the answers as they were.
  await page.goto(app.url('settings'));
  await h1(page, 'Ajustes');
  await page.getByRole('radio', { name: 'English', exact: true }).click();
  await h1(page, 'Settings');
  assert.equal(await lang(page), 'en');
  // The intake opens where it was left, now in English, answered.
  await page.goto(app.url('guides/start'));
  const same = page.getByRole('radio', { name: 'My trust was broken', exact: true });
  await same.waitFor();
  assert.ok(await same.isChecked(), 'the same answer, read in English');
  // And back: the choice is kept with the settings, and read again.
  await page.goto(app.url('settings'));
  await page.getByRole('radio', { name: 'Español', exact: true }).click();
  await h1(page, 'Ajustes');
  await page.reload();
  await h1(page, 'Ajustes');
  assert.equal(await lang(page), 'es');
});

test('in Spanish, the crisis page gives lines to call at once, those that answer in Spanish first', async () => {
  const { page } = app;
  await freshStart(page, app.url());
  // A reader in the United States: 988 answers in Spanish too.
  await page.evaluate(() => localStorage.setItem('mend.prefs', JSON.stringify({ country: 'US' })));
  await page.goto(app.url('right-now'));
  await page.locator('main h1').waitFor();
  await waitUntil(page, () => document.documentElement.lang === 'es', 'shown in Spanish');
  assert.ok((await page.locator('a[href^="tel:"]').count()) > 0, 'crisis lines as tel: links');
  // The country is named in Spanish, in the sentence and in the picker.
  await page.getByText(/llama al 911 \(Estados Unidos\)/).first().waitFor();
  assert.equal(await page.getByLabel('Tu país').first().locator('option:checked').innerText(), 'Estados Unidos');
  // A line that does not answer in Spanish is tagged "En inglés" (or its
  // own language); every line that does comes before any of them.
  const lines = await page.locator('ul.helplines').first().locator(':scope > li').allInnerTexts();
  const inSpanish = lines.map((text) => !/^En (inglés|francés)$/m.test(text));
  assert.ok(inSpanish[0], `the first line answers in Spanish: ${lines[0]}`);
  assert.deepEqual(inSpanish, [...inSpanish].sort((a, b) => b - a), 'lines in Spanish first');
  assert.ok(inSpanish.includes(false), 'and the others are still there, after them');
  await checkAccessibility(page, 'the crisis page in Spanish');
});

test('in Spanish on a 320 px phone with a wide font, nothing is cut off, scrolls sideways or is too small to tap', async () => {
  const phone = await app.anotherBrowser({ viewport: { width: 320, height: 640 }, locale: 'es-ES' });
  try {
    const { page } = phone;
    for (const path of ['', 'guides', 'history', 'safety', 'right-now', 'settings', 'guides/start']) {
      await page.goto(app.url(path));
      await page.locator('main h1').waitFor();
      await waitUntil(page, () => document.documentElement.lang === 'es', `/${path} in Spanish`);
      await checkNarrowLayout(page, `/${path} in Spanish`);
    }
  } finally {
    await phone.close();
  }
});

test('a guide in Spanish, walked to its results, and a fear said there opens the Safety page in Spanish first', async () => {
  const { page } = app;
  await freshStart(page, app.url());
  const routed = await walk(page, app.url('guides/finding-a-counsellor'), 'Buscar terapia', { afraid: 'Sí' }, { words: SPANISH });
  assert.deepEqual(routed, ['Tu seguridad'], 'fear opens the Safety page first, in Spanish');
  await checkAccessibility(page, "a guide's results in Spanish");
});

test('a weekly check-in in Spanish shows on the trust chart in History, and the counsellor summary downloads in Spanish', async () => {
  const { page } = app;
  await freshStart(page, app.url());
  await walk(page, app.url('guides/weekly-check-in'), 'Revisión semanal', {}, { words: SPANISH });
  await page.goto(app.url('history'));
  await h1(page, 'Historial');
  // The trust chart's table (what a screen reader reads) holds this week.
  await page.locator('main table').first().waitFor({ state: 'attached' });
  assert.match(await page.locator('main table').first().textContent(), /\d/, 'a score in the chart');
  await checkAccessibility(page, 'History in Spanish');
  await page.goto(app.url('history/summary'));
  await page.locator('main h1').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /Descargar/ }).first().click(),
  ]);
  const text = fs.readFileSync(await download.path(), 'utf8');
  assert.match(text, /Revisión semanal/, 'the summary names the guide in Spanish');
  assert.doesNotMatch(text, /Weekly check-in/, 'and not in English');
});

test('Quick exit in Spanish leaves at once, and Back finds Mend closed, in Spanish', async (t) => {
  const exitSite = 'https://www.bbc.com';
  const own = await session(t, { locale: 'es-ES', neutralSite: exitSite, expect: { foreignRequests: [`${exitSite}/weather`] } });
  const { page } = own;
  // Two pages of Mend in this tab's history: Quick exit replaces the one
  // it leaves, so Back comes to the one before.
  await page.goto(own.url(''));
  await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Guías', exact: true }).click();
  await h1(page, 'Guías');
  await page.getByRole('button', { name: 'Salida rápida' }).click();
  await page.waitForURL(`${exitSite}/weather`);
  await page.goBack();
  await h1(page, 'Mend está cerrado');
});

test('a language whose words cannot be downloaded says so in Settings, and Mend stays as it was', async (t) => {
  const CUT = /^Failed to load resource: net::ERR_INTERNET_DISCONNECTED$/;
  const own = await session(t, { serviceWorkers: 'block', expect: { pageErrors: CUT } });
  const { page } = own;
  await page.route('**/i18n/*.json', (route) => route.abort('internetdisconnected'));
  await page.goto(own.url('settings'));
  await h1(page, 'Settings');
  await page.getByRole('radio', { name: 'Español', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: "couldn't download its words in that language" }).waitFor();
  await h1(page, 'Settings');
  assert.equal(await lang(page), 'en', 'still in English');
  assert.ok(await page.getByRole('radio', { name: 'English', exact: true }).isChecked(), 'the choice shows what is shown');
  // With the connection back, choosing it again works.
  await page.unroute('**/i18n/*.json');
  await page.getByRole('radio', { name: 'Español', exact: true }).click();
  await h1(page, 'Ajustes');
});

test('a browser in Spanish whose words cannot be downloaded still gets Mend, in English', async (t) => {
  const CUT = /^Failed to load resource: net::ERR_INTERNET_DISCONNECTED$/;
  const own = await session(t, { locale: 'es-ES', serviceWorkers: 'block', expect: { pageErrors: CUT } });
  const { page } = own;
  await page.route('**/i18n/*.json', (route) => route.abort('internetdisconnected'));
  await page.goto(own.url('guides'));
  await h1(page, 'Guides');
  assert.equal(await lang(page), 'en');
  await page.getByRole('button', { name: 'Quick exit' }).waitFor();
});

test('a fault in Mend is explained in Spanish, with Reload and Quick exit', async (t) => {
  const own = await session(t, { locale: 'es-ES', expect: { pageErrors: /a panic forced by a test/ } });
  const { page } = own;
  await page.goto(own.url('guides'));
  await h1(page, 'Guías');
  // A panic cannot be reached from the interface; the release build
  // exports one for the tests (src/lib.rs).
  await page.evaluate(() => {
    try {
      window.wasmBindings.mendForcePanicForTests();
    } catch {
      // Release builds abort: the call throws "unreachable".
    }
  });
  const alert = page.getByRole('alert');
  await alert.getByRole('heading', { level: 1, name: 'Mend tuvo un problema' }).waitFor();
  await alert.getByText('Todo lo guardado hasta ahora sigue en este dispositivo.', { exact: false }).waitFor();
  await alert.getByRole('link', { name: 'Volver a cargar' }).waitFor();
  assert.equal(await alert.getByRole('link', { name: 'Salida rápida' }).getAttribute('href'), 'https://www.bbc.com/weather');
});
