// The classic W3C WebDriver protocol, as the e2e tests use it for the
// engines Playwright cannot drive here (Firefox ESR through geckodriver,
// WebKitGTK through WebKitWebDriver): a few HTTP calls, and elements found
// the way a person finds them, by a button's text, a heading, a label.
import { spawn } from 'node:child_process';
import net from 'node:net';

/** A free TCP port on loopback. */
export async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The driver listening on `port`, once it says it is ready: `call(method,
 * path, body, { within })` sends one command and returns its value, or
 * throws the driver's error.
 */
export async function driverAt(port) {
  const base = `http://127.0.0.1:${port}`;
  // `within` (ms) bounds a call that could hang, such as starting a browser.
  const call = async (method, path, body, { within } = {}) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: within === undefined ? undefined : AbortSignal.timeout(within),
    });
    const json = await response.json();
    if (json.value && json.value.error) throw new Error(`${method} ${path}: ${json.value.error}: ${json.value.message}`);
    return json.value;
  };
  for (let i = 0; ; i++) {
    try {
      if ((await call('GET', '/status', undefined, { within: 2_000 })).ready) break;
    } catch (error) {
      if (i > 100) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return call;
}

/**
 * Starts a WebDriver server in a process group of its own, so that
 * `stop()` ends the browser it started too: geckodriver leaves Firefox
 * running when it is only told to stop (mozilla/geckodriver#291), which on
 * a retried start would leave a browser behind for every try.
 */
export function spawnDriver(command, args, options) {
  const driver = spawn(command, args, { ...options, detached: true });
  return {
    stop() {
      try {
        process.kill(-driver.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    },
  };
}

/** How long a browser may take to start (1-3 s on a quiet machine). */
export const START_WITHIN_MS = 60_000;

/**
 * `start(attempt)`, tried up to three times while it does not answer in
 * time. Once in a while a driver's new session never answers (seen once in
 * CI: WebKitWebDriver waited for MiniBrowser until the request timed out
 * after 300 s). That says nothing about Mend, so only a start that hung is
 * tried again; `start` must stop what it began before it throws.
 */
export async function startOrRetry(what, start) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start(attempt);
    } catch (error) {
      const hung = error?.name === 'TimeoutError' || error?.cause?.code === 'UND_ERR_HEADERS_TIMEOUT';
      if (!hung || attempt === 3) throw error;
      console.warn(`${what} did not start within ${START_WITHIN_MS / 1000} s (attempt ${attempt} of 3); trying again.`);
    }
  }
}

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/**
 * What a test does with a browser in session `id` of the driver `call`
 * talks to: go somewhere, find by text, click, type, read. `leaving` says
 * whether an error of the driver means only that the page left for an
 * address the test proxy refused (Quick exit).
 */
export function sessionApi(call, id, { leaving = () => false } = {}) {
  const s = (method, path, body) => call(method, `/session/${id}${path}`, body);
  const browser = {
    goto: (url) => s('POST', '/url', { url }),
    back: () => s('POST', '/back', {}),
    reload: () => s('POST', '/refresh', {}),
    url: () => s('GET', '/url'),
    source: () => s('GET', '/source'),
    run: (script, ...args) => s('POST', '/execute/sync', { script, args }),
    /** The first element `xpath` finds, waiting up to `ms` for it. */
    async find(xpath, ms = 15_000) {
      const until = Date.now() + ms;
      for (;;) {
        const found = await s('POST', '/elements', { using: 'xpath', value: xpath });
        if (found.length) return found[0][ELEMENT];
        if (Date.now() > until) throw new Error(`nothing found for ${xpath}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async gone(xpath, ms = 15_000) {
      const until = Date.now() + ms;
      while ((await s('POST', '/elements', { using: 'xpath', value: xpath })).length) {
        if (Date.now() > until) throw new Error(`still there: ${xpath}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    click: (element) => s('POST', `/element/${element}/click`, {}),
    /** A click that leaves for a page the proxy refuses (Quick exit). */
    async clickAway(element) {
      try {
        await s('POST', `/element/${element}/click`, {});
      } catch (error) {
        if (!leaving(error)) throw error;
      }
    },
    type: (element, text) => s('POST', `/element/${element}/value`, { text }),
    value: (element) => s('GET', `/element/${element}/property/value`),
    tag: (element) => s('GET', `/element/${element}/name`),
    /** Whether the element is shown (not hidden by the style sheet). */
    displayed: (element) => s('GET', `/element/${element}/displayed`),
    text: (element) => s('GET', `/element/${element}/text`),
    attribute: (element, name) => s('GET', `/element/${element}/attribute/${name}`),
    /** A button, by its accessible text. */
    button: (name) => browser.find(`//button[normalize-space(.)="${name}"]`),
    /** A link, by its text. */
    link: (name) => browser.find(`//a[normalize-space(.)="${name}"]`),
    /** A level-1 heading, by its text. */
    heading: (text) => browser.find(`//h1[normalize-space(.)="${text}"]`),
    /** The control a label names, the way a person finds a field. */
    async field(label) {
      const labelled = await browser.find(`//label[starts-with(normalize-space(.), "${label}")]`);
      const target = await s('GET', `/element/${labelled}/attribute/for`);
      return browser.find(`//*[@id="${target}"]`);
    },
    /** Ends the session. */
    end: () => call('DELETE', `/session/${id}`),
  };
  return browser;
}
