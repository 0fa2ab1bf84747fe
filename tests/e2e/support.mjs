// What every e2e test file shares: a session (the release build on a
// loopback server, and a browser on it) whose end checks what Mend promises
// on every page, whatever the test was about: nothing left the page's own
// origin, the Content-Security-Policy held, and no page error (an uncaught
// exception or a console error). And the small helpers the files share.
// The server and Chromium themselves live in scripts/lib/, which the
// scripts that measure and photograph the build use too.
import { after, afterEach, before } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../../scripts/lib/static_host.mjs';
import { foreignRequests, newRecord, openBrowser } from '../../scripts/lib/chromium.mjs';

export { ROOT, DIST, DIST_SUBPATH } from '../../scripts/lib/static_host.mjs';
export { waitForOfflineReady, waitUntil, tempDir } from '../../scripts/lib/chromium.mjs';

/** What Quick exit's neutral site shows in the tests (`neutralSite`). */
const NEUTRAL_PAGE = '<title>Weather</title><h1>Weather</h1>';

/**
 * Asserts Mend's promises over what happened in one test. `expected` names
 * what the test does on purpose and must then see happen: `foreignRequests`,
 * the exact addresses outside the origin it opens (Quick exit's neutral
 * site), and `pageErrors`, a pattern every page error must match (a test
 * that cuts a download or forces a panic).
 */
function assertPromisesKept(record, origin, { foreignRequests: expectedRequests = [], pageErrors: expectedErrors } = {}) {
  const foreign = [...new Set(foreignRequests(record.requests, origin))];
  const expectedOrigins = expectedRequests.map((url) => new URL(url).origin);
  const found = {
    'requests to another origin': foreign.filter((url) => !expectedRequests.includes(url)),
    // Firefox's refusing proxy (firefox.mjs) names only the host of an https request.
    'addresses the proxy refused': (record.refused ?? []).filter((asked) => !expectedOrigins.includes(new URL(asked).origin)),
    'Content-Security-Policy violations': record.violations,
    'page errors': expectedErrors ? record.pageErrors.filter((error) => !expectedErrors.test(error)) : record.pageErrors,
    'expected, but did not happen': [
      ...expectedRequests.filter((url) => !foreign.includes(url)),
      ...(expectedErrors && !record.pageErrors.some((error) => expectedErrors.test(error)) ? [`a page error matching ${expectedErrors}`] : []),
    ],
  };
  const problems = Object.fromEntries(Object.entries(found).filter(([, list]) => list.length > 0));
  assert.deepEqual(problems, {}, 'nothing left the origin, the policy held, and no page error');
}

/**
 * The release build on a loopback server and a browser on it. Options:
 * `root`, `prefix`, `htmlForMissingFiles` for the server (startServer);
 * `engine: 'firefox'` for Firefox ESR (then `firefox` is its driver, not
 * `page`); `neutralSite`, an origin (https://www.bbc.com) whose pages the
 * browser answers itself with a plain page, so Quick exit contacts nothing
 * real; `expect`, what the test does on purpose (assertPromisesKept); and
 * the rest for openBrowser (viewport, locale, javaScriptEnabled…).
 */
class Session {
  #options;
  #record = { ...newRecord(), refused: [] };
  #expected = {};
  #browsers = [];
  #starting;

  constructor(options = {}) {
    this.#options = options;
  }

  /** Starts the server and the browser; a second call waits for the first. */
  start() {
    this.#starting ??= this.#start();
    return this.#starting;
  }

