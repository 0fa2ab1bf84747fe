// Takes screenshots of the release build's pages on a phone-sized and a
// desktop-sized window, in light and dark mode, into ./screenshots/ (ignored
// by git), so a person can look at what was built. Usage:
//   node scripts/screenshots.mjs [path ...]      (default: every main page)
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, startServer, openBrowser } from '../tests/e2e/support.mjs';

const pages = process.argv.slice(2).length ? process.argv.slice(2) : ['', 'guides', 'history', 'settings', 'nowhere'];
const out = path.join(ROOT, 'screenshots');
fs.mkdirSync(out, { recursive: true });
const server = await startServer();
try {
  for (const [device, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 900 }]]) {
    for (const colorScheme of ['light', 'dark']) {
      const session = await openBrowser({ viewport, colorScheme });
      for (const page of pages) {
        await session.page.goto(server.url + page);
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
