// Compare, as two people do it on two phones: two separate browser
// profiles stand for Alex's and Sam's devices. Each answers "Needs and
// boundaries", they agree a pairing code, seal their chosen answers into
// answer cards and exchange them as text; neither card opens before the
// receiver has sent their own. Then the same through a QR code's link, and
// the whole feature is absent while a danger answer holds.
import { test, before } from 'node:test';
import fs from 'node:fs';
import assert from 'node:assert/strict';
import { h1, savedDocument, sharedSession, startWith, stored, waitUntil } from './support.mjs';
import { checkAccessibility } from './axe.mjs';

const app = sharedSession();
let alex;
let sam;

before(async () => {
  await app.start();
  alex = app;
  sam = await app.anotherBrowser();
  for (const who of [alex, sam]) {
    await who.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
  }
});

const GUIDE = 'needs-and-boundaries';

/** A stored document: one finished "Needs and boundaries", and maybe more entries. */
function documentFor(name, answers, more = []) {
  return savedDocument({
    schema: 4,
    name,
    entries: [
      { id: `${GUIDE}-1`, guide: GUIDE, started_on: '2026-11-30', completed_on: '2026-11-30', answers, current_step: null },
      ...more,
    ],
    commitments: [],
    exchanges: [],
  });
}

const ALEX_ANSWERS = {
  needs: { type: 'choices', value: ['honesty', 'time'] },
  'top-need': { type: 'text', value: 'Straight answers when I ask' },
  agreements: { type: 'list', value: ['Phones away at dinner'] },
  agreed: { type: 'choice', value: 'some' },
  openness: { type: 'choices', value: ['plans'] },
  'openness-feel': { type: 'scale', value: 3 },
  counselling: { type: 'choice', value: 'together' },
  'first-step': { type: 'text', value: 'Call the counselling service on Monday' },
};
const SAM_ANSWERS = {
  needs: { type: 'choices', value: ['honesty', 'space'] },
  'top-need': { type: 'text', value: 'Space on Saturday mornings' },
  agreements: { type: 'list', value: ['Say when plans change'] },
  agreed: { type: 'choice', value: 'some' },
  openness: { type: 'choices', value: ['plans'] },
  'openness-feel': { type: 'scale', value: 4 },
  counselling: { type: 'choice', value: 'together' },
  'first-step': { type: 'text', value: 'Look up a counsellor near us' },
};

const exchanges = async (page) => (await stored(page)).data.exchanges;
const CODE = /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;

/** Seals this person's card, leaving out the answers named in `leaveOut`; returns its text. */
async function seal(page, leaveOut = []) {
  const share = page.getByRole('group', { name: 'Answers to share' });
  await share.waitFor();
  for (const question of leaveOut) await share.getByRole('checkbox', { name: question }).uncheck();
  await page.getByRole('button', { name: 'Seal my card' }).click();
  const card = page.getByRole('textbox', { name: 'Your sealed card' });
  await card.waitFor();
  return card.inputValue();
}

/** The comparison as a person reads it: each question with its verdict. */
async function comparison(page) {
  const section = page.getByRole('region', { name: 'Side by side' });
  await section.waitFor();
  const rows = section.getByRole('article');
  const found = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    found.push([await row.getByRole('heading').textContent(), await row.locator('.compare-row__verdict').textContent()]);
  }
  return found;
}

