// Firefox ESR for the e2e tests, driven through geckodriver over the W3C
// WebDriver protocol (a few HTTP calls; playwright-core drives only its own
// patched Firefox builds). Firefox calls home constantly, and the tests'
// machines reach nothing beyond loopback, so the profile turns off updates,
// telemetry, remote settings, safe browsing and the captive-portal and
// connectivity checks, and every remaining request to another origin goes
// to a proxy on 127.0.0.1 that refuses it and writes it down: the tests fail
// on any that is not the deliberate Quick exit. Beside the classic session,
// WebDriver BiDi (over a WebSocket) reports what the pages do, as Playwright
// does for Chromium: every request, every page error, and every Content-
// Security-Policy violation (a listener in each page before its scripts).
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { START_WITHIN_MS, driverAt, freePort, sessionApi, spawnDriver, startOrRetry } from './webdriver.mjs';

// Node 20 has no WebSocket without a flag; playwright-core ships `ws` and
// exports it for its own tools.
const { ws: WebSocket } = createRequire(import.meta.url)('playwright-core/lib/utilsBundle');

export const FIREFOX = '/usr/bin/firefox-esr';
export const GECKODRIVER = process.env.GECKODRIVER || `${process.env.HOME}/.cargo/bin/geckodriver`;

/** Whether this machine can run the Firefox tests (scripts/setup.sh installs both). */
export function firefoxAvailable() {
  return fs.existsSync(FIREFOX) && fs.existsSync(GECKODRIVER);
}

/** A proxy that refuses everything and writes down in `asked` what was asked of it. */
async function refusingProxy(asked) {
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

/**
 * Listens to the session over WebDriver BiDi and writes into `record` every
 * request a page makes, every page error (an uncaught exception or a
 * console error) and every policy violation.
 */
async function listen(webSocketUrl, record) {
  const socket = new WebSocket(webSocketUrl);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const waiting = new Map();
  let lastId = 0;
  const send = (method, params) =>
    new Promise((resolve, reject) => {
      const id = ++lastId;
      waiting.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });
  socket.on('message', (data) => {
    const message = JSON.parse(data);
    if (waiting.has(message.id)) {
      const { resolve, reject } = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.type === 'error') reject(new Error(`${message.error}: ${message.message}`));
      else resolve(message.result);
      return;
    }
    const { method, params } = message;
    if (method === 'network.beforeRequestSent') record.requests.push(params.request.url);
    else if (method === 'log.entryAdded' && params.level === 'error') record.pageErrors.push(params.text);
    else if (method === 'script.message' && params.channel === 'csp') {
      record.violations.push(Object.fromEntries(params.data.value.map(([key, value]) => [key, value.value])));
    }
  });
  await send('session.subscribe', { events: ['network.beforeRequestSent', 'log.entryAdded', 'script.message'] });
  await send('script.addPreloadScript', {
    functionDeclaration: `(report) => window.addEventListener('securitypolicyviolation', (event) =>
      report({ directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample, page: location.href }))`,
    arguments: [{ type: 'channel', value: { channel: 'csp' } }],
  });
  return () => socket.close();
}

/**
 * Starts geckodriver and one headless Firefox session. Requests, page
 * errors and policy violations go into `record` (tests/e2e/support.mjs
 * checks it after each test); what the proxy refused goes into
 * `record.refused`, as the addresses it was asked for.
 */
export async function openFirefox({ record = { requests: [], pageErrors: [], violations: [], refused: [] } } = {}) {
  return startOrRetry('Firefox', (attempt) => {
    // What a hung try's browser asked for is not this session's.
    if (attempt > 1) record.refused.length = 0;
    return startFirefox(record);
  });
}

async function startFirefox(record) {
  const proxy = await refusingProxy(record.refused);
  const port = await freePort();
  const bidiPort = await freePort();
  const driver = spawnDriver(GECKODRIVER, ['--port', String(port), '--websocket-port', String(bidiPort), '--binary', FIREFOX], {
    stdio: 'ignore',
    // Release builds ignore `services.settings.server` without this.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
  });
  const stopAll = async () => {
    driver.stop();
    await proxy.stop();
  };
  let call;
  let session;
  let stopListening;
  try {
    call = await driverAt(port);
    session = await call(
      'POST',
      '/session',
      {
        capabilities: {
          alwaysMatch: {
            browserName: 'firefox',
            webSocketUrl: true,
            'moz:firefoxOptions': {
              binary: FIREFOX,
              args: ['-headless'],
              prefs: prefs(proxy.port),
            },
          },
        },
      },
      { within: START_WITHIN_MS },
    );
    stopListening = await listen(session.capabilities.webSocketUrl, record);
  } catch (error) {
    await stopAll();
    throw error;
  }
  const browser = {
    ...record,
    ...sessionApi(call, session.sessionId, { leaving: (error) => /Reached error page/.test(error.message) }),
    async close() {
      try {
        stopListening();
        await browser.end();
      } finally {
        await stopAll();
      }
    },
  };
  return browser;
}
