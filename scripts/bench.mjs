// Prints Mend's figures for the release dist: bytes (every file, then the
// first load), the wasm's biggest contributors (twiggy), and timings in
// headless Chromium, over loopback and under a phone profile. It only
// reports; the size budget that can fail lives in scripts/size_budget.mjs.
// See scripts/bench.sh.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, ROOT, startServer } from './lib/static_host.mjs';
import { openBrowser, waitForOfflineReady } from './lib/chromium.mjs';
import { compressed, firstLoad, pageLoads, printTable } from './first_load.mjs';

const runs = Number(process.argv[2] || 7);

/**
 * Issue 22 as it was filed, for the table at the end: its own figures
 * (phone profile, medians of 5), and for opening a guide and saving an
 * answer the first time this benchmark measured them, the session after.
 * Every page was in the one wasm then: no page had a chunk of its own.
 */
const ISSUE_22_FILED = {
  bytesBeforeQuestion: '517 KiB',
  firstLoad: '≈ 525 KB',
  home: '3.5 s',
  crisisOn: '3.5 s',
  crisisOff: 'never',
  question: '3.6 s',
  openGuide: '34 ms',
  saveAnswer: '14 ms',
};
/** This run's figures for that table, filled in as they are measured. */
const now = {};

/** The phone profile of issue 11: a mid-range phone on a slow mobile link. */
const PHONE = {
  cpuSlowdown: 4,
  latencyMs: 150,
  downloadBitsPerSecond: 1.6e6,
  uploadBitsPerSecond: 750e3,
};

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
    .map((file) => ({ file: path.relative(DIST, file), ...compressed(fs.readFileSync(file)) }))
    .sort((a, b) => b.raw - a.raw);
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), {
    raw: 0,
    gzip: 0,
    brotli: 0,
  });
  printTable(`Every file of the build (${DIST}), bytes`, rows, total);
  const first = firstLoad(DIST);
  console.log('');
  printTable('First load (everything before the first screen), bytes', first.rows, first.total);
  console.log(`first load: ${(first.total.brotli / 1024).toFixed(1)} KiB brotli (target ≤ 200 KiB)`);
  // /guides/start is guides/start.html, whose first question can be
  // answered with only its style sheet and first-screen.js; the app that
  // carries the answer on needs the same scripts and wasm as the home
  // screen (the intake is inside the main module: no chunk, no guide file).
  const start = compressed(fs.readFileSync(path.join(DIST, 'guides', 'start.html'))).brotli;
  const index = first.rows.find((r) => r.file === 'index.html')?.brotli ?? 0;
  const pageAssets = first.rows
    .filter((r) => r.file.endsWith('.css') || r.file === 'first-screen.js')
    .reduce((t, r) => t + r.brotli, 0);
  const beforeQuestion = start + pageAssets;
  const beforeApp = first.total.brotli - index + start;
  console.log(`bytes before the first intake question: ${(beforeQuestion / 1024).toFixed(1)} KiB brotli (the static page, its style sheet and first-screen.js; issue 22 target ≤ 300 KiB)`);
  console.log(`bytes before the app's intake (with the wasm): ${(beforeApp / 1024).toFixed(1)} KiB brotli`);
  now.bytesBeforeQuestion = `${(beforeQuestion / 1024).toFixed(1)} KiB (the app's: ${(beforeApp / 1024).toFixed(1)} KiB)`;
  now.firstLoad = `${first.total.brotli.toLocaleString('en')} B`;
  pageChunks();
  const guides = rows.filter((r) => /^guides\/[\w-]+-[0-9a-f]{16}\.json$/.test(r.file));
  const guideBrotli = guides.reduce((t, r) => t + r.brotli, 0);
  console.log(`guide files (English): ${guides.length}, ${(guideBrotli / 1024).toFixed(1)} KiB brotli together (each fetched when its guide opens)`);
  languages(rows);
  console.log(`every file of the build: ${(total.brotli / 1024).toFixed(1)} KiB brotli`);
}

/**
 * Issue 24: what another language costs, and whom. Its words, outlines and
 * intake are downloaded once, when someone chooses it (or their browser
 * speaks it); each guide's words when that guide opens. The first load
 * carries only the machinery that looks words up.
 */
