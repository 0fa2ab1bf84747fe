// Walking a guide the way a person would, shared by the e2e tests: each
// screen's questions answered (as given, or with a plain default per kind),
// Next, and back into the guide after a page a safety answer opened.

export const next = (page) => page.getByRole('button', { name: 'Next' }).click();

/** Where a screen's answers can send the user before the guide goes on. */
export const ROUTED = ['Right now', 'Your safety', 'If you have frightened or hurt someone'];

/**
 * Back into the guide at `url` where it was left (after a routed page): the
 * guide opens on the screen the user had reached, or on its introduction
 * with "Continue where you left off".
 */
export async function resume(page, url) {
  await page.goto(url);
  const again = page.getByRole('button', { name: 'Continue where you left off' });
  await again.or(page.locator('form.runner')).first().waitFor();
  if (await again.count()) await again.click();
}

/**
 * Walks the guide at `url` to its results, answering by label where
 * `answers` names the question (a radio label, checkbox labels, or text),
 * and otherwise as a calm user might: the first option, "No", the middle of
 * a scale, a few words. Comes back after any page a safety answer opens.
 */
export async function walk(page, url, title, answers = {}, { onStep } = {}) {
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  const again = page.getByRole('button', { name: 'Continue where you left off' });
  const begin = page.getByRole('button', { name: 'Begin' });
  await again.or(begin).or(page.locator('form.runner')).first().waitFor();
  if (await again.count()) await again.click();
  else if (await begin.count()) await begin.click();
  const routedTo = [];
  for (let guard = 0; guard < 40; guard++) {
    const heading = page.getByRole('heading', { level: 1 });
    await heading.first().waitFor();
    const h1 = (await heading.first().innerText()).trim();
    if (h1 === `Review: ${title}`) break;
    if (ROUTED.includes(h1)) {
      routedTo.push(h1);
      await resume(page, url);
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
      } else if (await q.locator('input[placeholder="Add an item"]').count()) {
        if (!(await q.locator('.list-item').count())) {
          await q.locator('input[placeholder="Add an item"]').fill('One thing');
          await q.locator('input[placeholder="Add an item"]').press('Enter');
        }
      } else if (await q.locator('input[type=text]').count()) {
        if (!(await q.locator('input[type=text]').inputValue())) await q.locator('input[type=text]').fill('Sam');
      }
    }
    if (onStep) await onStep();
    const before = await page.locator('form.runner').innerText();
    await next(page);
    await page.waitForFunction(
      (text) => !document.querySelector('form.runner') || document.querySelector('form.runner').innerText !== text,
      before,
    );
  }
  await page.getByRole('button', { name: 'See my results' }).click();
  await page.getByRole('heading', { level: 1, name: `Your results: ${title}` }).waitFor();
  return routedTo;
}
