// The privacy journeys in a second engine, Firefox ESR: resume after a
// reload, Quick exit then Back in the history where Firefox once showed the
// answers again (issue 10, point 10), and a passphrase set, locked and
// unlocked. One Firefox for all of them (start-ups are slow), under the
// checks every e2e test ends with: nothing may leave loopback but the
// deliberate Quick exit, the policy holds, and no page error.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { sharedSession } from './support.mjs';
import { firefoxAvailable } from './firefox.mjs';

const SECRET = 'I read the messages on their phone and said I had not.';
const PASSPHRASE = 'blue kettle morning walk';
/** Quick exit's default site: refused by the proxy, and the only request allowed out. */
const EXIT_URL = 'https://www.bbc.com/weather';

if (!firefoxAvailable() && process.env.MEND_E2E_FIREFOX === 'required') {
  throw new Error('Firefox ESR or geckodriver is missing, though scripts/setup.sh should have installed them');
}
const skip = firefoxAvailable() ? false : 'Firefox ESR or geckodriver is not installed (scripts/setup.sh installs them)';
const app = skip ? undefined : sharedSession({ engine: 'firefox' });
let firefox;

before(async () => {
  await app?.start();
  firefox = app?.firefox;
});

const box = () => firefox.find('//*[@data-question="what-i-did"]//textarea');

async function openApology() {
  await firefox.goto(app.url('guides/planning-an-apology'));
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
  app.expect({ foreignRequests: [EXIT_URL] });
  // The history of the report: the answer's page (reloaded above), another
  // Mend page loaded as a new document, Quick exit, Back.
  await firefox.goto(app.url('guides'));
  await firefox.heading('Guides');
  await firefox.clickAway(await firefox.button('Quick exit'));
  const until = Date.now() + 10_000;
  while (new URL(await firefox.url()).origin === app.origin) {
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
  await firefox.goto(app.url('settings'));
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
  await firefox.goto(app.url('guides/planning-an-apology'));
  const title = await firefox.text(await firefox.find('//h1'));
  if (title === 'Mend is locked') {
    await firefox.type(await firefox.field('Passphrase'), PASSPHRASE);
    await firefox.click(await firefox.button('Unlock'));
  }
  return box();
}

test('Firefox: the check each test ends with sees a request elsewhere, a policy violation and a page error', { skip }, async () => {
  await firefox.goto(app.url());
  await firefox.heading('Rebuild trust, one honest step at a time');
  // Each done on purpose here, behind the app's back: a style the policy
  // refuses, an exception nothing catches, and a page of another origin.
  await firefox.run(`
    document.querySelector('h1').setAttribute('style', 'color: red');
    setTimeout(() => { throw new Error('an error thrown by the test'); });
  `);
  await firefox.run("setTimeout(() => { location.href = 'https://elsewhere.example/page'; }, 100);");
  const until = Date.now() + 10_000;
  const reported = () =>
    firefox.violations.length > 0 &&
    firefox.pageErrors.some((error) => error.includes('an error thrown by the test')) &&
    firefox.requests.some((url) => url.startsWith('https://elsewhere.example/')) &&
    firefox.refused.length > 0;
  while (!reported()) {
    if (Date.now() > until) throw new Error('Firefox reported not all three');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.throws(
    () => app.check(),
    ({ actual: found }) => {
      assert.deepEqual(found['requests to another origin'], ['https://elsewhere.example/page']);
      assert.deepEqual(found['addresses the proxy refused'], ['https://elsewhere.example:443']);
      assert.match(found['Content-Security-Policy violations'][0].directive, /^style-src/);
      assert.ok(found['page errors'].some((error) => error.includes('an error thrown by the test')));
      return true;
    },
  );
  // The check starts afresh: what it found above is not this test's failure.
  app.check();
});
