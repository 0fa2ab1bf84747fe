// Walking a guide the way a person would, shared by the e2e tests: each
// screen's questions answered (as given, or with a plain default per kind),
// Next, and back into the guide after a page a safety answer opened.

/**
 * The words a person reads to walk a guide, in English; `SPANISH` has the
 * same for Mend in Spanish (content/i18n/es/guide.toml and the pages a
 * safety answer opens).
 */
export const ENGLISH = {
  next: 'Next',
  begin: 'Begin',
  again: 'Continue where you left off',
  review: (title) => `Review: ${title}`,
  seeResults: 'See my results',
  results: (title) => `Your results: ${title}`,
  addItem: 'Add an item',
  // Where a screen's answers can send the user before the guide goes on.
  routed: ['Right now', 'Your safety', 'If you have frightened or hurt someone'],
};

export const SPANISH = {
  next: 'Siguiente',
  begin: 'Empezar',
  again: 'Continuar donde lo dejaste',
  review: (title) => `Revisar respuestas: ${title}`,
  seeResults: 'Ver mis resultados',
  results: (title) => `Tus resultados: ${title}`,
  addItem: 'Añade un elemento',
  routed: ['Ahora mismo', 'Tu seguridad', 'Si has asustado o hecho daño a alguien'],
};

export const next = (page, words = ENGLISH) => page.getByRole('button', { name: words.next }).click();

/** Where a screen's answers can send the user before the guide goes on. */
export const ROUTED = ENGLISH.routed;

/**
 * Back into the guide at `url` where it was left (after a routed page): the
 * guide opens on the screen the user had reached, or on its introduction
 * with "Continue where you left off".
 */
export async function resume(page, url, words = ENGLISH) {
  await page.goto(url);
  const again = page.getByRole('button', { name: words.again });
  await again.or(page.locator('form.runner')).first().waitFor();
  if (await again.count()) await again.click();
}

/**
 * Walks the guide at `url` to its results, answering by label where
 * `answers` names the question (a radio label, checkbox labels, or text),
 * and otherwise as a calm user might: the first option, "No", the middle of
 * a scale, a few words. Comes back after any page a safety answer opens.
 */
export async function walk(page, url, title, answers = {}, { onStep, words = ENGLISH } = {}) {
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  const again = page.getByRole('button', { name: words.again });
  const begin = page.getByRole('button', { name: words.begin });
  await again.or(begin).or(page.locator('form.runner')).first().waitFor();
  if (await again.count()) await again.click();
  else if (await begin.count()) await begin.click();
  const routedTo = [];
  for (let guard = 0; guard < 40; guard++) {
    const heading = page.getByRole('heading', { level: 1 });
    await heading.first().waitFor();
    const h1 = (await heading.first().innerText()).trim();
    if (h1 === words.review(title)) break;
    if (words.routed.includes(h1)) {
      routedTo.push(h1);
      await resume(page, url, words);
      continue;
    }
    await page.locator('form.runner').waitFor();
    const ids = await page.locator('form.runner [data-question]').evaluateAll((qs) => qs.map((q) => q.dataset.question));
    for (const id of ids) {
      const q = page.locator(`form.runner [data-question="${id}"]`);
      const given = answers[id];
      if (Array.isArray(given)) {
        for (const label of given) await q.getByRole('checkbox', { name: label }).check();
      } else if (typeof given === 'string') {
        if (await q.getByRole('radio', { name: given, exact: true }).count()) {
          await q.getByRole('radio', { name: given, exact: true }).check();
        } else {
          await q.locator('textarea, input[type=text]').first().fill(given);
        }
      } else if (await q.locator('input:checked').count()) {
        // already answered
      } else if (await q.locator('input[type=radio][value=no]').count()) {
        await q.locator('input[type=radio][value=no]').check();
      } else if (await q.locator('input[type=radio]').count()) {
        const radios = q.locator('input[type=radio]');
        const n = await radios.count();
        await radios.nth(q && (await q.getAttribute('data-scale')) ? n >> 1 : 0).check();
      } else if (await q.locator('textarea').count()) {
        if (!(await q.locator('textarea').inputValue())) await q.locator('textarea').fill('A few honest words.');
      } else if (await q.locator('input[type=date]').count()) {
        await q.locator('input[type=date]').fill('2027-01-12');
      } else if (await q.locator(`input[placeholder="${words.addItem}"]`).count()) {
        if (!(await q.locator('.list-item').count())) {
          const add = q.locator(`input[placeholder="${words.addItem}"]`);
          await add.fill('One thing');
          await add.press('Enter');
        }
      } else if (await q.locator('input[type=text]').count()) {
        if (!(await q.locator('input[type=text]').inputValue())) await q.locator('input[type=text]').fill('Sam');
      }
    }
    if (onStep) await onStep();
    const before = await page.locator('form.runner').innerText();
    await next(page, words);
    await page.waitForFunction(
      (text) => !document.querySelector('form.runner') || document.querySelector('form.runner').innerText !== text,
      before,
    );
  }
  await page.getByRole('button', { name: words.seeResults }).click();
  await page.getByRole('heading', { level: 1, name: words.results(title) }).waitFor();
  return routedTo;
}