  async #start() {
    const { root, prefix, htmlForMissingFiles, engine = 'chromium', expect = {}, ...browser } = this.#options;
    this.#expected = expect;
    this.server = await startServer({ root, prefix, htmlForMissingFiles });
    if (engine === 'firefox') {
      // Loaded only here: its WebSocket client is a large bundle.
      const { openFirefox } = await import('./firefox.mjs');
      this.firefox = await openFirefox({ record: this.#record });
      this.#browsers.push(this.firefox);
    } else {
      ({ page: this.page, context: this.context } = await this.anotherBrowser(browser));
    }
  }

  get origin() {
    return this.server.origin;
  }

  /** The address of `path` in Mend ('' for the start page). */
  url(path = '') {
    return `${this.server.url}${path}`;
  }

  /**
   * Another Chromium on the same server (another person's phone, another
   * window size), with a profile of its own and under the same checks.
   */
  async anotherBrowser({ neutralSite, ...options } = {}) {
    const browser = await openBrowser({ ...options, record: this.#record });
    this.#browsers.push(browser);
    if (neutralSite) {
      await browser.context.route(`${neutralSite}/**`, (route) => route.fulfill({ contentType: 'text/html', body: NEUTRAL_PAGE }));
    }
    return browser;
  }

  /** What the running test does on purpose (see assertPromisesKept); holds until its end. */
  expect(expected) {
    this.#expected = expected;
  }

  /** Asserts the promises over everything since the last check, then starts afresh. */
  check() {
    if (!this.server) return;
    const record = Object.fromEntries(Object.entries(this.#record).map(([key, list]) => [key, list.splice(0)]));
    const expected = this.#expected;
    this.#expected = this.#options.expect ?? {};
    assertPromisesKept(record, this.origin, expected);
  }

  async close() {
    try {
      for (const browser of this.#browsers) await browser.close();
    } finally {
      await this.server?.stop();
    }
  }
}

/**
 * One session for the whole file (browser start-ups are slow): started
 * before the first test, checked at the end of every test, closed after
 * the last. A test that provokes a failure on purpose says so first, with
 * `session.expect({ … })`. A file's own `before` that needs the session
 * awaits `session.start()` first: Node 20 runs a file's `before` hooks side
 * by side, not one after the other.
 */
export function sharedSession(options) {
  const session = new Session(options);
  before(() => session.start());
  afterEach(() => session.check());
  after(() => session.close());
  return session;
}

/**
 * A session of the test `t` alone (a fresh profile), closed and checked when
 * it ends. `options.expect` is what the test does on purpose.
 */
export async function session(t, options) {
  const opened = new Session(options);
  t.after(async () => {
    // Closed first, so that nothing the pages did is still on its way.
    await opened.close();
    opened.check();
  });
  await opened.start();
  return opened;
}

/** Waits for the page's level-1 heading to be exactly `name`. */
export const h1 = (page, name) => page.getByRole('heading', { level: 1, name, exact: true }).waitFor();

/** The document Mend saved on this device, as stored (text, or null). */
export const storedText = (page) => page.evaluate(() => localStorage.getItem('mend.document'));

/** The document Mend saved on this device, parsed. */
export const stored = async (page) => JSON.parse(await storedText(page));

/**
 * A document as an earlier Mend saved it (`schema` 2 unless said): the
 * other person called `name` (or nothing), no safety choice made, and the
 * rest of `data` (entries, commitments, exchanges) as given. Returns its text.
 */
export function savedDocument({ schema = 2, savedAt = '2026-12-01T10:00:00.000Z', name = null, ...data }) {
  return JSON.stringify({
    app: 'mend',
    schema,
    revision: 1,
    saved_at: savedAt,
    data: {
      profile: {
        wording: { relationship: 'partner', name },
        safety: { full_path_for: [], safe_now: [], harm_page_read_for: [], caution_lifted: [] },
      },
      ...data,
    },
  });
}

/** Mend as on a first visit: opens `url` and empties both storages. */
export async function freshStart(page, url) {
  await page.goto(url);
  await page.evaluate(() => {
    localStorage.clear();
    sessionStorage.clear();
  });
}

/** As freshStart, then `text` stored as Mend's document (read at the next page load). */
export async function startWith(page, url, text) {
  await freshStart(page, url);
  await page.evaluate((text) => localStorage.setItem('mend.document', text), text);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date as Mend writes it, "30 November 2026", from a local Date or "2026-11-30". */
export function longDate(date) {
  const [y, m, d] = typeof date === 'string' ? date.split('-').map(Number) : [date.getFullYear(), date.getMonth() + 1, date.getDate()];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** Fills this origin's storage for real, leaving no room for the next save. */
export async function fillQuota(page) {
  await page.evaluate(() => {
    const chunk = 'x'.repeat(256 * 1024);
    for (let i = 0; i < 200; i++) {
      try {
        localStorage.setItem(`filler-${i}`, chunk);
      } catch {
        for (let size = chunk.length / 2; size >= 1; size /= 2) {
          try {
            localStorage.setItem(`filler-${i}-${size}`, chunk.slice(0, size));
          } catch {}
        }
        return;
      }
    }
  });
}

/** Makes room again: removes what `fillQuota` wrote. */
export async function freeQuota(page) {
  await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('filler-'))
      .forEach((k) => localStorage.removeItem(k)),
  );
}
