// Progress over time, as a person sees it after a month of weekly
// check-ins: a chart of trust with gaps for missed weeks, a caption that
// says the trend in words, and the same numbers as a table. The check-ins
// are written into Mend's storage with their dates (not waited for).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, openBrowser, foreignRequests } from './support.mjs';
import { checkAccessibility } from './axe.mjs';

let server;
let session;

before(async () => {
  server = await startServer();
  session = await openBrowser();
});

after(async () => {
  await session?.close();
  await server?.stop();
});

/** A stored document (schema 2, open) holding finished weekly check-ins. */
function documentWith(checkIns) {
  const entries = checkIns.map(([day, trust]) => ({
    id: `weekly-check-in-${day}`,
    guide: 'weekly-check-in',
    started_on: day,
    completed_on: day,
    answers: { trust: { type: 'scale', value: trust }, 'trust-why': { type: 'text', value: 'We talked on Sunday' } },
    current_step: null,
  }));
  return JSON.stringify({
    app: 'mend',
    schema: 2,
    revision: 1,
    saved_at: '2026-12-01T10:00:00.000Z',
    data: {
      profile: {
        wording: { relationship: 'unspecified', name: null },
        safety: { full_path_for: [], safe_now: [], harm_page_read_for: [], caution_lifted: [] },
      },
      entries,
    },
  });
}

async function store(page, text) {
  await page.goto(server.url);
  await page.evaluate((text) => {
    localStorage.clear();
    localStorage.setItem('mend.document', text);
  }, text);
}

test('a month of check-ins: History shows trust as a chart with a gap, the trend in words, and a table', async () => {
  const { page } = session;
  // Four check-ins over five weeks; the week of 16 November was missed.
  await store(page, documentWith([['2026-11-02', 3], ['2026-11-09', 4], ['2026-11-23', 5], ['2026-11-30', 6]]));
  await page.goto(`${server.url}history`);
  const section = page.getByRole('region', { name: 'Trust over the weeks' });
  await section.waitFor();
  const caption = 'Trust has risen from 3 to 6 over the last 4 weeks. One of those weeks had no check-in.';
  // The chart is an image whose text alternative is the caption.
  await section.getByRole('img', { name: caption }).waitFor();
  await section.getByText(caption).waitFor();
  // A missed week is a gap: two separate lines, four points.
  assert.equal(await section.locator('svg polyline').count(), 2);
  assert.equal(await section.locator('svg circle').count(), 4);

  await section.getByText('Show the numbers as a table').click();
  const table = section.getByRole('table', { name: /Trust each week, from 0 to 10/ });
  const rows = table.getByRole('row');
  assert.equal(await rows.count(), 6, 'a header and five weeks');
  assert.deepEqual(await rows.nth(1).getByRole('cell').allTextContents(), ['30 November 2026', '6']);
  assert.deepEqual(await rows.nth(3).getByRole('cell').allTextContents(), ['16 November 2026', 'No check-in']);

  await checkAccessibility(page, 'History with the trust chart');
});

test('one check-in says what will appear after the next, on History and on the check-in\'s results', async () => {
  const { page } = session;
  await store(page, documentWith([['2026-11-30', 6]]));
  await page.goto(`${server.url}guides/weekly-check-in/results`);
  const section = page.getByRole('region', { name: 'Trust over the weeks' });
  await section.getByText('One check-in so far: Trust is at 6 out of 10. After your next check-in, this shows how it moves from week to week.').waitFor();
  assert.equal(await section.locator('svg circle').count(), 1);
  assert.equal(await section.locator('svg polyline').count(), 0, 'one point is not a line');
});

test('without check-ins History has no chart, and nothing left the origin', async () => {
  const { page } = session;
  await page.goto(server.url);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${server.url}history`);
  await page.getByText('Nothing here yet.').waitFor();
  assert.equal(await page.getByRole('region', { name: 'Trust over the weeks' }).count(), 0);
  assert.deepEqual(foreignRequests(session.requests, server.origin), []);
  assert.deepEqual(session.errors, []);
});