function languages(rows) {
  const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
  const sum = (list) => list.reduce((t, r) => t + r.brotli, 0);
  for (const pack of rows.filter((r) => /^i18n\/[\w-]+-[0-9a-f]{16}\.json$/.test(r.file))) {
    const lang = pack.file.match(/^i18n\/([\w-]+)-[0-9a-f]{16}\.json$/)[1];
    const outline = rows.filter((r) => r.file.startsWith(`guides/outline.${lang}-`));
    const guides = rows.filter((r) => r.file.includes(`.${lang}-`) && r.file.startsWith('guides/') && !r.file.startsWith('guides/outline.'));
    console.log(
      `language ${lang}, downloaded once when chosen: words ${kib(pack.brotli)} + outlines and intake ${kib(sum(outline))} = ${kib(pack.brotli + sum(outline))} brotli; ` +
        `its guides' words: ${guides.length} files, ${kib(sum(guides))} (each when its guide opens)`,
    );
  }
  // The lookups' own code, by name in the main module before wasm-opt.
  const wasm = path.join(ROOT, 'target/split/release/split/mend.wasm');
  try {
    const csv = execFileSync('twiggy', ['top', '-n', '1000000', '-f', 'csv', wasm], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const code = csv
      .split('\n')
      .filter((line) => /^"?mend::(i18n|domain::msg)::/.test(line))
      .reduce((t, line) => t + Number(line.split(',').at(-4)), 0);
    console.log(`the language machinery's code in the main module (mend::i18n, mend::domain::msg; twiggy, before wasm-opt): ${code} bytes; it cost +4.2 KB brotli on the first load when it landed`);
  } catch (error) {
    console.log(`(twiggy could not read ${wasm}: ${error.message.split('\n')[0]})`);
  }
}

/** What opening each page loaded on demand downloads (first_load.mjs). */
function pageChunks() {
  const pages = pageLoads(DIST, path.join(ROOT, 'target/split/release/pages.json'));
  if (!pages) {
    console.log('\n(no target/split/release/pages.json: build with `trunk build --release` first)');
    return;
  }
  console.log('\nPages loaded on demand, bytes brotli (own chunk; with the shared chunks it needs)');
  now.pages = pages;
  for (const { page, own, all, files } of pages) {
    console.log(`${page.padEnd(16)} ${String(own).padStart(8)}  ${String(all).padStart(8)}  (${files} files)`);
  }
}

/**
 * The 20 items that keep the most bytes in the main module (what a first
 * visit downloads), by twiggy's retained size. The release wasm in dist has
 * no names left (wasm-opt drops them), so this reads the main module as
 * wasm-split wrote it (scripts/build_wasm.py), before wasm-bindgen and
 * wasm-opt: sizes are larger than in dist, the ranking is what matters.
 */
function twiggy() {
  const wasm = path.join(ROOT, 'target/split/release/split/mend.wasm');
  let csv;
  try {
    csv = execFileSync('twiggy', ['top', '--retained', '-n', '200', '-f', 'csv', wasm], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    console.log(`\ntwiggy could not read ${wasm} (${error.message.split('\n')[0]}); run ./scripts/setup.sh --bench`);
    return;
  }
  // Name,ShallowSize,ShallowSizePercent,RetainedSize,RetainedSizePercent; names may hold commas.
  const rows = csv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const fields = line.split(',');
      const [retainedPercent, retained] = [fields.pop(), fields.pop()];
      fields.pop();
      fields.pop();
      const name = fields.join(',').replace(/^"(.*)"$/, '$1').replaceAll('""', '"');
      return { name, retained: Number(retained), retainedPercent };
    })
    // Sections and tables retain everything below them; they say nothing.
    .filter((r) => !/^(table\[|elem\[|"function names"|custom section|code\[|data segment)/.test(r.name))
    .slice(0, 20);
  console.log(`\nWasm: top 20 by retained size (twiggy, ${path.relative(ROOT, wasm)}, before wasm-bindgen and wasm-opt)`);
  for (const r of rows) {
    const name = r.name.length > 110 ? `${r.name.slice(0, 107)}...` : r.name;
    console.log(`${String(r.retained).padStart(9)}  ${Number(r.retainedPercent).toFixed(2).padStart(6)}%  ${name}`);
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const fmt = (values) => {
  const low = Math.min(...values);
  const high = Math.max(...values);
  return `median ${median(values).toFixed(0).padStart(5)} ms  spread ${low.toFixed(0)}–${high.toFixed(0)} ms  (${values.length} runs)`;
};

async function firstRender(page) {
  await page.waitForFunction(() => performance.getEntriesByName('mend:first-render').length > 0, null, {
    timeout: 60_000,
  });
  return page.evaluate(() => performance.getEntriesByName('mend:first-render')[0].startTime);
}

async function firstContentfulPaint(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const found = performance.getEntriesByName('first-contentful-paint')[0];
        if (found) return resolve(found.startTime);
        new PerformanceObserver((list) => resolve(list.getEntries()[0].startTime)).observe({ type: 'paint', buffered: true });
      }),
  );
}

/** Clicks the element `selector` finds and times until `done` holds, then one frame. */
async function timeClick(page, selector, done, arg) {
  return page.evaluate(
    ({ selector, done, arg }) =>
      new Promise((resolve, reject) => {
        const target = document.querySelector(selector);
        if (!target) return reject(new Error(`nothing matches ${selector}`));
        const check = new Function('arg', `return (${done})(arg)`);
        const start = performance.now();
        target.click();
        const poll = () => (check(arg) ? requestAnimationFrame(() => resolve(performance.now() - start)) : requestAnimationFrame(poll));
        poll();
      }),
    { selector, done: done.toString(), arg },
  );
}

/** Opening a guide from the Guides page, and answering its first question. */
async function guideTimings(page) {
  await page.locator('nav a[href$="guides"]').click();
  await page.getByRole('heading', { level: 1, name: 'Guides' }).waitFor({ timeout: 60_000 });
  const open = await timeClick(page, 'main a[href$="guides/can-this-be-rebuilt"]', () =>
    [...document.querySelectorAll('h1')].some((h) => h.textContent === 'Can this be rebuilt?'),
  );
  const begin = page.getByRole('button', { name: /^(Begin|Continue where you left off|Start again)/ });
  if (await begin.count()) await begin.first().click();
  await page.locator('main input[type=radio]').first().waitFor();
  const before = await page.evaluate(() => localStorage.getItem('mend.document'));
  const save = await timeClick(
    page,
    'main input[type=radio]',
    (previous) => localStorage.getItem('mend.document') !== previous,
    before,
  );
  return { open, save };
}

async function loopbackTimings() {
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
        await timeClick(page, 'nav a[href$="settings"]', () => document.querySelector('h1')?.textContent === 'Settings'),
      );
      await session.close();
    }
  } finally {
    await server.stop();
  }
  console.log(`\nTimings over loopback, headless Chromium (machine load affects these; compare like with like)`);
  console.log(`navigation → first page rendered, first visit:   ${fmt(cold)}`);
  console.log(`navigation → first page rendered, from cache:    ${fmt(warm)}`);
  console.log(`click "Settings" → Settings page painted:        ${fmt(navigation)}`);
}

