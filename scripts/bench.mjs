// Prints Mend's figures for the release dist: bytes per file (raw, gzip,
// brotli) and median timings in headless Chromium. See scripts/bench.sh.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST, startServer, openBrowser, waitForOfflineReady } from '../tests/e2e/support.mjs';

const runs = Number(process.argv[2] || 7);

function sizes() {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(DIST);
  const rows = files
    .filter((f) => path.basename(f) !== '404.html')
    .map((file) => {
      const data = fs.readFileSync(file);
      return {
        file: path.relative(DIST, file),
        raw: data.length,
        gzip: zlib.gzipSync(data, { level: 9 }).length,
        brotli: zlib.brotliCompressSync(data, {
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
        }).length,
      };
    })
    .sort((a, b) => b.raw - a.raw);
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), {
    raw: 0,
    gzip: 0,
    brotli: 0,
  });
  const width = Math.max(...rows.map((r) => r.file.length), 5);
  const line = (name, r) =>
    `${name.padEnd(width)}  ${String(r.raw).padStart(9)}  ${String(r.gzip).padStart(9)}  ${String(r.brotli).padStart(9)}`;
  console.log(`Bundle (${DIST}), bytes`);
  console.log(`${'file'.padEnd(width)}  ${'raw'.padStart(9)}  ${'gzip'.padStart(9)}  ${'brotli'.padStart(9)}`);
  for (const r of rows) console.log(line(r.file, r));
  console.log(line('TOTAL', total));
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function firstRender(page) {
  await page.waitForFunction(() => performance.getEntriesByName('mend:first-render').length > 0);
  return page.evaluate(() => performance.getEntriesByName('mend:first-render')[0].startTime);
}

async function timings() {
  const server = await startServer();
  const cold = [];
  const warm = [];
  const navigation = [];
  try {
    for (let i = 0; i < runs; i++) {
      // A fresh profile each run: "cold" is a first visit over loopback,
      // "warm" the next visit, answered by the service worker's cache.
      const session = await openBrowser();
      const { page } = session;
      await page.goto(server.url);
      cold.push(await firstRender(page));
      await waitForOfflineReady(page);
      await page.reload();
      warm.push(await firstRender(page));
      navigation.push(
        await page.evaluate(
          () =>
            new Promise((resolve) => {
              const link = [...document.querySelectorAll('nav a')].find((a) => a.textContent === 'Settings');
              const start = performance.now();
              link.click();
              const check = () =>
                document.querySelector('h1')?.textContent === 'Settings'
                  ? requestAnimationFrame(() => resolve(performance.now() - start))
                  : requestAnimationFrame(check);
              check();
            }),
        ),
      );
      await session.close();
    }
  } finally {
    await server.stop();
  }
  const fmt = (values) => `median ${median(values).toFixed(1)} ms  (runs: ${values.map((v) => v.toFixed(0)).join(', ')})`;
  console.log(`\nTimings in headless Chromium over ${runs} runs (machine load affects these; compare like with like)`);
  console.log(`navigation → first page rendered, first visit:   ${fmt(cold)}`);
  console.log(`navigation → first page rendered, from cache:    ${fmt(warm)}`);
  console.log(`click "Settings" → Settings page painted:        ${fmt(navigation)}`);
}

sizes();
await timings();
