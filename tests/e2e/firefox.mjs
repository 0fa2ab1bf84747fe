// Firefox ESR for the e2e tests, driven through geckodriver over the W3C
// WebDriver protocol (a few HTTP calls; playwright-core drives only its own
// patched Firefox builds). Firefox calls home constantly, and the tests'
// machines reach nothing beyond loopback, so the profile turns off updates,
// telemetry, remote settings, safe browsing and the captive-portal and
// connectivity checks, and every remaining request to another origin goes
// to a proxy on 127.0.0.1 that refuses it and writes it down: the tests fail
// on any that is not the deliberate Quick exit.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';

export const FIREFOX = '/usr/bin/firefox-esr';
export const GECKODRIVER = process.env.GECKODRIVER || `${process.env.HOME}/.cargo/bin/geckodriver`;

/** Whether this machine can run the Firefox tests (scripts/setup.sh installs both). */
export function firefoxAvailable() {
  return fs.existsSync(FIREFOX) && fs.existsSync(GECKODRIVER);
}

async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A proxy that refuses everything and records what was asked of it. */
async function refusingProxy() {
  const asked = [];
  const server = http.createServer((req, res) => {
    // Proxied requests name a whole address; a bare path is a request made
    // to this port directly (a service pointed here to go nowhere).
    if (!req.url.startsWith('/')) asked.push(req.url);
    res.writeHead(403).end('refused by the test proxy');
  });
  server.on('connect', (req, socket) => {
    asked.push(`https://${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { asked, port: server.address().port, stop: () => new Promise((resolve) => server.close(resolve)) };
}

function prefs(proxyPort) {
  const nowhere = `http://127.0.0.1:${proxyPort}/`;
  return {
    // Everything not on loopback goes to the refusing proxy.
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': false,
    'network.trr.mode': 5,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.http.speculative-parallel-limit': 0,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'captivedetect.canonicalURL': nowhere,
    // Updates, telemetry, studies, remote settings, safe browsing.
    'app.update.disabledForTesting': true,
    'app.update.auto': false,
    'app.normandy.enabled': false,
    'app.shield.optoutstudies.enabled': false,
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.server': nowhere,
    'toolkit.telemetry.archive.enabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'browser.ping-centre.telemetry': false,
    'services.settings.server': nowhere,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.blockedURIs.enabled': false,
    'browser.safebrowsing.provider.mozilla.updateURL': nowhere,
    'browser.safebrowsing.provider.google4.updateURL': nowhere,
    'extensions.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.blocklist.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'browser.search.update': false,
    'browser.region.update.enabled': false,
    'browser.region.network.url': nowhere,
    'geo.provider.network.url': nowhere,
    'media.gmp-manager.url': nowhere,
    'media.gmp-gmpopenh264.enabled': false,
    'browser.newtabpage.enabled': false,
    'browser.startup.page': 0,
    'browser.startup.homepage_override.mstone': 'ignore',
    'browser.discovery.enabled': false,
    'security.OCSP.enabled': 0,
    'security.remote_settings.crlite_filters.enabled': false,
    'security.remote_settings.intermediates.enabled': false,
  };
}

/** Starts geckodriver and one headless Firefox session. */
export async function openFirefox() {
  const proxy = await refusingProxy();
  const port = await freePort();
  const driver = spawn(GECKODRIVER, ['--port', String(port), '--binary', FIREFOX], {
    stdio: 'ignore',
    // Release builds ignore `services.settings.server` without this.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
  });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json();
    if (json.value && json.value.error) throw new Error(`${method} ${path}: ${json.value.error}: ${json.value.message}`);
    return json.value;
  };
  for (let i = 0; ; i++) {
    try {
      if ((await call('GET', '/status')).ready) break;
    } catch (error) {
      if (i > 100) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const session = await call('POST', '/session', {
    capabilities: {
      alwaysMatch: {
        browserName: 'firefox',
        'moz:firefoxOptions': {
          binary: FIREFOX,
          args: ['-headless'],
          prefs: prefs(proxy.port),
        },
      },
    },
  });
  const id = session.sessionId;
  const s = (method, path, body) => call(method, `/session/${id}${path}`, body);
  const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

  const browser = {
    asked: proxy.asked,
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
        if (!/Reached error page/.test(error.message)) throw error;
      }
    },
    type: (element, text) => s('POST', `/element/${element}/value`, { text }),
    value: (element) => s('GET', `/element/${element}/property/value`),
    tag: (element) => s('GET', `/element/${element}/name`),
    text: (element) => s('GET', `/element/${element}/text`),
    /** A button, by its accessible text. */
    button: (name) => browser.find(`//button[normalize-space(.)="${name}"]`),
    /** A level-1 heading, by its text. */
    heading: (text) => browser.find(`//h1[normalize-space(.)="${text}"]`),
    /** The control a label names, the way a person finds a field. */
    async field(label) {
      const labelled = await browser.find(`//label[starts-with(normalize-space(.), "${label}")]`);
      const target = await s('GET', `/element/${labelled}/attribute/for`);
      return browser.find(`//*[@id="${target}"]`);
    },
    async close() {
      try {
        await call('DELETE', `/session/${id}`);
      } finally {
        driver.kill();
        await proxy.stop();
      }
    },
  };
  return browser;
}
