// What happens to a person's words when storage misbehaves: unreadable
// data, data from a newer Mend, a full quota, and two tabs at once.
// Nothing is lost, and the user is told what happened and what to do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { session, fillQuota, freeQuota, stored, storedText } from './support.mjs';

const answersOf = async (page) => (await stored(page)).data.entries[0].answers;

// "Can this be rebuilt?" opens with a choice and a scale on one screen.
const GUIDE = 'guides/can-this-be-rebuilt';

async function beginGuide(page, url, guide = GUIDE, firstStep = 'Wanting to try') {
  await page.goto(`${url}${guide}`);
  await page.getByRole('button', { name: /Begin|Continue/ }).click();
  await page.getByRole('heading', { name: firstStep }).waitFor();
}

/** The yes/no question whose text matches `question`, answered or read as `answer`. */
const yesNo = (page, question, answer) => page.getByRole('group', { name: question }).getByRole('radio', { name: answer, exact: true });

test('unreadable saved data is kept aside, offered as a download, and Mend starts fresh', async (t) => {
  const { server, page } = await session(t);
  const broken = '{"app":"mend","schema":1,"revision":3,"data":{"entries":[{"answers": "I wrote someth';
  await page.goto(server.url);
  await page.evaluate((text) => localStorage.setItem('mend.document', text), broken);
  await page.reload();

  const notice = page.getByRole('status').filter({ hasText: "Mend couldn't read the answers saved on this device" });
  await notice.waitFor();
  const download = page.waitForEvent('download');
  await notice.getByRole('button', { name: 'Download the unreadable copy' }).click();
  assert.equal(fs.readFileSync(await (await download).path(), 'utf8'), broken);

  // Working on replaces the unreadable copy only once it is safe elsewhere.
  await beginGuide(page, server.url);
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  assert.equal(keys.length, 2);
  assert.match(keys[1], /^mend\.recovered\.[0-9a-f]{16}$/);
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), keys[1]), broken);
  assert.equal((await stored(page)).app, 'mend');
});

test('data saved by a newer Mend is left untouched and the user is asked to update', async (t) => {
  const { server, page } = await session(t);
  const newer = JSON.stringify({ app: 'mend', schema: 99, revision: 4, saved_at: 'x', data: { future: true } });
  await page.goto(server.url);
  await page.evaluate((text) => localStorage.setItem('mend.document', text), newer);
  await page.goto(`${server.url}${GUIDE}`);
  await page.getByText('saved by a newer version of Mend').waitFor();
  assert.ok(await page.getByRole('button', { name: 'Begin' }).isDisabled(), 'no answering that could not be saved');
  assert.equal(await storedText(page), newer);
});

test('a full quota shows a banner that stays until saving works, and nothing is lost', async (t) => {
  const { server, page } = await session(t);
  await beginGuide(page, server.url);
  await fillQuota(page);
  await page.getByRole('radio', { name: 'Somewhat, or on and off' }).check();
  const banner = page.getByRole('alert').filter({ hasText: "couldn't be saved" });
  await banner.waitFor();
  await banner.getByText('the space this browser gives Mend is full').waitFor();
  assert.equal(await banner.getByRole('button', { name: 'Dismiss' }).count(), 0, 'it cannot be dismissed while unsaved');

  const download = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Download everything' }).click();
  const file = JSON.parse(fs.readFileSync(await (await download).path(), 'utf8'));
  assert.deepEqual(file.data.entries[0].answers['w-them'], { type: 'choice', value: 'some' });

  // Still on screen, still answerable; once there is room, the next save works.
  assert.ok(await page.getByRole('radio', { name: 'Somewhat, or on and off' }).isChecked());
  await freeQuota(page);
  await page.getByRole('radio', { name: '5, Completely' }).check();
  await banner.waitFor({ state: 'detached' });
  const answers = await answersOf(page);
  assert.deepEqual(answers['w-them'], { type: 'choice', value: 'some' });
  assert.deepEqual(answers['w-me'], { type: 'scale', value: 5 });
});

