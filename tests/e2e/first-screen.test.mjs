// Help that never waits for the WebAssembly: the home screen's first view,
// the Safety page and the Right now page are plain HTML written by the build
// (scripts/first_screen.py) from the same data as the app. They work with
// JavaScript turned off, show at once while the wasm is still on its way,
// and the app takes over in place when it starts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, sharedSession, stored } from './support.mjs';
import { checkAccessibility } from './axe.mjs';

const noScript = sharedSession({ javaScriptEnabled: false });
const noWasm = sharedSession({ waitForApp: false });

/** Every `tel:` link on the page, as [text, href]. */
const telLinks = (page) =>
  page.locator('a[href^="tel:"]').evaluateAll((links) => links.map((a) => [a.textContent.trim(), a.getAttribute('href')]));

test('with JavaScript off, Right now gives every country\'s crisis lines as tel: links, Quick exit, and says what Mend needs', async () => {
  const { page } = noScript;
  await page.goto(noScript.url('right-now'));
  await page.getByRole('heading', { level: 1, name: 'Right now' }).waitFor();
  await page.getByRole('heading', { name: 'For the next few minutes' }).waitFor();
  const tel = await telLinks(page);
  for (const [text, href] of [['988', 'tel:988'], ['999', 'tel:999'], ['000', 'tel:000']]) {
    assert.ok(tel.some(([t, h]) => t === text && h === href), `${text} as ${href} in ${JSON.stringify(tel)}`);
  }
  // Grouped by country, each with its emergency number, the UK with its silent call.
  for (const country of ['United States', 'Canada', 'United Kingdom', 'Ireland', 'Australia', 'New Zealand']) {
    await page.getByRole('region', { name: country }).getByRole('heading', { name: country }).waitFor();
  }
  await page.getByRole('region', { name: 'United States' }).getByText('988 Suicide & Crisis Lifeline').waitFor();
  await page.getByRole('region', { name: 'United Kingdom' }).getByText(/press 55/).waitFor();
  await page.getByText(/Calls from this phone show in its call log/).first().waitFor();
  const exit = page.getByRole('link', { name: 'Quick exit' });
  assert.equal(await exit.getAttribute('href'), 'https://www.bbc.com/weather');
  await page.getByText(/Mend needs JavaScript and WebAssembly/).waitFor();
});

test('with JavaScript off, Safety gives abuse lines everywhere, the danger-now card and a link to Right now', async () => {
  const { page } = noScript;
  await page.goto(noScript.url('safety'));
  await page.getByRole('heading', { level: 1, name: 'Your safety' }).waitFor();
  await page.getByRole('heading', { name: 'If you are in danger right now' }).waitFor();
  await page.getByText('Please call your local emergency number.').waitFor();
  const hotline = page.getByRole('listitem').filter({ hasText: 'National Domestic Violence Hotline' });
  assert.equal(await hotline.getByRole('link', { name: '800-799-SAFE (7233)' }).getAttribute('href'), 'tel:+18007997233');
  await page.getByRole('listitem').filter({ hasText: "Men's Advice Line" }).waitFor();
  await page.getByRole('heading', { name: 'It is not your fault' }).waitFor();
  await page.getByRole('link', { name: 'Right now' }).click();
  await page.getByRole('heading', { level: 1, name: 'Right now' }).waitFor();
});

