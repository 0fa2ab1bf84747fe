// The Mend program as a person meets it: the intake leads to a path that
// fits their role, danger answers lead to the Safety page and take repair
// work off the path, the apology planner points at excuse wording, and every
// guide can be finished with the keyboard alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, startServer, openBrowser, foreignRequests } from './support.mjs';
import { completeByKeyboard } from './keyboard.mjs';

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

async function freshStart(page) {
  await page.goto(server.url);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${server.url}guides/start`);
  await page.getByRole('button', { name: 'Begin' }).click();
}

const next = (page) => page.getByRole('button', { name: 'Next' }).click();

/** Answers the intake; `safety` picks the safety answers. */
async function intake(page, { role, name = 'Sam', afraid = 'No' }) {
  await freshStart(page);
  await page.getByRole('radio', { name: role }).check();
  await next(page);
  await page.getByRole('radio', { name: 'My partner or spouse' }).check();
  await page.getByLabel('What would you like to call them here?').fill(name);
  await next(page);
  await page.getByRole('checkbox', { name: 'A lie' }).check();
  await page.getByRole('radio', { name: 'In the last few weeks' }).check();
  await next(page);
  await page.getByRole('radio', { name: 'Yes', exact: true }).check();
  await next(page);
  await page.getByRole('heading', { name: 'Feeling safe' }).waitFor();
  const groups = page.locator('fieldset[data-question]');
  await groups.nth(0).getByRole('radio', { name: afraid, exact: true }).check();
  await groups.nth(1).getByRole('radio', { name: 'No', exact: true }).check();
  await next(page);
}

async function finishIntake(page) {
  await page.getByRole('heading', { level: 1, name: 'Review: Getting started' }).waitFor();
  await page.getByRole('button', { name: 'See my results' }).click();
  await page.getByRole('link', { name: 'See your path' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your path' }).waitFor();
}

async function pathTitles(page) {
  return page.getByRole('list', { name: 'Your suggested guides' }).getByRole('link').allInnerTexts();
}

const EXPECTED_START = {
  'I broke trust': ['Owning your part', 'Planning an apology', 'How much to tell'],
  'My trust was broken': ['Understanding the hurt', 'Your footing', 'Can this be rebuilt?'],
  'We both did: it goes both ways': ['Can this be rebuilt?', 'Owning your part', 'Understanding the hurt'],
  "I'm not sure": ['Can this be rebuilt?', 'Understanding the hurt', 'Owning your part'],
};

for (const [role, first] of Object.entries(EXPECTED_START)) {
  test(`the intake for "${role}" leads to that role's path, worded for the person named`, async () => {
    const { page } = session;
    await intake(page, { role });
    await finishIntake(page);
    const titles = await pathTitles(page);
    assert.deepEqual(titles.slice(0, 3), first);
    assert.ok(!titles.includes('Safety check'), 'no danger, no safety detour');
    const stepOne = page.getByRole('listitem').filter({ hasText: first[0] });
    await stepOne.getByText('Not started').waitFor();
    // Wording follows the intake: the name given appears in the guides.
    await page.getByRole('link', { name: `Next: ${first[0]}` }).click();
    await page.getByText(/Sam/).first().waitFor();
  });
}

test('a danger answer in the intake opens the Safety page and takes repair work off the path', async () => {
  const { page } = session;
  await intake(page, { role: 'I broke trust', afraid: 'Yes' });
  await page.getByRole('heading', { level: 1, name: 'Your safety' }).waitFor();
  await page.getByText('It is not your fault').waitFor();
  await page.getByText('1-800-799-7233').waitFor();
  await page.getByText('Numbers differ by country').waitFor();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Your path' }).click();
  await page.getByRole('heading', { name: 'Your safety comes first' }).waitFor();
  const titles = await pathTitles(page);
  assert.equal(titles[0], 'Safety check');
  for (const repair of ['Planning an apology', 'The conversation about what happened', 'Committing to the work', 'Forgiveness']) {
    assert.ok(!titles.includes(repair), `${repair} is not suggested`);
  }
});

test('a danger answer in the safety check opens the Safety page too', async () => {
  const { page } = session;
  await page.goto(server.url);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  // Reachable from every page, in one click.
  await page.getByRole('link', { name: 'Safety', exact: true }).click();
  await page.getByRole('link', { name: 'Take the safety check' }).click();
  await page.getByRole('button', { name: 'Begin' }).click();
  await page.locator('fieldset[data-question="afraid"]').getByRole('radio', { name: 'Yes', exact: true }).check();
  await page.locator('fieldset[data-question="anger"]').getByRole('radio', { name: 'No', exact: true }).check();
  await next(page);
  await page.getByRole('heading', { level: 1, name: 'Your safety' }).waitFor();
});

test('the apology planner marks excuse and blame wording, and leaves plain words alone', async () => {
  const { page } = session;
  await page.goto(server.url);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${server.url}guides/planning-an-apology`);
  await page.getByRole('button', { name: 'Begin' }).click();
  const part = page.locator('[data-question="what-i-did"]');
  await part.locator('textarea').waitFor();
  const box = part.locator('textarea');

  await box.fill("I'm sorry you feel hurt, but you made me do it. <b>x</b>");
  await part.getByRole('status').filter({ hasText: '3 phrases to look at again' }).waitFor();
  assert.deepEqual(await part.locator('mark').allInnerTexts(), ["I'm sorry you feel", 'but', 'you made me']);
  await part.getByText('This hands the responsibility back to them').waitFor();
  // The draft is shown as text: the tag is visible, not applied.
  await part.locator('.wording-check__draft').getByText('<b>x</b>').waitFor();
  assert.equal(await part.locator('.wording-check__draft b').count(), 0);

  for (const phrase of ['if you', 'I only', 'everyone does']) {
    await box.fill(`It happened ${phrase} know what I mean.`);
    await part.locator('mark').filter({ hasText: new RegExp(phrase, 'i') }).waitFor();
  }

  await box.fill('I read your messages without asking, and I lied about it when you asked me.');
  await part.locator('mark').first().waitFor({ state: 'detached' });
  assert.equal((await part.locator('.wording-check__status').textContent()).trim(), '');
});

test('every guide can be finished from start to results with the keyboard alone', async () => {
  const { page } = session;
  await page.goto(server.url);
  await page.evaluate(() => localStorage.clear());
  const guides = fs
    .readdirSync(path.join(ROOT, 'content', 'guides'))
    .filter((f) => f.endsWith('.toml'))
    .map((f) => {
      const text = fs.readFileSync(path.join(ROOT, 'content', 'guides', f), 'utf8');
      return { id: text.match(/^id = "([^"]+)"/m)[1], title: text.match(/^title = "([^"]+)"/m)[1] };
    });
  assert.equal(guides.length, 18);
  for (const guide of guides) {
    await completeByKeyboard(page, `${server.url}guides/${guide.id}`, guide.title);
  }
});

test('nothing left the origin and nothing failed', () => {
  assert.deepEqual(foreignRequests(session.requests, server.origin), []);
  assert.deepEqual(session.errors, []);
});
