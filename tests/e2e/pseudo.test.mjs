// The pseudo-locale (`en-XA`, test builds only: the sub-path copy of the
// build is made with MEND_PSEUDO=1): every message accented and 40% longer.
// A word still written in a view shows up unaccented, and a label a longer
// language would cut off is cut off here first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST_SUBPATH, session, waitUntil } from './support.mjs';
import { checkAccessibility } from './axe.mjs';
import { checkNarrowLayout } from './layout.mjs';

const PAGES = ['', 'guides', 'history', 'settings', 'safety', 'right-now', 'guides/start', 'no-such-page'];

/** Mend in the pseudo-locale, on the sub-path copy of the build. */
async function pseudo(t, options = {}) {
  const opened = await session(t, { root: DIST_SUBPATH, prefix: '/mend/', ...options });
  await opened.page.goto(opened.url(''));
  await opened.page.evaluate(() => localStorage.setItem('mend.prefs', JSON.stringify({ language: 'en-XA' })));
  return opened;
}

async function open(app, path) {
  await app.page.goto(app.url(path));
  await app.page.locator('main h1').waitFor();
  // The pages are rebuilt in the language once its words arrive.
  await waitUntil(
    app.page,
    () => document.documentElement.lang === 'en-XA' && document.querySelector('nav a')?.textContent.startsWith('['),
    `/${path} in the pseudo-locale`,
  );
}

/**
 * Words of the interface's own (the frame, headings, labels, buttons) that
 * are not in the pseudo-locale: left out of the catalogs. Guide text,
 * helpline data and the first screen's words have files of their own.
 */
const unconverted = (page) =>
  page.evaluate(() => {
    const pseudo = /[áéíóúçñÅÉÍØÜ·]/;
    const own = ['Mend', 'English', 'Español', 'Pseudo'];
    const found = [];
    const places = document.querySelectorAll(
      'header a, header button, nav, footer, #settings-main h1, main section h2, main label, main legend, main button, main summary',
    );
    for (const el of places) {
      if (el.closest('.helplines, .helpline, .prose, [data-guide-text]')) continue;
      const text = el.innerText.trim();
      for (const word of text.split(/\s+/)) {
        if (/^[A-Za-z']{4,}$/.test(word) && !pseudo.test(word) && !own.includes(word)) {
          found.push(`${el.tagName.toLowerCase()}: ${text.slice(0, 60)}`);
          break;
        }
      }
    }
    return [...new Set(found)];
  });

test('in the pseudo-locale nothing of the interface is left in English, and nothing is cut off at 320 px', async (t) => {
  const app = await pseudo(t, { viewport: { width: 320, height: 640 } });
  for (const path of PAGES) {
    await open(app, path);
    await checkNarrowLayout(app.page, `/${path} in the pseudo-locale`);
    await checkNarrowLayout(app.page, `/${path} in the pseudo-locale`, { textSpacing: true });
  }
  for (const path of ['history', 'settings']) {
    await open(app, path);
    assert.deepEqual(await unconverted(app.page), [], `/${path}: words not in the catalogs`);
  }
});

test('the check for words left out of the catalogs finds them when they are there', async (t) => {
  // The same page in English: every word of it is "left out".
  const app = await session(t, { root: DIST_SUBPATH, prefix: '/mend/' });
  await app.page.goto(app.url('settings'));
  await app.page.locator('main h1').waitFor();
  assert.ok((await unconverted(app.page)).length > 5, 'English words are found');
});

test('in the pseudo-locale the pages pass axe, light and dark', async (t) => {
  const app = await pseudo(t);
  for (const path of ['guides', 'settings', 'guides/start']) {
    await open(app, path);
    await checkAccessibility(app.page, `/${path} in the pseudo-locale`);
  }
});
