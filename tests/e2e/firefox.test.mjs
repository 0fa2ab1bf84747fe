// The privacy journeys in a second engine, Firefox ESR: resume after a
// reload, Quick exit then Back in the history where Firefox once showed the
// answers again (issue 10, point 10), and a passphrase set, locked and
// unlocked. One Firefox for all of them (start-ups are slow); nothing may
// leave loopback but the deliberate Quick exit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './support.mjs';
import { openFirefox, firefoxAvailable } from './firefox.mjs';

const SECRET = 'I read the messages on their phone and said I had not.';
const PASSPHRASE = 'blue kettle morning walk';
/** Quick exit's default site: refused by the proxy, and the only request allowed out. */
const EXIT_HOST = 'https://www.bbc.com:443';

if (!firefoxAvailable() && process.env.MEND_E2E_FIREFOX === 'required') {
  throw new Error('Firefox ESR or geckodriver is missing, though scripts/setup.sh should have installed them');
}
const skip = firefoxAvailable() ? false : 'Firefox ESR or geckodriver is not installed (scripts/setup.sh installs them)';
let server;
let firefox;

before(async () => {
  if (skip) return;
  server = await startServer();
  firefox = await openFirefox();
});

after(async () => {
  if (skip) return;
  try {
    const foreign = firefox.asked.filter((url) => url !== EXIT_HOST);
    assert.deepEqual([...new Set(foreign)], [], 'Firefox asked nothing of any other origin');
  } finally {
    await firefox.close();
    await server.stop();
  }
});

const box = () => firefox.find('//*[@data-question="what-i-did"]//textarea');

async function openApology() {
  await firefox.goto(`${server.url}guides/planning-an-apology`);
  const first = await firefox.find(
    '//button[normalize-space(.)="Begin" or normalize-space(.)="Continue where you left off"] | //*[@data-question="what-i-did"]//textarea',
  );
  if ((await firefox.tag(first)) === 'button') await firefox.click(first);
  return box();
}

test('Firefox: an answer is there again after a reload', { skip }, async () => {
  const field = await openApology();
  await firefox.type(field, SECRET);
  // Leaving the field saves at once.
  await firefox.click(await firefox.heading('Planning an apology'));
  await firefox.reload();
  assert.equal(await firefox.value(await box()), SECRET);
});

test('Firefox: after Quick exit, Back shows "Mend is closed", not the answer', { skip }, async () => {
  // The history of the report: the answer's page (reloaded above), another
  // Mend page loaded as a new document, Quick exit, Back.
  await firefox.goto(`${server.url}guides`);
  await firefox.heading('Guides');
  await firefox.clickAway(await firefox.button('Quick exit'));
  const until = Date.now() + 10_000;
  while (new URL(await firefox.url()).origin === new URL(server.url).origin) {
    if (Date.now() > until) throw new Error('Quick exit did not leave');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await firefox.back();
  await firefox.heading('Mend is closed');
  assert.doesNotMatch(await firefox.source(), /messages on their phone/);
  await firefox.click(await firefox.button('Open Mend'));
  assert.equal(await firefox.value(await box()), SECRET);
});

test('Firefox: a passphrase seals everything, locks, and unlocks', { skip }, async () => {
  await firefox.goto(`${server.url}settings`);
  await firefox.heading('Settings');
  await firefox.type(await firefox.field('New passphrase'), PASSPHRASE);
  await firefox.type(await firefox.field('Type it again'), PASSPHRASE);
  await firefox.click(await firefox.button('Protect with this passphrase'));
  await firefox.click(await firefox.button('Lock now'));
  await firefox.heading('Mend is locked');
  assert.doesNotMatch(await firefox.source(), /messages on their phone/);
  const stored = await firefox.run("return localStorage.getItem('mend.document')");
  assert.doesNotMatch(stored, /messages on their phone/, 'nothing readable is stored');

  await firefox.type(await firefox.field('Passphrase'), PASSPHRASE);
  await firefox.click(await firefox.button('Unlock'));
  await firefox.gone('//h1[normalize-space(.)="Mend is locked"]');
  assert.equal(await firefox.value(await openApologyUnlocked()), SECRET);
});

/** The apology again, unlocking first if the fresh page opens locked. */
async function openApologyUnlocked() {
  await firefox.goto(`${server.url}guides/planning-an-apology`);
  const title = await firefox.text(await firefox.find('//h1'));
  if (title === 'Mend is locked') {
    await firefox.type(await firefox.field('Passphrase'), PASSPHRASE);
    await firefox.click(await firefox.button('Unlock'));
  }
  return box();
}
