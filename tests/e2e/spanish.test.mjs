// Mend in Spanish, as a person whose browser speaks Spanish meets it: the
// frame, the intake with its answers kept across a reload and a change of
// language in the middle of it, the path the intake suggests for each role,
// a danger answer leading to the Safety page, a check-in's commitments kept
// week by week, the crisis page, and the layout and accessibility checks,
// which longer words are the first to break.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { freshStart, h1, savedDocument, session, sharedSession, startWith, stored, waitUntil } from './support.mjs';
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
  // When a line answers is in Spanish too.
  await page.getByText('Las 24 horas, todos los días').first().waitFor();
  assert.equal(await page.getByText('24 hours, every day').count(), 0);
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

/** Next, in Spanish. */
const siguiente = (page) => page.getByRole('button', { name: SPANISH.next }).click();

/** A yes/no question of the intake answered, by its label ("Sí", "No"). */
const yesNo = (page, question, answer) =>
  page.locator(`fieldset[data-question="${question}"]`).getByRole('radio', { name: answer, exact: true }).check();

/**
 * The intake from a fresh start, in Spanish, answered as a calm person
 * would (as program.test.mjs answers it in English), with `role` and
 * `afraid` as given. Stops on the page a danger answer opens.
 */
async function intakeInSpanish(page, { role, afraid = 'No' }) {
  await freshStart(page, app.url());
  await openIntake(page, 'Empezar');
  await page.getByRole('radio', { name: role, exact: true }).check();
  await siguiente(page);
  await page.getByRole('radio', { name: 'Es mi pareja o cónyuge' }).check();
  await page.getByLabel('¿Cómo quieres llamar aquí a esa persona?').fill('Sam');
  await siguiente(page);
  await page.getByRole('checkbox', { name: 'Una mentira' }).check();
  await page.getByRole('radio', { name: 'Hace unos meses' }).check();
  await siguiente(page);
  await yesNo(page, 'willing', 'Sí');
  await page.getByRole('radio', { name: 'Reconstruir la confianza' }).check();
  await siguiente(page);
  await page.getByRole('heading', { name: 'Cómo estás' }).waitFor();
  await yesNo(page, 'self-harm', 'No');
  await siguiente(page);
  await page.getByRole('heading', { name: 'Sentirte a salvo' }).waitFor();
  await yesNo(page, 'afraid', afraid);
  await yesNo(page, 'harm', 'No');
  await siguiente(page);
  if (afraid === 'Sí') return;
  await page.getByRole('heading', { name: 'Entre tú y la otra persona' }).waitFor();
  await yesNo(page, 'uses-harm', 'No');
  await siguiente(page);
  await page.getByRole('heading', { level: 1, name: SPANISH.review('Para empezar') }).waitFor();
  await page.getByRole('button', { name: SPANISH.seeResults }).click();
  await page.getByRole('link', { name: 'Ver tu camino' }).click();
  await h1(page, 'Tu camino');
}

/** The guides "Tu camino" suggests, in order. */
const pathTitles = (page) => page.getByRole('list', { name: 'Tus guías sugeridas' }).getByRole('link').allInnerTexts();

// The first three guides of each role's path (content/paths.toml), as
// program.test.mjs expects them in English, by their Spanish titles
// (content/guides/es/<id>.toml).
const EXPECTED_START = {
  'Yo rompí la confianza': ['Asumir tu parte', 'Preparar una disculpa', 'Cuánto contar'],
  'Rompieron mi confianza': ['Entender la herida', 'Tu equilibrio', '¿Se puede reconstruir esto?'],
  'Fue mutuo: se rompió por ambos lados': ['¿Se puede reconstruir esto?', 'Asumir tu parte', 'Entender la herida'],
  'No lo sé': ['Revisión de seguridad', '¿Se puede reconstruir esto?', 'Entender la herida'],
};

