// Drives a guide from its introduction to its results with the keyboard
// alone: Tab to reach things, number keys, Space, typing and Enter.
import assert from 'node:assert/strict';

const TEXT = 'A few honest words, written with care, so this answer is long enough.';

/** Presses Tab until the focused element satisfies `test` (run in the page). */
export async function tabTo(page, test, arg, what) {
  for (let i = 0; i < 120; i++) {
    if (await page.evaluate(test, arg)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${what}`);
}

const focusedButton = (name) => (wanted) => {
  const el = document.activeElement;
  return el?.tagName === 'BUTTON' && el.textContent.trim() === wanted;
};

export async function pressButton(page, name) {
  await tabTo(page, focusedButton(name), name, `the "${name}" button`);
  await page.keyboard.press('Enter');
}

/** Describes the questions on the current screen, in order. */
async function questionsOnScreen(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('form.runner [data-question]')].map((q) => ({
      id: q.dataset.question,
      kind: q.querySelector('textarea')
        ? 'textarea'
        : q.querySelector('input[type=date]')
          ? 'date'
          : q.querySelector('input[placeholder="Add an item"]')
            ? 'list'
            : q.querySelector('input[type=checkbox]')
              ? 'checkbox'
              : q.querySelector('input[type=radio]')
                ? q.dataset.scale
                  ? 'scale'
                  : q.querySelector('input[value=no]')
                    ? 'yes-no'
                    : 'radio'
                : 'text',
      answered: !!q.querySelector('input:checked') || [...q.querySelectorAll('input[type=text],input[type=date],textarea')].some((i) => i.value) || q.querySelectorAll('.list-item').length > 0,
      values: [...q.querySelectorAll('input[type=radio]')].map((i) => i.value),
      error: q.querySelector('.question__error')?.textContent ?? null,
    })),
  );
}

const inQuestion = ([id, selector]) => {
  const el = document.activeElement;
  return !!el && el.matches(selector) && el.closest('[data-question]')?.dataset.question === id;
};

async function answer(page, question, attempt) {
  const { id, kind, values } = question;
  switch (kind) {
    case 'radio':
      await tabTo(page, inQuestion, [id, 'input[type=radio]'], `question ${id}`);
      await page.keyboard.press('1');
      break;
    case 'scale': {
      // A value from the middle of the scale, typed as its own digit.
      const digits = values.filter((v) => v.length === 1);
      await tabTo(page, inQuestion, [id, 'input[type=radio]'], `question ${id}`);
      await page.keyboard.press(digits[Math.min(digits.length - 1, (digits.length >> 1) + attempt)]);
      break;
    }
    case 'yes-no':
      // "No": the walk is about finishing guides, not about the safety path.
      await tabTo(page, inQuestion, [id, 'input[type=radio]'], `question ${id}`);
      await page.keyboard.press('2');
      break;
    case 'checkbox':
      await tabTo(page, inQuestion, [id, 'input[type=checkbox]'], `question ${id}`);
      await page.keyboard.press(String(attempt + 1));
      break;
    case 'textarea':
    case 'text':
      await tabTo(page, inQuestion, [id, 'textarea, input[type=text]'], `question ${id}`);
      await page.keyboard.type(attempt ? ` ${TEXT}` : kind === 'text' ? 'Sam' : TEXT);
      break;
    case 'date':
      await tabTo(page, inQuestion, [id, 'input[type=date]'], `question ${id}`);
      await page.keyboard.type('12012026');
      break;
    case 'list':
      await tabTo(page, inQuestion, [id, 'input[placeholder="Add an item"]'], `question ${id}`);
      await page.keyboard.type(`Item ${attempt + 1}`);
      await page.keyboard.press('Enter');
      break;
  }
}

/**
 * Completes the guide at `url` with the keyboard, answering what is required
 * (and every question it can), until its results page shows. Returns the
 * number of screens walked.
 */
export async function completeByKeyboard(page, url, title) {
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await pressButton(page, (await page.getByRole('button', { name: 'Continue where you left off' }).count()) ? 'Continue where you left off' : 'Begin');
  let screens = 0;
  for (let guard = 0; guard < 60; guard++) {
    if (await page.getByRole('heading', { level: 1, name: `Review: ${title}` }).count()) break;
    if (await page.getByRole('heading', { level: 1, name: /^(Your safety|Right now|If you have frightened or hurt someone)$/ }).count()) {
      // A guide can raise a safety level from its own answers; come back.
      await page.goto(url);
      continue;
    }
    await page.locator('form.runner').waitFor();
    const before = await page.locator('form.runner').evaluate((f) => f.innerText);
    const questions = await questionsOnScreen(page);
    for (const question of questions) {
      const needsAnswer = !question.answered || question.error;
      if (needsAnswer && (question.kind !== 'checkbox' || question.error)) {
        await answer(page, question, question.error ? 1 : 0);
      }
    }
    await pressButton(page, 'Next');
    await page.waitForTimeout(50);
    const stillHere = (await page.locator('form.runner').count()) && (await page.locator('form.runner').evaluate((f) => f.innerText)) === before;
    if (!stillHere) screens++;
  }
  await page.getByRole('heading', { level: 1, name: `Review: ${title}` }).waitFor();
  await pressButton(page, 'See my results');
  await page.getByRole('heading', { level: 1, name: `Your results: ${title}` }).waitFor();
  assert.ok(screens > 0);
  return screens;
}
