// Commitments kept and missed, as a person sees them: the commitments
// written in "Backing words with actions" before this version are tracked
// (the schema 3 migration), the weekly check-in asks about each one, and
// History keeps each one's record week by week, through new words, an
// ending and one added by hand. The summary for a counsellor can carry it.
import { test } from 'node:test';
import fs from 'node:fs';
import assert from 'node:assert/strict';
import { h1, longDate, savedDocument, sharedSession, startWith, stored } from './support.mjs';
import { checkAccessibility } from './axe.mjs';

const app = sharedSession();

const isoDate = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
/** The Monday of the week `d` falls in. */
const monday = (d) => new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7));
const daysAgo = (n) => { const d = new Date(); d.setDate(d.getDate() - n); return d; };

const PLANS = 'Tell Sam by Tuesday if my plans change';
const PHONE = 'No phone at dinner';
const FINISHED = daysAgo(20);

/** A document as Mend 2 stored it: a finished "Backing words with actions". */
function schema2Document() {
  return savedDocument({
    savedAt: '2026-11-10T10:00:00.000Z',
    name: 'Sam',
    entries: [{
      id: 'backing-words-with-actions-1',
      guide: 'backing-words-with-actions',
      started_on: isoDate(FINISHED),
      completed_on: isoDate(FINISHED),
      answers: { commitments: { type: 'list', value: [PLANS, PHONE] } },
      current_step: null,
    }],
  });
}

test('commitments written before are tracked, the check-in marks a missed week, and History shows it week by week', async () => {
  const { page } = app;
  await startWith(page, app.url(), schema2Document());

  // History: both commitments, tracked from the day the guide was finished.
  await page.goto(app.url('history'));
  const section = page.getByRole('region', { name: 'Commitments' });
  const plans = section.getByRole('article', { name: PLANS });
  await plans.getByText(`Since ${longDate(FINISHED)}`, { exact: true }).waitFor();
  await plans.getByText(/^No week marked yet, of \d+ weeks\.$/).waitFor();
  await section.getByRole('article', { name: PHONE }).waitFor();

  // The weekly check-in asks about each one on its Commitments step.
  await page.goto(app.url('guides/weekly-check-in'));
  await page.getByRole('button', { name: 'Begin' }).click();
  await page.getByRole('heading', { name: 'What was good' }).waitFor();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { name: 'One concern' }).waitFor();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { name: 'Commitments', exact: true }).waitFor();
  const tracking = page.getByRole('region', { name: 'The commitments you are tracking' });
  const plansWeek = tracking.getByRole('group', { name: PLANS });
  const phoneWeek = tracking.getByRole('group', { name: PHONE });
  assert.equal(await plansWeek.getByLabel('A note about this week (optional)').count(), 0, 'a note comes with a mark');
  await plansWeek.getByRole('radio', { name: 'Missed' }).check();
  // Typed key by key, as a person does: each save must leave the cursor where it is.
  const note = plansWeek.getByLabel('A note about this week (optional)');
  await note.click();
  await note.pressSequentially('I was late telling Sam on Wednesday', { delay: 5 });
  assert.equal(await note.evaluate((el) => el === document.activeElement), true, 'the note keeps the focus');
  assert.equal(await note.inputValue(), 'I was late telling Sam on Wednesday');
  await phoneWeek.getByRole('radio', { name: 'Kept' }).check();
  await checkAccessibility(page, 'the check-in asking about each commitment');
  // Changing one's mind in the same check-in changes the week's mark.
  await phoneWeek.getByRole('radio', { name: 'Partly' }).check();

  const week = isoDate(monday(new Date()));
  await page.waitForFunction(
    ([week]) => {
      const data = JSON.parse(localStorage.getItem('mend.document')).data;
      const note = data.commitments.find((c) => c.text.startsWith('Tell Sam'))?.weeks.find((w) => w.week === week)?.note;
      return note === 'I was late telling Sam on Wednesday';
    },
    [week],
  );
  const saved = await stored(page);
  assert.equal(saved.schema, 5, 'the migrated document is saved in the schema this Mend writes');
  // "Backing words with actions" is "Keeping your word" now, its answers with it.
  assert.ok(saved.data.entries.some((e) => e.guide === 'keeping-your-word'));
  assert.ok(!saved.data.entries.some((e) => e.guide === 'backing-words-with-actions'));
  assert.ok(saved.data.commitments.every((c) => c.source.guide === 'keeping-your-word'));
  const marks = Object.fromEntries(saved.data.commitments.map((c) => [c.text, c.weeks.map((w) => [w.week, w.mark])]));
  assert.deepEqual(marks, { [PLANS]: [[week, 'missed']], [PHONE]: [[week, 'partly']] });

  // History: the missed week shows as missed, with the note, and no score.
  await page.goto(app.url('history'));
  await plans.getByText(/^Marked for 1 of \d+ weeks: missed 1\.$/).waitFor();
  await plans.getByText('Week by week').click();
  const row = plans.getByRole('row', { name: new RegExp(longDate(monday(new Date()))) });
  // The table is drawn when first opened: wait for it before reading it.
  await row.getByRole('cell').first().waitFor();
  assert.deepEqual(await row.getByRole('cell').allTextContents(), ['Missed', 'I was late telling Sam on Wednesday']);
  const unmarked = plans.getByRole('row', { name: new RegExp(longDate(monday(FINISHED))) });
  assert.deepEqual(await unmarked.getByRole('cell').allTextContents(), ['Not marked', '']);
  assert.equal(await section.getByText(/streak|badge|%|points/i).count(), 0, 'a record, not a score');
  await checkAccessibility(page, 'History with commitments');
});