async function phoneTimings() {
  const server = await startServer({ brotli: true });
  await warm(server);
  const paint = [];
  const first = [];
  const open = [];
  const save = [];
  try {
    for (let i = 0; i < runs; i++) {
      const session = await phoneSession();
      const { page } = session;
      await page.goto(server.url, { timeout: 60_000 });
      first.push(await firstRender(page));
      paint.push(await firstContentfulPaint(page));
      const guide = await guideTimings(page);
      open.push(guide.open);
      save.push(guide.save);
      await session.close();
    }
  } finally {
    await server.stop();
  }
  console.log(
    `\nPhone profile: ${PHONE.cpuSlowdown}× CPU slowdown, ${PHONE.downloadBitsPerSecond / 1e6} Mbit/s down, ` +
      `${PHONE.latencyMs} ms latency, files sent brotli-compressed, first visit (no cache)`,
  );
  console.log(`navigation → first contentful paint:            ${fmt(paint)}`);
  console.log(`navigation → first screen (target ≤ 1600 ms):    ${fmt(first)}`);
  console.log(`click a guide on Guides → its page painted:      ${fmt(open)}`);
  console.log(`choose an answer → saved and painted:            ${fmt(save)}`);
  now.openGuide = ms(open);
  now.saveAnswer = ms(save);
}

const ms = (values) => `${median(values).toFixed(0)} ms`;

