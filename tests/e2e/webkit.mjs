// WebKit for the e2e tests: WebKitGTK's MiniBrowser, the engine of Safari,
// driven by Debian's WebKitWebDriver over classic WebDriver. Playwright's
// own WebKit build downloads from a host these machines cannot reach, and
// MiniBrowser needs a display, so it runs in a virtual one (Xvfb).
//
// Every request that would leave loopback goes to a proxy on 127.0.0.1
// that refuses it and writes it down. WebKit speaks TLS to an https proxy
// before it names the host, so an https request is written down as such,
// without its host; a plain http one with its address. WebKitWebDriver
// has no WebDriver BiDi, so unlike Chromium and Firefox no policy
// violation or console error is reported from WebKit.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { START_WITHIN_MS, driverAt, freePort, sessionApi, spawnDriver, startOrRetry } from './webdriver.mjs';

export const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const XVFB = '/usr/bin/Xvfb';

/** Whether this machine can run the WebKit tests (scripts/setup.sh installs them). */
export function webkitAvailable() {
  return [WEBKIT_DRIVER, MINIBROWSER, XVFB].every((file) => fs.existsSync(file));
}

/** What an https request through the proxy is written down as. */
export const HTTPS_ELSEWHERE = 'https://(a host WebKit named only inside TLS)';

/** Refuses every connection and writes down in `refused` what it was. */
async function refusingProxy(refused) {
  const server = net.createServer((socket) => {
    socket.on('error', () => {});
    // A connection that closes before it says anything still tried to leave.
    let spoke = false;
    socket.once('close', () => {
      if (!spoke) refused.push('(a connection that sent nothing)');
    });
    socket.once('data', (data) => {
      spoke = true;
      const line = data.subarray(0, 2048).toString('latin1').split('\r\n')[0];
      const asked = /^[A-Z]+ (\S+) HTTP\/1\.[01]$/.exec(line);
      if (asked) {
        refused.push(line.startsWith('CONNECT ') ? `https://${asked[1]}` : asked[1]);
        socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\nconnection: close\r\n\r\n');
      } else {
        refused.push(data[0] === 0x16 ? HTTPS_ELSEWHERE : `(unknown protocol: ${line.slice(0, 20)})`);
        socket.destroy();
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: server.address().port, stop: () => new Promise((resolve) => server.close(resolve)) };
}

/** A virtual display, ready once its socket exists. */
async function virtualDisplay() {
  for (let number = 90 + Math.floor(Math.random() * 400); ; number++) {
    if (fs.existsSync(`/tmp/.X11-unix/X${number}`) || fs.existsSync(`/tmp/.X${number}-lock`)) continue;
    const xvfb = spawn(XVFB, [`:${number}`, '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      if (fs.existsSync(`/tmp/.X11-unix/X${number}`)) return { display: `:${number}`, stop: () => xvfb.kill() };
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    xvfb.kill();
    throw new Error(`Xvfb did not start on :${number}`);
  }
}

/** Where WebKitWebDriver writes what it says, for a start that fails. */
const DRIVER_LOG = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../target/webkit-driver.log');

/**
 * Starts a virtual display, WebKitWebDriver and one MiniBrowser session.
 * What the proxy refused goes into `refused`. A start that hangs is tried
 * again with a new display and driver (`startOrRetry`); the driver's
 * output of each try is kept in target/webkit-driver.log.
 */
export async function openWebKit({ refused = [] } = {}) {
  fs.mkdirSync(path.dirname(DRIVER_LOG), { recursive: true });
  fs.writeFileSync(DRIVER_LOG, '');
  return startOrRetry('WebKit', (attempt) => {
    // What a hung try's browser asked for is not this session's.
    if (attempt > 1) refused.length = 0;
    return startWebKit(refused, attempt);
  });
}

async function startWebKit(refused, attempt) {
  const proxy = await refusingProxy(refused);
  const screen = await virtualDisplay();
  const port = await freePort();
  fs.appendFileSync(DRIVER_LOG, `--- attempt ${attempt}, display ${screen.display}, port ${port}\n`);
  const log = fs.openSync(DRIVER_LOG, 'a');
  const driver = spawnDriver(WEBKIT_DRIVER, [`--port=${port}`], {
    stdio: ['ignore', log, log],
    env: { ...process.env, DISPLAY: screen.display },
  });
  fs.closeSync(log);
  const stopAll = async () => {
    driver.stop();
    screen.stop();
    await proxy.stop();
  };
  try {
    const call = await driverAt(port);
    const at = `127.0.0.1:${proxy.port}`;
    const session = await call(
      'POST',
      '/session',
      {
        capabilities: {
          alwaysMatch: {
            browserName: 'MiniBrowser',
            proxy: { proxyType: 'manual', httpProxy: at, sslProxy: at, noProxy: ['127.0.0.1', 'localhost'] },
            'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
          },
        },
      },
      { within: START_WITHIN_MS },
    );
    const browser = {
      refused,
      // A refused page is an error page, not an error of the driver.
      ...sessionApi(call, session.sessionId),
      async close() {
        try {
          await browser.end();
        } finally {
          await stopAll();
        }
      },
    };
    return browser;
  } catch (error) {
    await stopAll();
    throw error;
  }
}