for (const [role, first] of Object.entries(EXPECTED_START)) {
  test(`the intake in Spanish for "${role}" leads to that role's path, in Spanish, worded for the person named`, async () => {
    const { page } = app;
    await intakeInSpanish(page, { role });
    const titles = await pathTitles(page);
    assert.deepEqual(titles.slice(0, 3), first);
    if (role !== 'No lo sé') assert.ok(!titles.includes('Revisión de seguridad'), 'no danger, no safety detour');
    const stepOne = page.getByRole('listitem').filter({ hasText: first[0] });
    await stepOne.getByText('Sin empezar').waitFor();
    // Wording follows the intake: the name given appears in the guide.
    await page.getByRole('link', { name: `Siguiente: ${first[0]}` }).click();
    await h1(page, first[0]);
    await page.getByText(/Sam/).first().waitFor();
  });
}

test('a danger answer in the Spanish intake opens the Safety page in Spanish and takes repair work off the path', async () => {
  const { page } = app;
  await intakeInSpanish(page, { role: 'Yo rompí la confianza', afraid: 'Sí' });
  await h1(page, 'Tu seguridad');
  await page.getByText('No es tu culpa').waitFor();
  // Chromium here speaks es-ES, so Spain's lines show first.
  const country = page.getByLabel('Tu país').first();
  await country.waitFor();
  assert.equal(await country.locator('option:checked').innerText(), 'España');
  await page.getByRole('link', { name: '016', exact: true }).first().waitFor();
  // The country can be changed, by its Spanish name, and the lines follow.
  await country.selectOption({ label: 'Estados Unidos' });
  await page.getByText('800-799-SAFE (7233)').first().waitFor();
  await country.selectOption({ label: 'España' });
  await page.getByRole('link', { name: '016', exact: true }).first().waitFor();
  await page.getByText('Si estás pensando en irte').waitFor();

  await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Tu camino', exact: true }).click();
  await page.getByRole('heading', { name: 'Tu seguridad es lo primero', exact: true }).waitFor();
  const titles = await pathTitles(page);
  assert.equal(titles[0], 'Revisión de seguridad');
  for (const repair of ['Preparar una disculpa', 'La conversación sobre lo que pasó', 'Comprometerse con el proceso', 'El perdón']) {
    assert.ok(!titles.includes(repair), `${repair} is not suggested`);
  }
  // Only what paths.toml keeps for danger, whatever the role, each by its Spanish title.
  const forDanger = ['Revisión de seguridad', 'Mi plan', 'Tu equilibrio', 'Buscar terapia', 'Entender la herida', 'Reconstruir o seguir adelante', 'Seguir adelante'];
  assert.deepEqual(titles.filter((title) => !forDanger.includes(title)), [], 'no repair guide on the path');
  await page.getByText(/Mend ha dejado de lado los ejercicios de reparación/).waitFor();
});

/** A date as Mend writes it in Spanish ("4 de octubre de 2026"), from a local Date. */
const fechaLarga = (d) => new Intl.DateTimeFormat('es', { day: 'numeric', month: 'long', year: 'numeric' }).format(d);
const isoDate = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
/** The Monday of the week `d` falls in. */
const monday = (d) => new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7));
const daysAgo = (n) => {
  const d = new Date();
  d.setDate(d.getDate() - n);
  return d;
};