test('with JavaScript off, the home screen shows its welcome, Get started, Safety and Quick exit', async () => {
  const { page } = noScript;
  await page.goto(noScript.url());
  await page.getByRole('heading', { level: 1, name: 'Rebuild trust, one honest step at a time' }).waitFor();
  assert.match(await page.getByRole('link', { name: 'Get started' }).getAttribute('href'), /guides\/start$/);
  await page.getByRole('link', { name: 'Safety', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Your safety' }).waitFor();
  await page.getByRole('link', { name: 'Quick exit' }).waitFor();
});

test('while the wasm is still on its way, the first screen and the crisis lines are already there and work', async () => {
  const { page, context } = noWasm;
  // Hold every wasm download: the app cannot start.
  await context.route('**/*.wasm', () => {});
  try {
    await page.goto(noWasm.url());
    await page.getByRole('heading', { level: 1, name: 'Rebuild trust, one honest step at a time' }).waitFor();
    await page.getByRole('link', { name: 'Get started' }).waitFor();
    await page.getByRole('link', { name: 'Quick exit' }).waitFor();
    await checkAccessibility(page, 'the static home screen');
    await page.getByRole('link', { name: 'Safety', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Your safety' }).waitFor();
    await page.goto(noWasm.url('right-now'));
    await page.getByRole('region', { name: 'United States' }).getByRole('link', { name: '988' }).first().waitFor();
    await checkAccessibility(page, 'the static Right now page');
    await page.goto(noWasm.url('safety'));
    await page.getByRole('heading', { name: 'It is not your fault' }).waitFor();
    await checkAccessibility(page, 'the static Safety page');
    // A deep link shows the plain "Opening Mend…", never the welcome; the
    // Guides page too, though the build has a folder of that name.
    for (const address of ['history', 'guides']) {
      await page.goto(noWasm.url(address));
      await page.getByText('Opening Mend…').waitFor();
      assert.equal(await page.getByRole('heading', { name: 'Rebuild trust, one honest step at a time' }).count(), 0, address);
    }
    // Someone who has started sees "Opening Mend…" on the home screen, not a welcome.
    await page.evaluate(() => localStorage.setItem('mend.document', '{}'));
    await page.goto(noWasm.url());
    await page.getByText('Opening Mend…').waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Rebuild trust, one honest step at a time' }).isVisible(), false);
    await page.evaluate(() => localStorage.clear());
  } finally {
    await context.unroute('**/*.wasm');
  }
});

test('with JavaScript off, a Spanish reader finds the crisis lines in Spanish one link away, and stays in Spanish', async () => {
  const { page } = noScript;
  await page.goto(noScript.url('right-now'));
  await page.getByRole('heading', { level: 1, name: 'Right now' }).waitFor();
  await page.getByRole('link', { name: 'Leer esta página en español' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ahora mismo' }).waitFor();
  assert.equal(await page.getByRole('heading', { level: 1, name: 'Right now' }).count(), 0, 'the English copy is gone');
  // The same lines, as tel: links, in Spanish words.
  const us = page.getByRole('region', { name: 'Estados Unidos' });
  await us.getByText('Número de emergencias').waitFor();
  const lifeline = us.getByRole('listitem').filter({ hasText: '988 Suicide & Crisis Lifeline' });
  assert.equal(await lifeline.getByRole('link', { name: '988', exact: true }).getAttribute('href'), 'tel:988');
  await lifeline.getByText('También en inglés').waitFor();
  // When it answers and how to text it, in Spanish too.
  await lifeline.getByText('Las 24 horas, todos los días').waitFor();
  await lifeline.getByText(/Mensaje de texto al 988\./).waitFor();
  await page.getByRole('link', { name: 'Salida rápida' }).waitFor();
  await page.getByText(/Mend necesita JavaScript y WebAssembly/).waitFor();
  // Safety, from the Spanish header, opens in Spanish too.
  await page.getByRole('link', { name: 'Seguridad', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Tu seguridad' }).waitFor();
  await page.getByText('Por favor, llama a tu número de emergencias local.').waitFor();
  // The home page, from the Spanish navigation, is Spanish too.
  await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Tu camino' }).click();
  await page.getByRole('heading', { level: 1, name: 'Reconstruye la confianza, paso a paso y con sinceridad' }).waitFor();
  await page.goto(noScript.url('safety#es'));
  await page.getByRole('link', { name: 'Read this page in English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your safety' }).waitFor();
});

test('a browser in Spanish gets the static pages in Spanish before the wasm, and the app in Spanish with no English between', async () => {
  const spanish = await noWasm.anotherBrowser({ locale: 'es-ES', waitForApp: false });
  const { page, context } = spanish;
  await context.route('**/*.wasm', () => {});
  try {
    await page.goto(noWasm.url('right-now'));
    await page.getByRole('heading', { level: 1, name: 'Ahora mismo' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
    assert.equal(await page.title(), 'Ahora mismo · Mend');
    // Lines that answer in Spanish come first, as the app lists them.
    const us = page.getByRole('region', { name: 'Estados Unidos' });
    const first = us.getByRole('listitem').first();
    await first.getByText('988 Suicide & Crisis Lifeline').waitFor();
    await checkAccessibility(page, 'the static Right now page in Spanish');
    await page.goto(noWasm.url());
    await page.getByRole('heading', { level: 1, name: 'Reconstruye la confianza, paso a paso y con sinceridad' }).waitFor();
    assert.match(await page.getByRole('link', { name: 'Empezar' }).getAttribute('href'), /guides\/start(#es)?$/);
    await page.getByRole('link', { name: 'Salida rápida' }).waitFor();
    await checkAccessibility(page, 'the static home screen in Spanish');
    await page.goto(noWasm.url('guides/start'));
    await page.getByRole('heading', { level: 1, name: 'Para empezar' }).waitFor();
    await page.getByRole('link', { name: 'Empezar' }).click();
    await page.getByRole('radio', { name: 'Rompieron mi confianza' }).waitFor();
    await page.goto(noWasm.url('history'));
    await page.getByText('Abriendo Mend…').waitFor();
  } finally {
    await context.unroute('**/*.wasm');
  }
  // The app starts once its Spanish words are here: hold them, and the
  // static page in Spanish stays; let them through, and the app is Spanish.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await context.route('**/i18n/es-*.json', async (route) => {
    await held;
    await route.continue();
  });
  try {
    // The wasm has started once it asks for the words.
    const asked = page.waitForRequest(/\/i18n\/es-[0-9a-f]+\.json$/);
    await page.goto(noWasm.url('safety'));
    await page.getByRole('heading', { level: 1, name: 'Tu seguridad' }).waitFor();
    await asked;
    assert.equal(await page.locator('#opening').count(), 1, 'the static page stays while the words download');
    assert.equal(await page.getByRole('heading', { level: 1, name: 'Your safety' }).count(), 0);
    release();
    await page.waitForFunction(() => !document.getElementById('opening'));
    await page.getByRole('heading', { level: 1, name: 'Tu seguridad' }).waitFor();
    await page.getByRole('button', { name: 'Salida rápida' }).waitFor();
  } finally {
    release();
    await context.unroute('**/i18n/es-*.json');
    await spanish.close();
  }
});

test('before the wasm, the intake\'s first question can be answered, and the app keeps the choice and saves it', async () => {
  // A fresh browser, phone-sized: no service worker yet, so holding the
  // wasm holds the app.
  const fresh = await noWasm.anotherBrowser({ waitForApp: false, viewport: { width: 390, height: 664 } });
  const { page, context } = fresh;
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await context.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  try {
    // Someone who has started sees "Opening Mend…", not an introduction
    // whose answers would not be theirs.
    await page.goto(noWasm.url());
    await page.evaluate(() => localStorage.setItem('mend.document', '{}'));
    await page.goto(noWasm.url('guides/start'));
    await page.getByText('Opening Mend…').waitFor();
    assert.equal(await page.getByRole('link', { name: 'Begin' }).count(), 0);
    await page.evaluate(() => localStorage.clear());
    await page.goto(noWasm.url('guides/start'));
    await page.getByRole('heading', { level: 1, name: 'Getting started' }).waitFor();
    assert.equal(await page.title(), 'Getting started · Mend');
    await page.getByRole('link', { name: 'Quick exit' }).waitFor();
    await page.getByRole('link', { name: 'Begin' }).click();
    await page.getByRole('group', { name: 'Which of these fits you best right now?' }).waitFor();
    // Focus follows to the screen's heading, as in the app: Begin is gone.
    await page.waitForFunction(() => document.activeElement?.textContent === 'Where you are');
    // And Quick exit is still in view: the page did not scroll it away.
    const exitTop = await page.getByRole('link', { name: 'Quick exit' }).evaluate((a) => a.getBoundingClientRect().top);
    assert.ok(exitTop >= 0, `Quick exit is in view after Begin (top ${exitTop})`);
    // The number beside an option chooses it, as in the app.
    await page.keyboard.press('3');
    assert.ok(await page.getByRole('radio', { name: 'We both did: it goes both ways' }).isChecked(), '3 chose the third option');
    await page.keyboard.press('2');
    assert.ok(await page.getByRole('radio', { name: 'My trust was broken' }).isChecked(), '2 chose the second');
    await page.getByRole('radio', { name: 'My trust was broken' }).check();
    const progress = await page.getByText(/^Question 1 of \d+$/).innerText();
    await checkAccessibility(page, 'the intake\'s first question before the app');
    // Next before the app is here says it is coming, and loses nothing.
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('status').filter({ hasText: 'Opening Mend…' }).waitFor();
    assert.ok(await page.getByRole('radio', { name: 'My trust was broken' }).isChecked());
    release();
    await page.waitForFunction(() => !document.getElementById('opening'));
    // The app's own first screen, with the choice kept and saved.
    const role = page.getByRole('radio', { name: 'My trust was broken' });
    await role.waitFor();
    assert.ok(await role.isChecked(), 'the choice made before the app is kept');
    await page.getByText(progress, { exact: true }).waitFor();
    assert.doesNotMatch(page.url(), /#/, 'the address no longer carries the static screen');
    await page.waitForFunction(() => (localStorage.getItem('mend.document') || '').includes('"role"'));
    const intake = (await stored(page)).data.entries.find((entry) => entry.guide === 'start');
    assert.deepEqual(intake.answers.role, { type: 'choice', value: 'hurt' });
    // And the intake goes on from there.
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('group', { name: 'Who is the other person to you?' }).waitFor();
  } finally {
    release();
    await fresh.close();
  }
});

test('where the browser blocks site data, Next on the static intake still sends nothing and Quick exit still leaves at once', async () => {
  const blocked = await noWasm.anotherBrowser({ waitForApp: false, neutralSite: 'https://www.bbc.com' });
  const { page, context } = blocked;
  await context.route('**/*.wasm', () => {});
  // As a browser set to block site data: reading storage throws.
  await context.addInitScript(() => {
    for (const name of ['localStorage', 'sessionStorage']) {
      Object.defineProperty(window, name, {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    }
  });
  try {
    await page.goto(noWasm.url('guides/start'));
    await page.getByRole('link', { name: 'Begin' }).click();
    await page.getByRole('radio', { name: 'My trust was broken' }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('status').filter({ hasText: 'Opening Mend…' }).waitFor();
    assert.doesNotMatch(page.url(), /role=/, 'the answer never goes into the address');
    assert.ok(await page.getByRole('radio', { name: 'My trust was broken' }).isChecked());
    // Quick exit leaves with location.replace: Back does not come back here.
    noWasm.expect({ foreignRequests: ['https://www.bbc.com/weather'] });
    await page.getByRole('link', { name: 'Quick exit' }).click();
    await page.waitForURL('https://www.bbc.com/weather');
  } finally {
    await blocked.close();
  }
});

test('with JavaScript off the intake page says what Mend needs and offers no Begin', async () => {
  const { page } = noScript;
  await page.goto(noScript.url('guides/start'));
  await page.getByRole('heading', { level: 1, name: 'Getting started' }).waitFor();
  await page.getByText(/Mend needs JavaScript and WebAssembly/).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Begin' }).count(), 0, 'nothing answered here could be kept');
});

test('the app takes over in place: the same heading, the static page gone, the policy kept', async () => {
  const { page } = noWasm;
  for (const [address, heading] of [['', 'Rebuild trust, one honest step at a time'], ['safety', 'Your safety'], ['right-now', 'Right now']]) {
    await page.goto(noWasm.url(address));
    await page.waitForFunction(() => !document.getElementById('opening'));
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    assert.equal(await page.locator('h1').count(), 1, `one heading on ${address || '/'}`);
  }
  // The app's own controls are there: the country picker and the Quick exit button.
  await page.getByLabel('Your country').first().waitFor();
  await page.getByRole('button', { name: 'Quick exit' }).waitFor();
});

test('with no country known, the app lists every country\'s lines grouped, as the static page does', async () => {
  // A browser whose language names no country Mend knows.
  const german = await noWasm.anotherBrowser({ locale: 'de-DE' });
  try {
    const { page } = german;
    await page.goto(noWasm.url('right-now'));
    assert.equal(await page.getByLabel('Your country').first().inputValue(), '');
    for (const country of ['United States', 'United Kingdom', 'New Zealand']) {
      await page.getByRole('region', { name: country }).getByRole('link').first().waitFor();
    }
    await page.getByLabel('Your country').first().selectOption('GB');
    await page.getByText(/press 55/).first().waitFor();
    assert.equal(await page.getByRole('region', { name: 'United States' }).count(), 0);
  } finally {
    await german.close();
  }
});

test('after Quick exit the static pages show nothing of Mend; the chosen neutral title and exit site hold before the app', async () => {
  // A fresh browser: no service worker yet, so holding the wasm holds the app.
  const fresh = await noWasm.anotherBrowser({ waitForApp: false, neutralSite: 'https://example.org' });
  const { page, context } = fresh;
  noWasm.expect({ foreignRequests: ['https://example.org/news'] });
  await context.route('**/*.wasm', () => {});
  try {
    await page.goto(noWasm.url());
    await page.evaluate(() => {
      localStorage.setItem('mend.closed', '1');
      localStorage.setItem('mend.prefs', JSON.stringify({ neutral_title: true, exit_url: 'https://example.org/news' }));
    });
    await page.goto(noWasm.url('safety'));
    await page.locator('#opening').waitFor({ state: 'attached' });
    assert.equal(await page.getByRole('heading', { name: 'Your safety' }).isVisible(), false, 'hidden after Quick exit');
    assert.equal(await page.title(), 'Notes');
    await page.evaluate(() => localStorage.removeItem('mend.closed'));
    await page.goto(noWasm.url('history'));
    // Every address has Quick exit from the first moment, and it goes where the user chose.
    await page.getByText('Opening Mend…').waitFor();
    await page.getByRole('link', { name: 'Quick exit' }).click();
    await page.waitForURL('https://example.org/news');
    // Back finds nothing of Mend: the static Quick exit closed it, as the app's does.
    await page.goBack();
    await page.locator('#opening').waitFor({ state: 'attached' });
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('closed-before-app')), true);
    assert.equal(await page.getByText('Opening Mend…').isVisible(), false, 'nothing of Mend shows');
  } finally {
    await fresh.close();
  }
});

test('the static pages are part of the build and of the offline cache', () => {
  for (const file of ['index.html', 'safety.html', 'right-now.html', 'shell.html', 'guides/start.html', 'first-screen.js']) {
    assert.ok(fs.existsSync(path.join(DIST, file)), `${file} is built`);
  }
  const worker = fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8');
  for (const file of ['"safety.html"', '"right-now.html"', '"shell.html"', '"guides/start.html"', '"first-screen.js"']) {
    assert.ok(worker.includes(file), `${file} is precached`);
  }
  // The shell stands for every address, so it has no link to "this page" in another language.
  assert.doesNotMatch(fs.readFileSync(path.join(DIST, 'shell.html'), 'utf8'), /Leer esta página/);
  assert.equal(
    fs.readFileSync(path.join(DIST, '404.html'), 'utf8'),
    fs.readFileSync(path.join(DIST, 'shell.html'), 'utf8'),
    'a host\'s 404 page is the plain shell',
  );
  for (const file of ['index.html', 'safety.html', 'right-now.html', 'guides/start.html']) {
    const html = fs.readFileSync(path.join(DIST, file), 'utf8');
    // Hidden by the markup too: without the style sheet only English shows.
    assert.match(html, /<div class="?first-lang"? id="?es"? lang="?es"?[^>]*\bhidden/, `${file}: the Spanish copy is hidden`);
    assert.match(html, /Content-Security-Policy/, `${file} carries the policy`);
    assert.doesNotMatch(html, /style="/, `${file} has no inline style`);
  }
});
