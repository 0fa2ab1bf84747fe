// Takes screenshots of the release build's pages on a phone-sized and a
// desktop-sized window, in light and dark mode, into ./screenshots/ (ignored
// by git), so a person can look at what was built. Usage:
//   node scripts/screenshots.mjs [path ...]      (default: every main page)
// The path `locked` shows the lock screen (over a stand-in sealed document).
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, startServer } from './lib/static_host.mjs';
import { openBrowser } from './lib/chromium.mjs';

const pages = process.argv.slice(2).length ? process.argv.slice(2) : ['', 'guides', 'history', 'settings', 'nowhere'];
const out = path.join(ROOT, 'screenshots');
const b64 = (n) => Buffer.alloc(n, 7).toString('base64');
const LOCKED = JSON.stringify({
  app: 'mend', schema: 1, revision: 1, saved_at: '2026-11-22T10:00:00.000Z',
  sealed: {
    format: 1, cipher: 'AES-256-GCM', kdf: { name: 'PBKDF2-SHA256', iterations: 600000, salt: b64(16) },
    check_iv: b64(12), check: b64(21 + 16), iv: b64(12), data: b64(64),
  },
});
fs.mkdirSync(out, { recursive: true });
const server = await startServer();
try {
  for (const [device, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 900 }]]) {
    for (const colorScheme of ['light', 'dark']) {
      const session = await openBrowser({ viewport, colorScheme });
      for (const page of pages) {
        if (page === 'locked') {
          await session.page.goto(server.url);
          await session.page.evaluate((doc) => localStorage.setItem('mend.document', doc), LOCKED);
          await session.page.goto(server.url);
        } else {
          await session.page.goto(server.url + page);
        }
        await session.page.getByRole('heading', { level: 1 }).waitFor();
        const file = path.join(out, `${page.replaceAll('/', '_') || 'start'}-${device}-${colorScheme}.png`);
        await session.page.screenshot({ path: file, fullPage: true });
        console.log(file);
      }
      await session.close();
    }
  }
} finally {
  await server.stop();
}