/** Issue 22's "done when": its figures as filed and now, in one table. */
function issue22Table() {
  const rows = [
    ['bytes before the first intake question (≤ 300 KiB)', 'bytesBeforeQuestion'],
    ['first load, all files before the first screen, brotli', 'firstLoad'],
    ['home: heading, Get started, Safety, Quick exit (≤ 1.0 s)', 'home'],
    ['Right now: crisis lines, JavaScript on (≤ 1.0 s)', 'crisisOn'],
    ['Right now: crisis lines, JavaScript off (≤ 1.0 s)', 'crisisOff'],
    ['first intake question answerable (≤ 2.0 s)', 'question'],
    ['opening a guide from Guides', 'openGuide'],
    ['choosing an answer → saved and painted', 'saveAnswer'],
  ];
  console.log('\nIssue 22, as filed and now (phone profile, medians)');
  console.log(`${'figure'.padEnd(58)} ${'as filed'.padEnd(10)} now`);
  for (const [label, key] of rows) {
    console.log(`${label.padEnd(58)} ${ISSUE_22_FILED[key].padEnd(10)} ${now[key] ?? '(not measured)'}`);
  }
  for (const { page, own, all } of now.pages ?? []) {
    console.log(`${`${page}: its own chunk; with the shared ones`.padEnd(58)} ${'in main'.padEnd(10)} ${own} B; ${all} B`);
  }
}

/**
 * Asks the server for every file once, so it has compressed each before the
 * first measured visit. A static host serves precompressed files; without
 * this, the first run would wait seconds for the wasm's brotli at quality 11
 * while the page's styles queue behind it.
 */
async function warm(server) {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(path.relative(DIST, full).split(path.sep).join('/'));
    }
  };
  walk(DIST);
  for (const file of files) {
    const response = await fetch(`${server.url}${file}`, { headers: { 'accept-encoding': 'br' } });
    await response.arrayBuffer();
  }
}