test('two people exchange cards as text: neither opens before sending, both see the same comparison', async () => {
  await startWith(alex.page, app.url(), documentFor('Sam', ALEX_ANSWERS));
  await startWith(sam.page, app.url(), documentFor('Alex', SAM_ANSWERS));

  // Alex starts from the guide's results and shows a new code.
  await alex.page.goto(app.url(`guides/${GUIDE}/results`));
  await alex.page.getByRole('link', { name: 'Compare your answers' }).click();
  await h1(alex.page, 'Compare with Sam');
  await alex.page.getByRole('button', { name: 'Show a new code' }).click();
  const code = (await alex.page.getByText(CODE).textContent()).trim();
  await checkAccessibility(alex.page, 'Compare: the pairing code shown');
  await alex.page.getByRole('button', { name: 'Use this code' }).click();

  // Sam types it in, the way a person might: lower case, spaces.
  await sam.page.goto(app.url(`guides/${GUIDE}/compare`));
  await h1(sam.page, 'Compare with Alex');
  await sam.page.getByLabel('Or type the code you were given').fill(code.replace('-', '0'));
  await sam.page.getByRole('button', { name: 'Use the typed code' }).click();
  await sam.page.getByRole('alert').filter({ hasText: 'Pairing codes never use 0' }).waitFor();
  await sam.page.getByLabel('Or type the code you were given').fill(code.toLowerCase().replaceAll('-', ' '));
  await sam.page.getByRole('button', { name: 'Use the typed code' }).click();

  // Each chooses what travels; Alex keeps the agreements to himself.
  await checkAccessibility(alex.page, 'Compare: choosing what to share');
  const alexCard = await seal(alex.page, [/^What new agreements/]);
  const samCard = await seal(sam.page);
  assert.match(alexCard, /^MEND-CARD\.1\.needs-and-boundaries\.2\./);
  assert.doesNotMatch(alexCard, /Straight answers|Phones away/, 'the card is sealed');

  // Alex has not sent his card yet: Sam's does not open, and nothing changes.
  const theirs = alex.page.getByLabel("Paste Sam's card");
  await theirs.fill(samCard.slice(0, samCard.length / 2));
  await alex.page.getByRole('button', { name: 'Open their card' }).click();
  await alex.page.getByRole('alert').filter({ hasText: 'cut off' }).waitFor();
  await theirs.fill(samCard);
  await alex.page.getByRole('button', { name: 'Open their card' }).click();
  await alex.page.getByRole('alert').filter({ hasText: 'Send your own card first' }).waitFor();
  assert.equal((await exchanges(alex.page))[0].theirs, null);
  assert.equal((await exchanges(alex.page))[0].mine.sent_on, null);
  // His own card is not theirs either.
  await theirs.fill(alexCard);

  // Alex copies his card (sent), then opens Sam's.
  await alex.page.getByRole('button', { name: 'Copy my card' }).click();
  await alex.page.getByText('Sent. When Sam sends theirs, open it below.').waitFor();
  assert.equal(await alex.page.evaluate(() => navigator.clipboard.readText()), alexCard);
  await alex.page.getByRole('button', { name: 'Open their card' }).click();
  await alex.page.getByRole('alert').filter({ hasText: 'This is your own card' }).waitFor();
  await alex.page.getByLabel("Paste Sam's card").fill(samCard);
  await alex.page.getByRole('button', { name: 'Open their card' }).click();
  const alexSees = await comparison(alex.page);

  // Sam downloads hers (sent), then opens Alex's.
  const [download] = await Promise.all([
    sam.page.waitForEvent('download'),
    sam.page.getByRole('button', { name: 'Download as a text file' }).click(),
  ]);
  assert.equal(fs.readFileSync(await download.path(), 'utf8'), samCard);
  await sam.page.getByLabel("Paste Alex's card").fill(`\n${alexCard.match(/.{1,60}/g).join('\n')}\n`);
  await sam.page.getByRole('button', { name: 'Open their card' }).click();
  const samSees = await comparison(sam.page);

  // The same questions, the same agreements and differences, from each side.
  // Each side's wording names the other person; the only other difference
  // is who answered a question only one of them shared.
  const mirrored = (rows) => rows.map(([q, v]) => [
    q.replace(/Sam|Alex/g, 'NAME'),
    v.replace('Only you answered this; Alex left it out.', 'ONE-SIDED').replace('Only Sam answered this; you left it out.', 'ONE-SIDED'),
  ]);
  assert.deepEqual(mirrored(alexSees), mirrored(samSees));
  const verdict = (rows, start) => rows.find(([q]) => q.startsWith(start))?.[1];
  assert.equal(verdict(alexSees, 'Which of these would help you most'), 'Some of this you share, some not.');
  assert.equal(verdict(alexSees, 'Right now, the openness'), 'You see this differently.');
  assert.equal(verdict(alexSees, 'Would a counsellor help?'), 'You agree.');
  assert.equal(verdict(alexSees, 'If you could ask Sam'), 'You both wrote about this; read each other\'s words.');
  assert.equal(verdict(alexSees, 'What new agreements'), 'Only Sam answered this; you left it out.');
  assert.equal(verdict(samSees, 'What new agreements'), 'Only you answered this; Alex left it out.');
  const section = alex.page.getByRole('region', { name: 'Side by side' });
  await section.getByText('You both chose: Honest answers when I ask.').first().waitFor();
  await section.getByRole('link', { name: 'The conversation' }).waitFor();
  await checkAccessibility(alex.page, 'Compare: side by side');

  // History lists the exchange; the answers are in the one stored document.
  await alex.page.goto(app.url('history'));
  const compared = alex.page.getByRole('region', { name: 'Answers compared' });
  await compared.getByText('(compared)').waitFor();
  const [exchange] = await exchanges(alex.page);
  assert.deepEqual(Object.keys(exchange.theirs.answers).sort(), Object.keys(SAM_ANSWERS).sort());
  assert.ok(!('agreements' in exchange.mine.answers), 'what was left out never travelled');
});