test('two tabs on the same guide: each sees the other\'s answers and nothing is lost', async (t) => {
  const { server, page, context } = await session(t);
  await beginGuide(page, server.url);
  const other = await context.newPage();
  await other.goto(`${server.url}${GUIDE}`);
  await other.getByRole('heading', { name: 'Wanting to try' }).waitFor();

  await page.getByRole('radio', { name: 'Somewhat, or on and off' }).check();
  // The other tab shows it without a reload.
  await other.getByRole('radio', { name: 'Somewhat, or on and off' }).and(other.locator(':checked')).waitFor();
  await other.getByRole('radio', { name: '3, Somewhat' }).check();
  await page.getByRole('radio', { name: '3, Somewhat' }).and(page.locator(':checked')).waitFor();

  // Answers given in each tab on the next screen are all kept.
  await page.getByRole('button', { name: 'Next' }).click();
  await yesNo(page, /Are you afraid of/, 'No').check();
  await other.reload();
  await other.getByRole('heading', { name: 'Feeling safe' }).waitFor();
  await yesNo(other, /ever hurt you/, 'No').check();
  await yesNo(page, /Are you afraid of/, 'No').and(page.locator(':checked')).waitFor();
  await yesNo(page, /ever hurt you/, 'No').and(page.locator(':checked')).waitFor();

  await page.reload();
  const answers = await answersOf(page);
  assert.deepEqual(Object.keys(answers).sort(), ['s-afraid', 's-harm', 'w-me', 'w-them']);
  assert.deepEqual(answers['s-harm'], { type: 'yes_no', value: false });
});

test('typing in one tab while the other saves: the cursor, the text and the page all survive', async (t) => {
  const { server, page, context } = await session(t);
  // "Appreciation and new memories" opens with a long and a short answer.
  await beginGuide(page, server.url, 'guides/appreciation-log', 'Something good');
  const other = await context.newPage();
  // A guide begun elsewhere opens on the step where it was left.
  await other.goto(`${server.url}guides/appreciation-log`);
  await other.getByRole('heading', { name: 'Something good' }).waitFor();

  // The cursor is left in the long answer in the first tab...
  const hardest = page.getByLabel(/new shared moment/);
  await hardest.click();
  await page.keyboard.type('Not knowing what was true');
  // ...while the other tab answers the next question and leaves it.
  const wish = other.getByLabel(/What is something you appreciated/);
  await wish.fill('That I need time');
  await wish.blur();

  // The first tab shows the other tab's answer...
  await page.waitForFunction(() => document.querySelector('#q-appreciated')?.value === 'That I need time');
  // ...and the cursor is still where it was: typing goes on in the same
  // field, and a digit is a digit, not a shortcut that picks an answer.
  assert.ok(await hardest.evaluate((el) => el === document.activeElement), 'focus stayed in the field');
  await page.keyboard.type(' for 3 weeks');
  assert.equal(await hardest.inputValue(), 'Not knowing what was true for 3 weeks');

  // Both tabs typing within milliseconds of each other.
  await other.getByLabel(/What is something you appreciated/).click();
  await other.keyboard.press('End');
  await Promise.all([
    page.keyboard.type(', and sleeping', { delay: 3 }),
    other.keyboard.type(' and patience', { delay: 3 }),
  ]);
  await hardest.blur();
  await other.getByLabel(/What is something you appreciated/).blur();
  assert.equal(await hardest.inputValue(), 'Not knowing what was true for 3 weeks, and sleeping');

  // The cursor rests in a field here, untouched, while the other tab
  // changes that answer: leaving the field shows the newer answer, not
  // the text that was there when the cursor arrived.
  const wishHere = page.getByLabel(/What is something you appreciated/);
  await wishHere.click();
  const wishThere = other.getByLabel(/What is something you appreciated/);
  await wishThere.fill('That I need time, and space');
  await wishThere.blur();
  await page.waitForFunction(() => (localStorage.getItem('mend.document') || '').includes('and space'));
  await page.getByRole('heading', { name: 'Something good' }).click();
  await page.waitForFunction(() => document.querySelector('#q-appreciated')?.value === 'That I need time, and space');

  await page.reload();
  await page.getByRole('heading', { name: 'Something good' }).waitFor();
  assert.equal(await page.getByLabel(/new shared moment/).inputValue(),
    'Not knowing what was true for 3 weeks, and sleeping');
  assert.equal(await page.getByLabel(/What is something you appreciated/).inputValue(), 'That I need time, and space');
});
