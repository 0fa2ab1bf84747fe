// A person working through a guide: answering with mouse and keyboard,
// leaving halfway and coming back, reviewing, changing an answer and seeing
// the result change. Uses the engine's sample guide (src/domain/fixtures).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, openBrowser, foreignRequests } from './support.mjs';

let server;
let session;

before(async () => {
  server = await startServer();
  session = await openBrowser();
});

after(async () => {
  await session?.close();
  await server?.stop();
});

const heading = (page, name) => page.getByRole('heading', { name, exact: true });

test('half a guide, a reload, and every answer is back on the same question', async () => {
  const { page } = session;
  await page.goto(`${server.url}guides/sample`);
  await page.getByRole('heading', { level: 1, name: 'Checking in on trust' }).waitFor();
  await page.getByRole('button', { name: 'Begin' }).click();

  // Screen 1, keyboard only: "2" picks the second option, then a scale value and Enter.
  await heading(page, 'Where things stand').waitFor();
  assert.equal(await page.getByText('Questions 1–2 of 8').count(), 1);
  await page.keyboard.press('2');
  assert.ok(await page.getByRole('radio', { name: 'My trust was broken' }).isChecked());
  await page.getByRole('radio', { name: '4', exact: true }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');

  // Screen 2: Next without an answer explains what is missing and keeps the user here.
  await heading(page, 'Feeling safe').waitFor();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('alert').filter({ hasText: 'Please answer yes or no.' }).waitFor();
  assert.ok(await page.getByRole('radio', { name: 'No', exact: true }).evaluate((el) => el === document.activeElement || el.closest('fieldset').contains(document.activeElement)), 'focus moved to the question that needs an answer');
  await page.getByRole('radio', { name: 'No', exact: true }).check();
  await page.getByRole('button', { name: 'Next' }).click();

  // Screen 3: only shown because the answer above was "No".
  await heading(page, 'What has helped').waitFor();
  await page.getByRole('checkbox', { name: /Listened to me/ }).check();
  await page.getByRole('checkbox', { name: /Owned a mistake/ }).check();
  await page.getByRole('radio', { name: '6', exact: true }).check();
  await page.getByRole('button', { name: 'Next' }).click();

  // Screen 4: "hardest" is shown for someone who was hurt. Type, then leave at once.
  await heading(page, 'In your own words').waitFor();
  const hardest = page.getByLabel('What has been hardest for you since trust was broken?');
  await hardest.fill('Not knowing what is true any more. <b>x</b>');
  await page.reload();

  await heading(page, 'In your own words').waitFor();
  assert.equal(
    await page.getByLabel('What has been hardest for you since trust was broken?').inputValue(),
    'Not knowing what is true any more. <b>x</b>',
  );
  await page.getByRole('button', { name: 'Back' }).click();
  await heading(page, 'What has helped').waitFor();
  assert.ok(await page.getByRole('radio', { name: '6', exact: true }).isChecked());
  assert.ok(await page.getByRole('checkbox', { name: /Owned a mistake/ }).isChecked());
});

test('finishing, the results, and an edit from the review page that changes them', async () => {
  const { page } = session;
  await page.getByRole('button', { name: 'Next' }).click();
  await heading(page, 'In your own words').waitFor();
  await page.getByRole('button', { name: 'Next' }).click();

  await heading(page, 'Looking ahead').waitFor();
  const draft = page.getByRole('textbox', { name: /New item for/ });
  await draft.fill('A phone call on Sundays');
  await draft.press('Enter');
  await draft.fill('Tea after work');
  await page.getByRole('button', { name: 'Add' }).click();
  assert.equal(await page.getByRole('textbox', { name: 'Item 2' }).inputValue(), 'Tea after work');
  await page.getByRole('button', { name: 'Remove item 1' }).click();
  assert.equal(await page.getByRole('textbox', { name: 'Item 1' }).inputValue(), 'Tea after work');
  await page.getByLabel(/next sit down and talk/).fill('2026-12-01');
  await page.getByRole('button', { name: 'Next' }).click();

  await page.getByRole('heading', { level: 1, name: 'Review: Checking in on trust' }).waitFor();
  // User text is shown as text, never as markup.
  await page.getByText('Not knowing what is true any more. <b>x</b>').waitFor();
  assert.equal(await page.locator('main b').count(), 0);
  await page.getByRole('button', { name: 'See my results' }).click();

  await page.getByRole('heading', { level: 1, name: 'Your results: Checking in on trust' }).waitFor();
  // Openness: talk 4 + listened 1 + owned 1 = 6; steadiness: not afraid 2 + trust 6 = 8.
  const openness = page.getByRole('region', { name: 'Openness' });
  await openness.getByText('6 on a scale from 1 to 7').waitFor();
  await openness.getByRole('heading', { name: 'Open', exact: true }).waitFor();
  const steadiness = page.getByRole('region', { name: 'Steadiness' });
  await steadiness.getByRole('heading', { name: 'Finding footing' }).waitFor();
  await page.getByRole('link', { name: 'Listening without defending' }).waitFor();

  await page.getByRole('link', { name: 'Review my answers' }).click();
  await page.getByRole('button', { name: /^Edit: I can tell the other person how I really feel/ }).click();
  await heading(page, 'Where things stand').waitFor();
  await page.getByRole('radio', { name: '1, Not at all' }).check();
  await page.getByRole('button', { name: 'Back to review' }).click();
  await page.getByRole('button', { name: 'See my results' }).click();
  await openness.getByText('3 on a scale from 1 to 7').waitFor();
  await openness.getByRole('heading', { name: 'Guarded' }).waitFor();
});

test('nothing left the origin and nothing failed', async () => {
  assert.deepEqual(foreignRequests(session.requests, server.origin), []);
  assert.deepEqual(session.errors, []);
});