test('the same through a QR code: the link carries the card after #, which leaves the address at once', async () => {
  // A new exchange on each side, from History's link to the old one.
  for (const [who, name] of [[alex, 'Sam'], [sam, 'Alex']]) {
    await who.page.goto(app.url(`guides/${GUIDE}/compare`));
    await h1(who.page, `Compare with ${name}`);
    await who.page.getByRole('button', { name: 'Start a new exchange' }).click();
  }
  await alex.page.getByRole('button', { name: 'Show a new code' }).click();
  const code = (await alex.page.getByText(CODE).textContent()).trim();
  await alex.page.getByRole('button', { name: 'Use this code' }).click();
  await sam.page.getByLabel('Or type the code you were given').fill(code);
  await sam.page.getByRole('button', { name: 'Use the typed code' }).click();
  // Fewer answers, so the card fits a code a camera reads well.
  await seal(alex.page, [/^What new agreements/, /^What is one practical step/, /^If you could ask/]);
  await seal(sam.page);
  await sam.page.getByRole('button', { name: 'Copy my card' }).click();

  await alex.page.getByRole('button', { name: 'Show as a QR code' }).click();
  const qr = alex.page.getByRole('img', { name: "Your card as a QR code, for the other phone's camera" });
  await qr.waitFor();
  await checkAccessibility(alex.page, 'Compare: the QR code');
  // What the other phone's camera would open.
  const link = await alex.page.locator('figure.qr').getAttribute('data-link');
  assert.match(link, new RegExp(`^${app.origin}/guides/${GUIDE}/compare#MEND-CARD\\.1\\.`));

  await sam.page.goto(link);
  await h1(sam.page, 'Compare with Alex');
  assert.equal(new URL(sam.page.url()).hash, '', 'the card left the address bar at once');
  const pasted = sam.page.getByLabel("Paste Alex's card");
  assert.equal(await pasted.inputValue(), link.split('#')[1]);
  await sam.page.getByRole('button', { name: 'Open their card' }).click();
  await comparison(sam.page);
  assert.equal(await sam.page.evaluate(() => history.length > 0 && location.hash), '');

  // History lists both of Sam's exchanges; each link opens its own.
  await sam.page.goto(app.url('history'));
  const compared = sam.page.getByRole('region', { name: 'Answers compared' });
  assert.equal(await compared.getByRole('listitem').count(), 2);
  await compared.getByRole('listitem').last().getByRole('link').click();
  await sam.page.getByText(/You both chose: Honest answers when I ask/).first().waitFor();
  // Deleting asks twice, then takes the exchange off this device.
  await sam.page.goto(app.url('history'));
  await compared.getByRole('button', { name: /^Delete the exchange for Needs and boundaries/ }).last().click();
  await checkAccessibility(sam.page, 'History: deleting an exchange asks again');
  await compared.getByRole('button', { name: /delete it for good$/ }).click();
  await waitUntil(sam.page, () => JSON.parse(localStorage.getItem('mend.document')).data.exchanges.length === 1, 'the exchange to be deleted');
  assert.equal(await compared.getByRole('listitem').count(), 1);

  // The link opened on a device with no exchange says what to do.
  await startWith(alex.page, app.url(), documentFor('Sam', ALEX_ANSWERS));
  await alex.page.goto(link);
  await alex.page.getByText('This link holds an answer card.').waitFor();
  assert.equal(new URL(alex.page.url()).hash, '');
});

test('with a danger answer, Compare is absent and says why', async () => {
  const danger = {
    id: 'can-this-be-rebuilt-1',
    guide: 'can-this-be-rebuilt',
    started_on: '2026-11-29',
    completed_on: '2026-11-29',
    answers: { 's-afraid': { type: 'yes_no', value: true } },
    current_step: null,
  };
  await startWith(alex.page, app.url(), documentFor('Sam', ALEX_ANSWERS, [danger]));
  await alex.page.goto(app.url(`guides/${GUIDE}/results`));
  await h1(alex.page, 'Your results: Needs and boundaries');
  assert.equal(await alex.page.getByRole('link', { name: 'Compare your answers' }).count(), 0);
  await alex.page.goto(app.url(`guides/${GUIDE}/compare`));
  await alex.page.getByText('Compare is switched off while your answers say you may not be safe.').waitFor();
  assert.equal(await alex.page.getByRole('button', { name: 'Show a new code' }).count(), 0);
});