test('a commitment keeps its record through new words, ends with a reason, and one can be added by hand', async () => {
  const { page } = app;
  await startWith(page, app.url(), schema2Document());
  await page.goto(app.url('history'));
  const section = page.getByRole('region', { name: 'Commitments' });

  // Adding one by hand saves the document in the new schema; a week is
  // then marked through the store, as a check-in a week ago would have.
  const week = isoDate(monday(daysAgo(7)));
  const add = section.getByRole('textbox', { name: 'Add a commitment of your own' });
  await section.getByRole('button', { name: 'Add it' }).click();
  await section.getByRole('alert').filter({ hasText: 'Write the commitment first' }).waitFor();
  await add.fill('Keep Sunday evenings for us');
  await section.getByRole('button', { name: 'Add it' }).click();
  const own = section.getByRole('article', { name: 'Keep Sunday evenings for us' });
  await own.getByText(`Since ${longDate(new Date())}`, { exact: true }).waitFor();
  assert.equal(await add.inputValue(), '', 'the field is ready for the next one');

  await page.evaluate(([week, text]) => {
    const doc = JSON.parse(localStorage.getItem('mend.document'));
    doc.data.commitments.find((c) => c.text === text).weeks.push({ week, mark: 'kept', note: '' });
    doc.revision += 1;
    doc.saved_at = new Date().toISOString();
    localStorage.setItem('mend.document', JSON.stringify(doc));
  }, [week, PLANS]);
  await page.reload();
  const plans = section.getByRole('article', { name: PLANS });
  await plans.getByText(/^Marked for 1 of \d+ weeks: kept 1\.$/).waitFor();

  // New words: the record stays with it.
  await plans.getByText('Change, finish or drop it').click();
  await plans.getByRole('textbox', { name: 'In your words' }).fill('Tell Sam by Monday if my plans change');
  await plans.getByRole('button', { name: 'Save the new words' }).click();
  const reworded = section.getByRole('article', { name: 'Tell Sam by Monday if my plans change' });
  await reworded.getByText(/^Marked for 1 of \d+ weeks: kept 1\.$/).waitFor();

  // Dropped, with a reason: it says so, and the check-in stops asking.
  await reworded.getByText('Change, finish or drop it').click();
  await reworded.getByRole('textbox', { name: 'Why it ends (optional)' }).fill('We agreed on a shared calendar instead');
  await reworded.getByRole('button', { name: 'Drop it' }).click();
  await section
    .getByRole('article', { name: 'Tell Sam by Monday if my plans change' })
    .getByText(`Since ${longDate(FINISHED)}; dropped on ${longDate(new Date())}: We agreed on a shared calendar instead`)
    .waitFor();
  await page.goto(app.url('guides/weekly-check-in'));
  await page.getByRole('button', { name: 'Begin' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  const tracking = page.getByRole('region', { name: 'The commitments you are tracking' });
  await tracking.getByRole('group', { name: 'Keep Sunday evenings for us' }).waitFor();
  await tracking.getByRole('group', { name: PHONE }).waitFor();
  assert.equal(await tracking.getByRole('group', { name: /Tell Sam/ }).count(), 0);

  // Tracked again from History: the check-in asks about it once more.
  await page.goto(app.url('history'));
  const dropped = section.getByRole('article', { name: 'Tell Sam by Monday if my plans change' });
  await dropped.getByText('Change or track it again').click();
  await dropped.getByRole('button', { name: 'Track it again' }).click();
  await section.getByRole('article', { name: 'Tell Sam by Monday if my plans change' })
    .getByText(`Since ${longDate(FINISHED)}`, { exact: true }).waitFor();
});

test('the summary for a counsellor carries the commitments week by week, and the results', async () => {
  const { page } = app;
  const text = JSON.parse(schema2Document());
  text.data.entries.push({
    id: 'weekly-check-in-1',
    guide: 'weekly-check-in',
    started_on: isoDate(daysAgo(3)),
    completed_on: isoDate(daysAgo(3)),
    answers: { trust: { type: 'scale', value: 6 }, plan: { type: 'text', value: 'Walk on Sunday' }, commitments: { type: 'choice', value: 'most' } },
    current_step: null,
  });
  await startWith(page, app.url(), JSON.stringify(text));
  await page.goto(app.url('history/summary'));
  await h1(page, 'A summary for a counsellor');
  const choices = page.getByRole('group', { name: 'What to include' });
  const include = choices.getByRole('checkbox', { name: 'Commitments, week by week' });
  assert.equal(await include.isChecked(), true);
  const summary = page.getByRole('region', { name: 'Your summary' });
  await summary.getByRole('heading', { name: PLANS }).waitFor();
  await summary.getByText('Trust this week: 6 on a scale from 0 to 10 (Partly there)').waitFor();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download as a text file' }).click(),
  ]);
  const file = fs.readFileSync(await download.path(), 'utf8');
  assert.match(file, /## Commitments, week by week\n\n> Tell Sam by Tuesday if my plans change\n/);
  assert.match(file, new RegExp(`- Week of ${longDate(monday(FINISHED))}: not marked\\n`));
  assert.match(file, /- Trust this week: 6 on a scale from 0 to 10 \(Partly there\)\n/);

  await include.uncheck();
  assert.equal(await summary.getByRole('heading', { name: PLANS }).count(), 0, 'unticked, left out');
});
