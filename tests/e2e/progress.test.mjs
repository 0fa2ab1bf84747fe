// Progress over time, as a person sees it after a month of weekly
// check-ins: a chart of trust with gaps for missed weeks, a caption that
// says the trend in words, and the same numbers as a table. The check-ins
// are written into Mend's storage with their dates (not waited for).
import { test } from 'node:test';
import fs from 'node:fs';
import assert from 'node:assert/strict';
import { freshStart, h1, longDate, savedDocument, sharedSession, startWith, waitUntil } from './support.mjs';
import { checkAccessibility } from './axe.mjs';

const app = sharedSession();

/** A stored document (schema 2, open) holding finished weekly check-ins. */
function documentWith(checkIns, name = null) {
  const entries = checkIns.map(([day, trust]) => ({
    id: `weekly-check-in-${day}`,
    guide: 'weekly-check-in',
    started_on: day,
    completed_on: day,
    answers: { trust: { type: 'scale', value: trust }, 'trust-why': { type: 'text', value: 'We talked on Sunday' } },
    current_step: null,
  }));
  return savedDocument({ name, entries });
}

test('a month of check-ins: History shows trust as a chart with a gap, the trend in words, and a table', async () => {
  const { page } = app;
  // Four check-ins over five weeks; the week of 16 November was missed.
  await startWith(page, app.url(), documentWith([['2026-11-02', 3], ['2026-11-09', 4], ['2026-11-23', 5], ['2026-11-30', 6]]));
  await page.goto(app.url('history'));
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
  const { page } = app;
  await startWith(page, app.url(), documentWith([['2026-11-30', 6]]));
  await page.goto(app.url('guides/weekly-check-in/results'));
  const section = page.getByRole('region', { name: 'Trust over the weeks' });
  await section.getByText('One check-in so far: Trust is at 6 out of 10. After your next check-in, this shows how it moves from week to week.').waitFor();
  assert.equal(await section.locator('svg circle').count(), 1);
  assert.equal(await section.locator('svg polyline').count(), 0, 'one point is not a line');
});

/** A small iCalendar reader: unfolds lines and maps each property to its values. */
function parseIcs(text) {
  assert.ok(text.endsWith('\r\n'), 'lines end in CRLF');
  assert.ok(!/[^\r]\n/.test(text), 'no bare LF');
  const lines = [];
  for (const physical of text.split('\r\n').filter(Boolean)) {
    assert.ok(Buffer.byteLength(physical) <= 75, `folded at 75 octets: ${physical}`);
    if (physical.startsWith(' ')) lines[lines.length - 1] += physical.slice(1);
    else lines.push(physical);
  }
  const props = {};
  for (const line of lines) {
    const at = line.indexOf(':');
    assert.ok(at > 0, `a property: ${line}`);
    (props[line.slice(0, at)] ||= []).push(line.slice(at + 1));
  }
  assert.deepEqual(props.BEGIN, ['VCALENDAR', 'VEVENT', 'VALARM']);
  assert.deepEqual(props.END, ['VALARM', 'VEVENT', 'VCALENDAR']);
  return props;
}