test('in Spanish, commitments are tracked, the weekly check-in marks a week, and History shows it week by week', async () => {
  const { page } = app;
  const plans = 'Avisar a Sam antes del martes si cambian mis planes';
  const phone = 'Nada de teléfono en la cena';
  const finished = daysAgo(20);
  // A finished "Cumplir tu palabra" with two commitments, as commitments.test.mjs seeds it.
  await startWith(page, app.url(), savedDocument({
    name: 'Sam',
    entries: [{
      id: 'backing-words-with-actions-1',
      guide: 'backing-words-with-actions',
      started_on: isoDate(finished),
      completed_on: isoDate(finished),
      answers: { commitments: { type: 'list', value: [plans, phone] } },
      current_step: null,
    }],
  }));

  // History: both commitments, tracked from the day the guide was finished.
  await page.goto(app.url('history'));
  await h1(page, 'Historial');
  const section = page.getByRole('region', { name: 'Compromisos' });
  const plansCard = section.getByRole('article', { name: plans });
  await plansCard.getByText(`Desde el ${fechaLarga(finished)}`, { exact: true }).waitFor();
  await plansCard.getByText(/^\d+ semanas, ninguna marcada todavía\.$/).waitFor();
  await section.getByRole('article', { name: phone }).waitFor();

  // The weekly check-in asks about each one on its "Compromisos" step.
  await page.goto(app.url('guides/weekly-check-in'));
  await page.getByRole('button', { name: SPANISH.begin }).click();
  await page.getByRole('heading', { name: 'Lo bueno' }).waitFor();
  await siguiente(page);
  await page.getByRole('heading', { name: 'Una preocupación' }).waitFor();
  await siguiente(page);
  await page.getByRole('heading', { name: 'Compromisos', exact: true }).waitFor();
  const tracking = page.getByRole('region', { name: 'Los compromisos en seguimiento' });
  const plansWeek = tracking.getByRole('group', { name: plans });
  const phoneWeek = tracking.getByRole('group', { name: phone });
  await plansWeek.getByRole('radio', { name: 'No cumplido', exact: true }).check();
  const note = plansWeek.getByLabel('Una nota sobre esta semana (opcional)');
  await note.fill('Se lo dije tarde a Sam, el miércoles');
  await phoneWeek.getByRole('radio', { name: 'Cumplido', exact: true }).check();
  // Changing one's mind in the same check-in changes the week's mark.
  await phoneWeek.getByRole('radio', { name: 'En parte', exact: true }).check();
  await checkAccessibility(page, 'the check-in asking about each commitment, in Spanish');

  const week = isoDate(monday(new Date()));
  await waitUntil(
    page,
    ([week, plans, phone]) => {
      const data = JSON.parse(localStorage.getItem('mend.document')).data;
      const mark = (text) => data.commitments?.find((c) => c.text === text)?.weeks.find((w) => w.week === week);
      return mark(plans)?.note === 'Se lo dije tarde a Sam, el miércoles' && mark(phone)?.mark === 'partly';
    },
    'the marks and the note are saved',
    { arg: [week, plans, phone] },
  );
  const marks = Object.fromEntries((await stored(page)).data.commitments.map((c) => [c.text, c.weeks.map((w) => [w.week, w.mark])]));
  assert.deepEqual(marks, { [plans]: [[week, 'missed']], [phone]: [[week, 'partly']] });

  // History: the week shows as not kept, with the note, in Spanish, and no score.
  await page.goto(app.url('history'));
  await plansCard.getByText(/^Marcaste 1 de \d+ semanas: no cumplido \(1\)\.$/).waitFor();
  await section.getByRole('article', { name: phone }).getByText(/^Marcaste 1 de \d+ semanas: en parte \(1\)\.$/).waitFor();
  await plansCard.getByText('Semana a semana').click();
  const row = plansCard.getByRole('row', { name: new RegExp(fechaLarga(monday(new Date()))) });
  // The table is drawn when first opened: wait for it before reading it.
  await row.getByRole('cell').first().waitFor();
  assert.deepEqual(await row.getByRole('cell').allTextContents(), ['No cumplido', 'Se lo dije tarde a Sam, el miércoles']);
  const unmarked = plansCard.getByRole('row', { name: new RegExp(fechaLarga(monday(finished))) });
  assert.deepEqual(await unmarked.getByRole('cell').allTextContents(), ['Sin marcar', '']);
  assert.deepEqual(
    await plansCard.getByRole('columnheader').allTextContents(),
    ['Semana', 'Cómo fue', 'Nota'],
    "the table's headings in Spanish",
  );
  await checkAccessibility(page, 'History with commitments, in Spanish');
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

test('a browser in Spanish whose words are slow to come starts Mend in English after a few seconds, then turns Spanish', async (t) => {
  const own = await session(t, { locale: 'es-ES', serviceWorkers: 'block' });
  const { page } = own;
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route('**/i18n/*.json', async (route) => {
    await held;
    await route.continue();
  });
  try {
    await page.goto(own.url('guides'));
    // The static page in Spanish stays while the app waits, then the app starts anyway.
    await h1(page, 'Guides');
    await page.getByRole('button', { name: 'Quick exit' }).waitFor();
    release();
    await h1(page, 'Guías');
  } finally {
    release();
  }
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
  await alert.getByRole('link', { name: 'Recargar' }).waitFor();
  assert.equal(await alert.getByRole('link', { name: 'Salida rápida' }).getAttribute('href'), 'https://www.bbc.com/weather');
});
