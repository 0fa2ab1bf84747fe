// What happens to a person's words when storage misbehaves: unreadable
// data, data from a newer Mend, a full quota, and two tabs at once.
// Nothing is lost, and the user is told what happened and what to do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startServer, openBrowser, foreignRequests, fillQuota, freeQuota } from './support.mjs';

async function withApp(body) {
  const server = await startServer();
  const session = await openBrowser();
  try {
    await body({ server, ...session });
    assert.deepEqual(foreignRequests(session.requests, server.origin), []);
  } finally {
    await session.close();
    await server.stop();
  }
}

const stored = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('mend.document')));
const answersOf = async (page) => (await stored(page)).data.entries[0].answers;

async function beginSample(page, url) {
  await page.goto(`${url}guides/sample`);
  await page.getByRole('button', { name: /Begin|Continue/ }).click();
  await page.getByRole('heading', { name: 'Where things stand' }).waitFor();
}

test('unreadable saved data is kept aside, offered as a download, and Mend starts fresh', async () => {
  await withApp(async ({ server, page }) => {
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
    await beginSample(page, server.url);
    const keys = await page.evaluate(() => Object.keys(localStorage).sort());
    assert.equal(keys.length, 2);
    assert.match(keys[1], /^mend\.recovered\.[0-9a-f]{16}$/);
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), keys[1]), broken);
    assert.equal((await stored(page)).app, 'mend');
  });
});

test('data saved by a newer Mend is left untouched and the user is asked to update', async () => {
  await withApp(async ({ server, page }) => {
    const newer = JSON.stringify({ app: 'mend', schema: 99, revision: 4, saved_at: 'x', data: { future: true } });
    await page.goto(server.url);
    await page.evaluate((text) => localStorage.setItem('mend.document', text), newer);
    await page.goto(`${server.url}guides/sample`);
    await page.getByText('saved by a newer version of Mend').waitFor();
    assert.ok(await page.getByRole('button', { name: 'Begin' }).isDisabled(), 'no answering that could not be saved');
    assert.equal(await page.evaluate(() => localStorage.getItem('mend.document')), newer);
  });
});

test('a full quota shows a banner that stays until saving works, and nothing is lost', async () => {
  await withApp(async ({ server, page }) => {
    await beginSample(page, server.url);
    await fillQuota(page);
    await page.getByRole('radio', { name: 'A bit of both' }).check();
    const banner = page.getByRole('alert').filter({ hasText: "couldn't be saved" });
    await banner.waitFor();
    await banner.getByText('the space this browser gives Mend is full').waitFor();
    assert.equal(await banner.getByRole('button', { name: 'Dismiss' }).count(), 0, 'it cannot be dismissed while unsaved');

    const download = page.waitForEvent('download');
    await banner.getByRole('button', { name: 'Download everything' }).click();
    const file = JSON.parse(fs.readFileSync(await (await download).path(), 'utf8'));
    assert.deepEqual(file.data.entries[0].answers.role, { type: 'choice', value: 'both' });

    // Still on screen, still answerable; once there is room, the next save works.
    assert.ok(await page.getByRole('radio', { name: 'A bit of both' }).isChecked());
    await freeQuota(page);
    await page.getByRole('radio', { name: '5, Completely' }).check();
    await banner.waitFor({ state: 'detached' });
    const answers = await answersOf(page);
    assert.deepEqual(answers.role, { type: 'choice', value: 'both' });
    assert.deepEqual(answers.talk, { type: 'scale', value: 5 });
  });
});