test('a calendar reminder downloads as a valid .ics with a neutral title and no names, and its details copy', async () => {
  const { page, context } = app;
  await startWith(page, app.url(), documentWith([['2026-11-30', 6]], 'Sam'));
  await page.goto(app.url('guides/weekly-check-in/results'));
  const card = page.getByRole('region', { name: 'A reminder in your calendar' });
  await card.waitFor();
  assert.equal(await card.getByLabel('Title').inputValue(), 'Weekly check-in');
  await card.getByLabel('First reminder').fill('2026-12-13');
  await card.getByLabel('Time').fill('18:30');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('button', { name: 'Add a reminder to my calendar' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'reminder.ics');
  const text = fs.readFileSync(await download.path(), 'utf8');
  const props = parseIcs(text);
  assert.deepEqual(props.VERSION, ['2.0']);
  assert.deepEqual(props.SUMMARY, ['Weekly check-in']);
  assert.deepEqual(props.DTSTART, ['20261213T183000']);
  assert.deepEqual(props.RRULE, ['FREQ=WEEKLY']);
  assert.deepEqual(props.TRIGGER, ['-PT15M']);
  assert.match(props.UID[0], /^[0-9a-f]{32}@mend\.reminder$/);
  assert.match(props.DTSTAMP[0], /^\d{8}T\d{6}Z$/);
  assert.doesNotMatch(text, /Sam|trust|partner/i, 'nothing about the person or the relationship');

  // Once, with another title, and no alert.
  await card.getByLabel('Title').fill('Tea, and a talk');
  await card.getByRole('checkbox', { name: 'Every week' }).uncheck();
  await card.getByRole('checkbox', { name: /An alert/ }).uncheck();
  const [again] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('button', { name: 'Add a reminder to my calendar' }).click(),
  ]);
  const once = fs.readFileSync(await again.path(), 'utf8');
  assert.match(once, /\r\nSUMMARY:Tea\\, and a talk\r\n/);
  assert.doesNotMatch(once, /RRULE|VALARM/);

  // A calendar that cannot open files: the same details, in words, to copy.
  await card.getByRole('checkbox', { name: 'Every week' }).check();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
  await card.getByText('Tea, and a talk: every Sunday at 18:30, starting 13 December 2026.').waitFor();
  await card.getByRole('button', { name: 'Copy the details' }).click();
  await card.getByRole('status').filter({ hasText: 'Copied.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'Tea, and a talk: every Sunday at 18:30, starting 13 December 2026.');

  // Without a title, it says what to do instead of writing a file.
  await card.getByLabel('Title').fill(' ');
  await card.getByRole('button', { name: 'Add a reminder to my calendar' }).click();
  await card.getByRole('alert').filter({ hasText: 'Give the reminder a title' }).waitFor();
  await checkAccessibility(page, 'the check-in results with the chart and the reminder');
});

test('a summary for a counsellor holds exactly what was ticked, prints without the choices, and downloads', async () => {
  const { page } = app;
  const today = new Date();
  const iso = (days) => new Date(today.getTime() - days * 86400000).toISOString().slice(0, 10);
  const text = JSON.parse(documentWith([[iso(14), 4], [iso(7), 6]], 'Sam'));
  text.data.entries[1].answers['went-well'] = { type: 'text', value: 'We cooked together on Friday.' };
  text.data.entries.push({
    id: 'safety-check-1',
    guide: 'safety-check',
    started_on: iso(10),
    completed_on: iso(10),
    answers: {},
    current_step: null,
  });
  await startWith(page, app.url(), JSON.stringify(text));
  await page.goto(app.url('history'));
  await page.getByRole('link', { name: 'Make a summary to take to a counsellor' }).click();
  await h1(page, 'A summary for a counsellor');

  const choices = page.getByRole('group', { name: 'What to include' });
  const checkIn = choices.getByRole('checkbox', { name: new RegExp(`^Weekly check-in, ${longDate(iso(7))}$`) });
  const safety = choices.getByRole('checkbox', { name: /^Safety check, / });
  assert.equal(await checkIn.isChecked(), true);
  assert.equal(await safety.isChecked(), false, 'the safety check starts unticked');
  await choices.getByText('The safety check and your safety plan start unticked').waitFor();

  const summary = page.getByRole('region', { name: 'Your summary' });
  await summary.getByText('We cooked together on Friday.').waitFor();
  await summary.getByText('Trust has risen from 4 to 6 over the last week.').waitFor();
  assert.equal(await summary.getByText(/Safety check/).count(), 0, 'nothing unticked is shown');

  // Untick everything: nothing is left.
  await choices.getByRole('checkbox', { name: 'Trust over the weeks' }).uncheck();
  const ticked = choices.getByRole('checkbox', { checked: true });
  while (await ticked.count()) await ticked.first().uncheck();
  await summary.getByText('Nothing is ticked yet.').waitFor();
  await checkIn.check();
  await summary.getByText('We cooked together on Friday.').waitFor();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download as a text file' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^summary-\d{4}-\d{2}-\d{2}\.md$/);
  const file = fs.readFileSync(await download.path(), 'utf8');
  assert.match(file, /^# Notes from Mend\n/);
  assert.match(file, new RegExp(`## Weekly check-in, ${longDate(iso(7))}`));
  assert.match(file, /> We cooked together on Friday\./);
  assert.doesNotMatch(file, /Safety check|Trust over the weeks/, 'only what is ticked');
  assert.doesNotMatch(file, new RegExp(`## Weekly check-in, ${longDate(iso(14))}`), 'the other check-in was unticked');

  // Printed, only the summary shows.
  await page.emulateMedia({ media: 'print' });
  try {
    assert.equal(await choices.isVisible(), false, 'the choices do not print');
    assert.equal(await summary.isVisible(), true);
  } finally {
    await page.emulateMedia({ media: null });
  }
  await checkAccessibility(page, 'the summary page');
});

test('a date set to look again goes to the calendar as a one-off reminder with a neutral title', async () => {
  const { page } = app;
  const text = JSON.parse(documentWith([], 'Sam'));
  text.data.entries.push({
    id: 'committing-to-the-work-1',
    guide: 'committing-to-the-work',
    started_on: '2026-11-20',
    completed_on: '2026-11-20',
    answers: {
      'how-long': { type: 'choice', value: 'three-months' },
      'review-date': { type: 'date', value: '2027-02-20' },
    },
    current_step: null,
  });
  await startWith(page, app.url(), JSON.stringify(text));
  await page.goto(app.url('history'));
  const reviews = page.getByRole('region', { name: 'Dates you set to look again' });
  await reviews.getByText('20 February 2027').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    reviews.getByRole('button', { name: 'Add 20 February 2027 to my calendar' }).click(),
  ]);
  const file = fs.readFileSync(await download.path(), 'utf8');
  const props = parseIcs(file);
  assert.deepEqual(props.SUMMARY, ['Time to look again']);
  assert.deepEqual(props.DTSTART, ['20270220T190000']);
  assert.equal(props.RRULE, undefined, 'once, not every week');
  assert.doesNotMatch(file, /Sam|commit|trust/i);
});