/** A cold browser under the phone profile that does not wait for the app. */
async function phoneSession(options = {}) {
  const session = await openBrowser({ waitForApp: false, ...options });
  const cdp = await session.context.newCDPSession(session.page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PHONE.latencyMs,
    downloadThroughput: PHONE.downloadBitsPerSecond / 8,
    uploadThroughput: PHONE.uploadBitsPerSecond / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
  return session;
}

/** Milliseconds from navigation until every selector is visible. */
async function visibleAfter(page, url, selectors) {
  await page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
  for (const selector of selectors) {
    // The static pages hold a hidden copy per language: the one shown counts.
    await page.locator(`${selector} >> visible=true`).first().waitFor({ timeout: 60_000 });
  }
  return page.evaluate(() => performance.now());
}

/**
 * Issue 22's targets: the first screen and the crisis lines before the wasm
 * (static HTML), with JavaScript on and off, and the first intake question.
 */
async function firstScreenTimings() {
  const server = await startServer({ brotli: true });
  await warm(server);
  const useful = [];
  const crisisOn = [];
  const crisisOff = [];
  const safetyOff = [];
  const question = [];
  const questionStatic = [];
  const home = ['main h1', 'a[href$="guides/start"]', 'a.safety-link', '.quick-exit'];
  try {
    for (let i = 0; i < runs; i++) {
      let session = await phoneSession();
      useful.push(await visibleAfter(session.page, server.url, home));
      await session.close();
      session = await phoneSession();
      crisisOn.push(await visibleAfter(session.page, `${server.url}right-now`, ['main h1', 'main a[href^="tel:"]', '.quick-exit']));
      await session.close();
      session = await phoneSession({ javaScriptEnabled: false });
      crisisOff.push(await visibleAfter(session.page, `${server.url}right-now`, ['main h1', 'main a[href^="tel:"]', '.quick-exit']));
      safetyOff.push(await visibleAfter(session.page, `${server.url}safety`, ['main h1', 'main a[href^="tel:"]']));
      await session.close();
      // The intake's static page (guides/start.html): Begin is a link there,
      // and its first question can be answered before the app is here.
      session = await phoneSession();
      await session.page.goto(`${server.url}guides/start`, { waitUntil: 'commit', timeout: 60_000 });
      await session.page.getByRole('link', { name: 'Begin' }).click({ timeout: 60_000 });
      await session.page.getByRole('radio').first().waitFor({ state: 'visible', timeout: 60_000 });
      questionStatic.push(await session.page.evaluate(() => performance.now()));
      await session.close();
      // The same question drawn by the app (its Begin is a button).
      session = await phoneSession();
      const { page } = session;
      await page.goto(`${server.url}guides/start`, { waitUntil: 'commit', timeout: 60_000 });
      await page.getByRole('button', { name: 'Begin' }).click({ timeout: 60_000 });
      await page.getByRole('radio').first().waitFor({ state: 'visible', timeout: 60_000 });
      question.push(await page.evaluate(() => performance.now()));
      await session.close();
    }
  } finally {
    await server.stop();
  }
  console.log('\nFirst screen, phone profile, first visit (issue 22; from navigation start)');
  console.log(`home: heading, Get started, Safety, Quick exit (≤ 1000 ms): ${fmt(useful)}`);
  console.log(`Right now: crisis lines as tel: links (≤ 1000 ms):           ${fmt(crisisOn)}`);
  console.log(`Right now, JavaScript off (≤ 1000 ms):                       ${fmt(crisisOff)}`);
  console.log(`Safety, JavaScript off (second page, same browser):          ${fmt(safetyOff)}`);
  console.log(`first intake question answerable, incl. Begin (≤ 2000 ms):   ${fmt(questionStatic)}`);
  console.log(`  the same in the app, once the wasm is running:             ${fmt(question)}`);
  now.home = ms(useful);
  now.crisisOn = ms(crisisOn);
  now.crisisOff = ms(crisisOff);
  now.question = `${ms(questionStatic)} (the app's: ${ms(question)})`;
}

/**
 * Issue 12's scale: three years of weekly check-ins plus 1,000 other
 * entries, and eight commitments marked every week, written into storage
 * with their dates. Prints the stored size and how long History takes, from
 * the click, to show the chart and the commitments' records.
 */
async function largeHistory() {
  const server = await startServer();
  const sentence = 'We talked after dinner and it went better than last week, slowly. ';
  const day = (n) => new Date(Date.UTC(2024, 0, 1) + n * 86400000).toISOString().slice(0, 10);
  const entries = [];
  for (let week = 0; week < 156; week++) {
    const d = day(week * 7);
    entries.push({
      id: `weekly-check-in-${d}`, guide: 'weekly-check-in', started_on: d, completed_on: d, current_step: null,
      answers: {
        appreciations: { type: 'list', value: [sentence, sentence] },
        'went-well': { type: 'text', value: sentence.repeat(2) },
        concern: { type: 'text', value: sentence },
        trust: { type: 'scale', value: week % 11 },
      },
    });
  }
  for (let n = 0; n < 1000; n++) {
    const d = day(n);
    entries.push({
      id: `appreciation-log-${d}-${n}`, guide: 'appreciation-log', started_on: d, completed_on: d, current_step: null,
      answers: { appreciated: { type: 'text', value: sentence } },
    });
  }
  const commitments = [];
  for (let n = 0; n < 8; n++) {
    const weeks = [];
    for (let week = 0; week < 156; week++) weeks.push({ week: day(week * 7), mark: 'kept', note: week % 4 ? '' : sentence });
    commitments.push({ id: `${day(0)}-${n + 1}`, text: `Commitment ${n}: ${sentence}`, source: null, started_on: day(0), ended: null, weeks });
  }
  const text = JSON.stringify({
    app: 'mend', schema: 4, revision: 1, saved_at: '2026-12-01T10:00:00.000Z',
    data: {
      profile: {
        wording: { relationship: 'unspecified', name: null },
        safety: { full_path_for: [], safe_now: [], harm_page_read_for: [], caution_lifted: [] },
      },
      entries,
      commitments,
      exchanges: [],
    },
  });
  const times = [];
  try {
    for (let i = 0; i < runs; i++) {
      const session = await openBrowser();
      const { page } = session;
      await page.goto(server.url);
      await page.evaluate((t) => localStorage.setItem('mend.document', t), text);
      await page.reload();
      await firstRender(page);
      times.push(
        await timeClick(
          page,
          'nav a[href$="history"]',
          () => document.querySelectorAll('.trust svg circle').length > 0 && document.querySelectorAll('.commitment').length === 8,
        ),
      );
      await session.close();
    }
  } finally {
    await server.stop();
  }
  console.log(`\nThree years of weekly check-ins, 1,000 other entries and 8 commitments marked weekly (${text.length} bytes stored; limit 1.5 MiB)`);
  console.log(`click "History" → History with the trust chart and the commitments painted (target ≤ 200 ms): ${fmt(times)}`);
}

sizes();
twiggy();
await loopbackTimings();
await largeHistory();
await phoneTimings();
await firstScreenTimings();
issue22Table();