test('two tabs on the same guide: each sees the other\'s answers and nothing is lost', async () => {
  await withApp(async ({ server, page, context }) => {
    await beginSample(page, server.url);
    const other = await context.newPage();
    await other.goto(`${server.url}guides/sample`);
    await other.getByRole('heading', { name: 'Where things stand' }).waitFor();

    await page.getByRole('radio', { name: 'My trust was broken' }).check();
    // The other tab shows it without a reload.
    await other.getByRole('radio', { name: 'My trust was broken' }).and(other.locator(':checked')).waitFor();
    await other.getByRole('radio', { name: '3, Sometimes' }).check();
    await page.getByRole('radio', { name: '3, Sometimes' }).and(page.locator(':checked')).waitFor();

    // Answers given in each tab on the next screen are all kept.
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('radio', { name: 'No', exact: true }).check();
    await other.reload();
    await other.getByRole('heading', { name: 'Feeling safe' }).waitFor();
    await other.getByRole('checkbox', { name: /Long silences/ }).check();
    await page.getByRole('radio', { name: 'No', exact: true }).and(page.locator(':checked')).waitFor();
    await page.getByRole('checkbox', { name: /Long silences/ }).and(page.locator(':checked')).waitFor();

    await page.reload();
    const answers = await answersOf(page);
    assert.deepEqual(Object.keys(answers).sort(), ['afraid', 'pressure', 'role', 'talk']);
    assert.deepEqual(answers.pressure, { type: 'choices', value: ['silence'] });
  });
});

test('typing in one tab while the other saves: the cursor, the text and the page all survive', async () => {
  await withApp(async ({ server, page, context, errors }) => {
    await beginSample(page, server.url);
    await page.getByRole('radio', { name: 'My trust was broken' }).check();
    await page.getByRole('radio', { name: '3, Sometimes' }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('radio', { name: 'No', exact: true }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('checkbox', { name: 'None of these yet' }).check();
    await page.getByRole('radio', { name: /^5/ }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: 'In your own words' }).waitFor();

    const other = await context.newPage();
    await other.goto(`${server.url}guides/sample`);
    await other.getByRole('heading', { name: 'In your own words' }).waitFor();

    // The cursor is left in the long answer in the first tab...
    const hardest = page.getByLabel('What has been hardest for you since trust was broken?');
    await hardest.click();
    await page.keyboard.type('Not knowing what was true');
    // ...while the other tab answers the next question and leaves it.
    const wish = other.getByLabel(/In a few words/);
    await wish.fill('That I need time');
    await wish.blur();

    // The first tab shows the other tab's answer...
    await page.waitForFunction(() => document.querySelector('#q-wish')?.value === 'That I need time');
    // ...and the cursor is still where it was: typing goes on in the same
    // field, and a digit is a digit, not a shortcut that picks an answer.
    assert.ok(await hardest.evaluate((el) => el === document.activeElement), 'focus stayed in the field');
    await page.keyboard.type(' for 3 weeks');
    assert.equal(await hardest.inputValue(), 'Not knowing what was true for 3 weeks');

    // Both tabs typing within milliseconds of each other.
    await other.getByLabel(/In a few words/).click();
    await other.keyboard.press('End');
    await Promise.all([
      page.keyboard.type(', and sleeping', { delay: 3 }),
      other.keyboard.type(' and patience', { delay: 3 }),
    ]);
    await hardest.blur();
    await other.getByLabel(/In a few words/).blur();
    assert.equal(await hardest.inputValue(), 'Not knowing what was true for 3 weeks, and sleeping');

    // The cursor rests in a field here, untouched, while the other tab
    // changes that answer: leaving the field shows the newer answer, not
    // the text that was there when the cursor arrived.
    const wishHere = page.getByLabel(/In a few words/);
    await wishHere.click();
    const wishThere = other.getByLabel(/In a few words/);
    await wishThere.fill('That I need time, and space');
    await wishThere.blur();
    await page.waitForFunction(() => (localStorage.getItem('mend.document') || '').includes('and space'));
    await page.getByRole('heading', { name: 'In your own words' }).click();
    await page.waitForFunction(() => document.querySelector('#q-wish')?.value === 'That I need time, and space');

    await page.reload();
    await page.getByRole('heading', { name: 'In your own words' }).waitFor();
    assert.equal(await page.getByLabel('What has been hardest for you since trust was broken?').inputValue(),
      'Not knowing what was true for 3 weeks, and sleeping');
    assert.equal(await page.getByLabel(/In a few words/).inputValue(), 'That I need time, and space');
    assert.deepEqual(errors, [], 'no page error in either tab');
  });
});