test('a long history opens with the newest 100 entries, and Show all brings the rest with focus on the first of them', async () => {
  const { page } = app;
  // 130 weekly check-ins, two and a half years of them.
  const days = [];
  for (let week = 0; week < 130; week++) {
    days.push(new Date(Date.UTC(2024, 0, 1) + week * 7 * 86400000).toISOString().slice(0, 10));
  }
  await startWith(page, app.url(), documentWith(days.map((day, week) => [day, week % 11])));
  await page.goto(app.url('history'));
  const list = page.getByRole('list', { name: 'Finished guides and check-ins' });
  await list.waitFor();
  const items = list.getByRole('listitem');
  assert.equal(await items.count(), 100, 'the newest 100 are drawn');
  assert.equal(await items.first().locator('time').textContent(), longDate(days.at(-1)), 'newest first');
  assert.equal(await items.last().locator('time').textContent(), longDate(days[30]));

  await page.getByRole('button', { name: 'Show all 130 entries' }).click();
  await waitUntil(page, () => document.querySelectorAll('#history-finished > li').length === 130, 'all 130 entries drawn');
  assert.equal(await items.last().locator('time').textContent(), longDate(days[0]), 'the oldest is last');
  assert.equal(await page.getByRole('button', { name: /Show all/ }).count(), 0, 'the button is gone');
  // Focus is on the first entry the button brought, where reading goes on.
  await waitUntil(
    page,
    (expected) => document.activeElement?.closest('li')?.querySelector('time')?.textContent === expected,
    'focus on the 101st entry',
    { arg: longDate(days[29]) },
  );
});

test('without check-ins History has no chart', async () => {
  const { page } = app;
  await freshStart(page, app.url());
  await page.goto(app.url('history'));
  await page.getByText('Nothing here yet.').waitFor();
  assert.equal(await page.getByRole('region', { name: 'Trust over the weeks' }).count(), 0);
});
