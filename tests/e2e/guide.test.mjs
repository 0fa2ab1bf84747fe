// A person working through a guide: answering with mouse and keyboard,
// a screen that appears only because of an earlier answer, leaving halfway
// and coming back, reviewing, changing an answer and seeing the result
// change. Uses shipped guides ("The first days", "Can this be rebuilt?").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedSession } from './support.mjs';
import { next, walk } from './walk.mjs';

const app = sharedSession();

const heading = (page, name) => page.getByRole('heading', { name, exact: true });

test('half a guide, a reload, and every answer is back on the same question', async () => {
  const { page } = app;
  await page.goto(app.url('guides/first-days'));
  await page.getByRole('heading', { level: 1, name: 'The first days' }).waitFor();
  await page.getByRole('button', { name: 'Begin' }).click();

  // Screen 1: Next without an answer explains what is missing, puts the
  // cursor in that question and keeps the user here.
  await heading(page, 'Where you are').waitFor();
  await next(page);
  await page.getByRole('alert').filter({ hasText: 'Please choose' }).waitFor();
  assert.ok(
    await page.locator('fieldset[data-question="role"]').evaluate((el) => el.contains(document.activeElement)),
    'focus moved to the question that needs an answer',
  );
  // Keyboard only: "1" picks the first option, Enter goes on.
  await page.keyboard.press('1');
  assert.ok(await page.getByRole('radio', { name: /I have just found out/ }).isChecked());
  await page.getByRole('radio', { name: /I have just found out/ }).focus();
  await page.keyboard.press('Enter');

  await heading(page, 'Your body first').waitFor();
  await page.getByRole('checkbox', { name: /Drink some water/ }).check();
  await page.getByLabel(/pull to numb it tonight/).fill('A walk round the block');
  await next(page);

  // Screen 3: a list, added to by Enter and by the button, and trimmed.
  await heading(page, 'Not everything at once').waitFor();
  await page.getByRole('checkbox', { name: /Ending the/ }).check();
  const draft = page.getByRole('textbox', { name: /New item for/ });
  await draft.fill('Telling my parents');
  await draft.press('Enter');
  await draft.fill('Moving out');
  await page.getByRole('button', { name: 'Add' }).click();
  assert.equal(await page.getByRole('textbox', { name: 'Item 2' }).inputValue(), 'Moving out');
  await page.getByRole('button', { name: 'Remove item 1' }).click();
  assert.equal(await page.getByRole('textbox', { name: 'Item 1' }).inputValue(), 'Moving out');
  await next(page);

  await heading(page, 'Who to tell, and who not yet').waitFor();
  await page.getByRole('checkbox', { name: /Friends we share/ }).check();
  await next(page);
  await heading(page, 'The big talk can wait').waitFor();
  await page.getByRole('checkbox', { name: /think straight/ }).check();
  await page.getByRole('checkbox', { name: /late at night/ }).check();
  await next(page);

  // Shown only because of the first answer ("I have just found out").
  await heading(page, 'If you were hurt').waitFor();
  await page.getByRole('checkbox', { name: /Some space from/ }).check();
  const words = page.getByLabel(/out of your head/);
  await words.fill('Not knowing what is true any more. <b>x</b>');
  await page.reload();

  await heading(page, 'If you were hurt').waitFor();
  assert.equal(await page.getByLabel(/out of your head/).inputValue(), 'Not knowing what is true any more. <b>x</b>');
  await page.getByRole('button', { name: 'Back' }).click();
  await heading(page, 'The big talk can wait').waitFor();
  assert.ok(await page.getByRole('checkbox', { name: /think straight/ }).isChecked());
  assert.ok(await page.getByRole('checkbox', { name: /late at night/ }).isChecked());
});

test('finishing: the screen for the other side never shows, and the review shows typed markup as text', async () => {
  const { page } = app;
  await next(page);
  await heading(page, 'If you were hurt').waitFor();
  await next(page);
  await heading(page, 'One small thing').waitFor();
  await next(page);
  await page.getByRole('heading', { level: 1, name: 'Review: The first days' }).waitFor();
  assert.equal(await page.getByText('If you broke trust').count(), 0, 'not asked of someone who was hurt');
  await page.getByText('Not knowing what is true any more. <b>x</b>').waitFor();
  assert.equal(await page.locator('main b').count(), 0);
  await page.getByText('Moving out').waitFor();
  assert.equal(await page.getByText('Telling my parents').count(), 0, 'the removed item is gone');
});

test('results, and an edit from the review page that changes them', async () => {
  const { page } = app;
  await walk(page, app.url('guides/can-this-be-rebuilt'), 'Can this be rebuilt?', {
    'w-them': 'Yes, clearly',
    'w-me': '5, Completely',
    's-speak': '5, Always',
    'r-stopped': 'Yes, as far as I know',
    'r-owned': 'Yes, fully',
    'r-done': 'No',
  });
  const willingness = page.getByRole('region', { name: 'Willingness' });
  await willingness.getByText(/on a scale from 2 to 18/).waitFor();
  const before = await willingness.getByRole('heading').first().innerText();

  await page.getByRole('link', { name: 'Review my answers' }).click();
  await page.getByRole('button', { name: /^Edit: Does the other person want to work on it too/ }).click();
  await heading(page, 'Wanting to try').waitFor();
  await page.getByRole('radio', { name: 'No', exact: true }).check();
  await page.getByRole('radio', { name: '1, Not at all' }).check();
  await page.getByRole('button', { name: 'Back to review' }).click();
  await page.getByRole('button', { name: 'See my results' }).click();
  await willingness.getByRole('heading', { name: 'Not both on board yet' }).waitFor();
  assert.notEqual(before, 'Not both on board yet', 'the edit changed the result');
});
