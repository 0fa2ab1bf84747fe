// The Mend program as a person meets it: the intake leads to a path that
// fits their role, danger answers lead to the Safety page and take repair
// work off the path, the apology planner points at excuse wording, and every
// guide can be finished with the keyboard alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, freshStart, sharedSession, storedText } from './support.mjs';
import { completeByKeyboard } from './keyboard.mjs';
import { next, resume, walk } from './walk.mjs';

const app = sharedSession();

/** The intake's first screen, on a first visit. */
async function beginIntake(page) {
  await freshStart(page, app.url());
  await page.goto(app.url('guides/start'));
  await page.getByRole('button', { name: 'Begin' }).click();
}


const yesNo = (page, question, answer) =>
  page.locator(`fieldset[data-question="${question}"]`).getByRole('radio', { name: answer, exact: true }).check();

/**
 * Answers the intake as a person would: `selfHarm` on "How you are", then
 * `afraid` and `control` on "Feeling safe", then `usesHarm` on "Between you"
 * (safety before the user's own behaviour). Stops on the page a routed
 * answer opens.
 */
async function intake(page, { afraid = 'No', usesHarm = 'No', control = [], ...before }) {
  if (!(await toFeelingSafe(page, before))) return;
  await feelingSafe(page, { afraid, control });
  if (afraid === 'Yes') return;
  await betweenYou(page, { usesHarm });
}

/**
 * The intake from a fresh start up to its "Feeling safe" screen. False when
 * the crisis answer opened Right now first.
 */
async function toFeelingSafe(page, { role, name = 'Sam', relationship = 'My partner or spouse', what = 'A lie', when = 'A few months ago', willing = 'Yes', intent = 'To rebuild trust', selfHarm = 'No' }) {
  await beginIntake(page);
  await page.getByRole('radio', { name: role }).check();
  await next(page);
  await page.getByRole('radio', { name: relationship }).check();
  await page.getByLabel('What would you like to call them here?').fill(name);
  await next(page);
  await page.getByRole('checkbox', { name: what }).check();
  await page.getByRole('radio', { name: when }).check();
  await next(page);
  await page.locator('fieldset[data-question="willing"]').getByRole('radio', { name: willing, exact: true }).check();
  await page.getByRole('radio', { name: intent }).check();
  await next(page);
  await howYouAre(page, { selfHarm });
  if (selfHarm === 'Yes') return false;
  await page.getByRole('heading', { name: 'Feeling safe' }).waitFor();
  return true;
}

async function feelingSafe(page, { afraid = 'No', control = [] } = {}) {
  await page.getByRole('heading', { name: 'Feeling safe' }).waitFor();
  await yesNo(page, 'afraid', afraid);
  await yesNo(page, 'harm', 'No');
  for (const item of control) {
    await page.locator('fieldset[data-question="control"]').getByRole('checkbox', { name: item }).check();
  }
  await next(page);
}

async function howYouAre(page, { selfHarm = 'No' } = {}) {
  await page.getByRole('heading', { name: 'How you are' }).waitFor();
  await yesNo(page, 'self-harm', selfHarm);
  await next(page);
}

async function betweenYou(page, { usesHarm = 'No' } = {}) {
  await page.getByRole('heading', { name: 'Between you' }).waitFor();
  await yesNo(page, 'uses-harm', usesHarm);
  await next(page);
}

/** After a routed page: back to the intake, answering what is left calmly, to the review. */
async function resumeToReview(page) {
  await resume(page, app.url('guides/start'));
  const review = page.getByRole('heading', { level: 1, name: 'Review: Getting started' });
  for (let guard = 0; guard < 4; guard++) {
    await review.or(page.locator('form.runner')).first().waitFor();
    if (await review.count()) return;
    const step = (await page.locator('.runner__heading').innerText()).trim();
    // A screen already answered keeps its answers; only a new one is answered, calmly.
    const answered = (await page.locator('form.runner input:checked').count()) > 0;
    if (answered) await next(page);
    else if (step === 'Feeling safe') await feelingSafe(page);
    else if (step === 'Between you') await betweenYou(page);
    else await next(page);
    await page.waitForFunction((before) => {
      const h = document.querySelector('.runner__heading');
      return !h || h.textContent.trim() !== before;
    }, step);
  }
}

async function finishIntake(page) {
  await page.getByRole('heading', { level: 1, name: 'Review: Getting started' }).waitFor();
  await page.getByRole('button', { name: 'See my results' }).click();
  await page.getByRole('link', { name: 'See your path' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your path' }).waitFor();
}

async function pathTitles(page) {
  return page.getByRole('list', { name: 'Your suggested guides' }).getByRole('link').allInnerTexts();
}

const EXPECTED_START = {
  'I broke trust': ['Owning your part', 'Planning an apology', 'How much to tell'],
  'My trust was broken': ['Understanding the hurt', 'Your footing', 'Can this be rebuilt?'],
  'We both did: it goes both ways': ['Can this be rebuilt?', 'Owning your part', 'Understanding the hurt'],
  "I'm not sure": ['Safety check', 'Can this be rebuilt?', 'Understanding the hurt'],
};

for (const [role, first] of Object.entries(EXPECTED_START)) {
  test(`the intake for "${role}" leads to that role's path, worded for the person named`, async () => {
    const { page } = app;
    await intake(page, { role });
    await finishIntake(page);
    const titles = await pathTitles(page);
    assert.deepEqual(titles.slice(0, 3), first);
    if (role !== "I'm not sure") assert.ok(!titles.includes('Safety check'), 'no danger, no safety detour');
    const stepOne = page.getByRole('listitem').filter({ hasText: first[0] });
    await stepOne.getByText('Not started').waitFor();
    // Wording follows the intake: the name given appears in the guides.
    await page.getByRole('link', { name: `Next: ${first[0]}` }).click();
    await page.getByText(/Sam/).first().waitFor();
  });
}

test('a danger answer in the intake opens the Safety page and takes repair work off the path', async () => {
  const { page } = app;
  await intake(page, { role: 'I broke trust', afraid: 'Yes' });
  await page.getByRole('heading', { level: 1, name: 'Your safety' }).waitFor();
  await page.getByText('It is not your fault').waitFor();
  // Chromium here speaks en-US, so the United States' lines show first.
  await page.getByLabel('Your country').waitFor();
  assert.equal(await page.getByLabel('Your country').first().inputValue(), 'US');
  await page.getByText('800-799-SAFE (7233)').waitFor();
  // The country can be changed, and the lines follow.
  await page.getByLabel('Your country').first().selectOption('GB');
  await page.getByText('0808 2000 247').waitFor();
  await page.getByLabel('Your country').first().selectOption('US');
  await page.getByText('If you are thinking of leaving').waitFor();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Your path' }).click();
  await page.getByRole('heading', { name: 'Your safety comes first' }).waitFor();
  const titles = await pathTitles(page);
  assert.equal(titles[0], 'Safety check');
  for (const repair of ['Planning an apology', 'The conversation about what happened', 'Committing to the work', 'Forgiveness']) {
    assert.ok(!titles.includes(repair), `${repair} is not suggested`);
  }
});

test('the Safety check can be finished after "afraid", and its results lead to the Safety page and a high-risk card', async () => {
  const { page } = app;
  await freshStart(page, app.url());
  await page.reload();
  // Reachable from every page, in one click.
  await page.getByRole('link', { name: 'Safety', exact: true }).click();
  await page.getByRole('link', { name: 'Take the safety check' }).click();
  const routed = await walk(page, app.url('guides/safety-check'), 'Safety check', {
    afraid: 'Yes',
    threats: ['Threatened to hurt you'],
    stalking: 'Yes',
    strangled: 'Yes',
    'safe-place': 'Maybe, I\'m not sure',
  });
  assert.deepEqual(routed, [], 'no screen sent the reader away before the end');
  // The questions about a safe place and the plan were reached.
  await page.getByRole('heading', { name: 'Somewhere to go' }).waitFor();
  const cards = await page.locator('main h2').allInnerTexts();
  assert.ok(cards.indexOf('Please talk to someone today') >= 0, cards.join(' | '));
  assert.ok(cards.indexOf('Please talk to someone today') < cards.indexOf('Somewhere to go'), 'the high-risk card comes first');
  await page.getByText(/medical check/).first().waitFor();
  await page.getByRole('heading', { name: 'Your safety comes first' }).waitFor();
  await page.getByRole('link', { name: 'The Safety page' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Your safety' }).waitFor();
});

test('a person who is afraid and once pushed back is asked about safety first and sent to Safety, not to stopping harm', async () => {
  const { page } = app;
  await intake(page, { role: 'I broke trust', afraid: 'Yes' });
  await page.getByRole('heading', { level: 1, name: 'Your safety' }).waitFor();
  await resume(page, app.url('guides/start'));
  await betweenYou(page, { usesHarm: 'Yes' });
  await page.getByRole('heading', { level: 1, name: 'Your safety' }).waitFor();
  await page.getByRole('heading', { name: 'You said two things' }).waitFor();
  await page.getByText(/If you pushed back to protect yourself/).waitFor();
  // The stopping-harm page, if opened, says the same at its top.
  await page.getByRole('link', { name: 'there is help for that too' }).click();
  await page.getByRole('heading', { level: 1, name: 'If you have frightened or hurt someone' }).waitFor();
  await page.getByRole('link', { name: 'the Safety page' }).waitFor();
});

test('leaving a screen by Back after saying "afraid" still opens the Safety page', async () => {
  const { page } = app;
  await toFeelingSafe(page, { role: 'My trust was broken', relationship: 'A friend' });
  await yesNo(page, 'afraid', 'Yes');
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your safety' }).waitFor();
});

test('the intake\'s safety step and the Safety page say how Mend could be seen on a checked phone; UK users see the silent call', async () => {
  const { page } = app;
  await toFeelingSafe(page, { role: 'I broke trust', relationship: 'A friend' });
  const card = page.getByRole('region', { name: 'If someone checks your phone' });
  await card.getByText('Calls leave a trace.').waitFor();
  await card.getByText(/Quick exit/).first().waitFor();
  await page.getByRole('link', { name: 'Safety', exact: true }).click();
  await page.getByRole('region', { name: 'If someone checks your phone' }).waitFor();
  await page.getByText(/call log/).first().waitFor();
  // Helpline sites open in this tab: no tab is left that Quick exit cannot close.
  assert.equal(await page.locator('main a[target=_blank]').count(), 0);
  await page.getByLabel('Your country').first().selectOption('GB');
  await page.getByText(/press 55/).first().waitFor();
  // Who each line is for, at a glance.
  const mens = page.getByRole('listitem').filter({ hasText: "Men's Advice Line" });
  await mens.getByText('For men', { exact: true }).waitFor();
  const refuge = page.getByRole('listitem').filter({ hasText: 'Refuge' }).first();
  await refuge.getByText('Women only', { exact: true }).waitFor();
  await page.getByRole('listitem').filter({ hasText: 'Relay UK' }).getByText('Deaf and hard of hearing').waitFor();
  await page.getByLabel('Your country').first().selectOption('US');
  assert.equal(await page.getByText(/press 55/).count(), 0, 'only where the silent call exists');
});

test('"I want to end it" gives a path that starts with moving on, says why, and holds no repair guide', async () => {
  const { page } = app;
  await intake(page, { role: 'My trust was broken', intent: 'I want to end it, or I have ended it' });
  await finishIntake(page);
  const titles = await pathTitles(page);
  assert.deepEqual(titles.slice(0, 2), ['Moving on', 'Your footing']);
  for (const repair of ['The conversation about what happened', 'Needs and boundaries', 'Weekly check-in', 'Can this be rebuilt?']) {
    assert.ok(!titles.includes(repair), `${repair} is not suggested`);
  }
  await page.getByText(/Because you said you want to end it/).waitFor();
});

test('with the other person unwilling, the apology and "How much to tell" wait', async () => {
  const { page } = app;
  await intake(page, { role: 'I broke trust', willing: 'No, not right now' });
  await finishIntake(page);
  const titles = await pathTitles(page);
  assert.ok(titles.includes('Owning your part'));
  assert.ok(!titles.includes('Planning an apology'));
  assert.ok(!titles.includes('How much to tell'));
  await page.getByText(/a request for space is respected/).waitFor();
  // "When they end it" leads, for the one who broke trust.
  assert.equal(titles[0], 'When they end it');
  await page.getByRole('link', { name: 'Next: When they end it' }).click();
  await page.getByText(/It is not about winning/).waitFor();
});

test('an affair puts "After an affair: the practical part" on the path of the one who broke trust', async () => {
  const { page } = app;
  await intake(page, { role: 'I broke trust', what: 'Cheating or an affair' });
  await finishIntake(page);
  const titles = await pathTitles(page);
  assert.deepEqual(titles.slice(0, 2), ['Owning your part', 'After an affair: the practical part']);
  assert.ok(!titles.includes('When they end it'), 'only when the other person is unwilling');
  assert.ok(titles.includes('Finding a counsellor'));
});

test('the hurt person\'s path has "The checking and the replaying" and "Finding a counsellor"', async () => {
  const { page } = app;
  await intake(page, { role: 'My trust was broken', what: 'Cheating or an affair' });
  await finishIntake(page);
  const titles = await pathTitles(page);
  assert.ok(titles.includes('The checking and the replaying'), titles.join(', '));
  assert.ok(titles.includes('Finding a counsellor'));
  assert.ok(!titles.includes('After an affair: the practical part'), 'not the hurt person\'s work');
  await page.getByRole('link', { name: 'The checking and the replaying' }).click();
  await page.getByText(/It is not a flaw in you/).waitFor();
});

test('"Finding a counsellor" says couples counselling is not the place to start for someone who is afraid', async () => {
  const { page } = app;
  await freshStart(page, app.url());
  const routed = await walk(page, app.url('guides/finding-a-counsellor'), 'Finding a counsellor', { afraid: 'Yes' });
  assert.deepEqual(routed, ['Your safety'], 'fear opens the Safety page first');
  await page.getByRole('heading', { name: 'Start with your own safety' }).waitFor();
  await page.getByText(/Counselling together with .* is not the place to start/).waitFor();
});

test('fear said in the intake hides every score, and the question about months of work is not asked', async () => {
  const { page } = app;
  await intake(page, { role: 'My trust was broken', afraid: 'Yes' });
  await page.getByRole('heading', { level: 1, name: 'Your safety' }).waitFor();
  // Calm answers here: no gate of this guide holds, only the fear said in the intake.
  await walk(page, app.url('guides/can-this-be-rebuilt'), 'Can this be rebuilt?', {
    'w-them': 'Yes, clearly',
    'r-stopped': 'Yes, as far as I know',
  });
  await page.getByRole('heading', { name: 'No scores while you may not be safe' }).waitFor();
  assert.equal(await page.getByText(/on a scale from/).count(), 0, 'no bars');
  assert.equal(await page.getByText(/Few warning signs/).count(), 0, 'no band');
  await page.getByRole('link', { name: 'Review my answers' }).click();
  assert.equal(await page.getByText('I want to put real effort into rebuilding this relationship.').count(), 0, 'not asked while afraid');
  const routed = await walk(page, app.url('guides/rebuild-or-move-on'), 'Rebuild or move on', {
    since: ['Owned what they did, without excuses', 'Kept the promises made since', 'Answered my questions honestly'],
    'body-with': 'I soften or relax a little',
    friends: 'They think it\'s worth another try',
  });
  assert.deepEqual(routed, []);
  assert.equal(await page.getByText(/Much pointing toward rebuilding/).count(), 0);
  assert.equal(await page.getByText(/on a scale from/).count(), 0);
  await page.getByRole('heading', { name: 'If you decide to leave' }).waitFor();
});

test('the apology planner marks excuse and blame wording, and leaves plain words alone', async () => {
  const { page } = app;
  await freshStart(page, app.url());
  await page.goto(app.url('guides/planning-an-apology'));
  await page.getByRole('button', { name: 'Begin' }).click();
  const part = page.locator('[data-question="what-i-did"]');
  await part.locator('textarea').waitFor();
  const box = part.locator('textarea');

  await box.fill("I'm sorry you feel hurt, but you made me do it. <b>x</b>");
  await part.getByRole('status').filter({ hasText: '3 phrases to look at again' }).waitFor();
  assert.deepEqual(await part.locator('mark').allInnerTexts(), ["I'm sorry you feel", 'but', 'you made me']);
  await part.getByText('This hands the responsibility back to them').waitFor();
  // The draft is shown as text: the tag is visible, not applied.
  await part.locator('.wording-check__draft').getByText('<b>x</b>').waitFor();
  assert.equal(await part.locator('.wording-check__draft b').count(), 0);

  for (const phrase of ['if you', 'I only', 'everyone does']) {
    await box.fill(`It happened ${phrase} know what I mean.`);
    await part.locator('mark').filter({ hasText: new RegExp(phrase, 'i') }).waitFor();
  }

  await box.fill('I read your messages without asking, and I lied about it when you asked me.');
  await part.locator('mark').first().waitFor({ state: 'detached' });
  assert.equal((await part.locator('.wording-check__status').textContent()).trim(), '');
});

test('every guide can be finished from start to results with the keyboard alone', async () => {
  const { page } = app;
  await freshStart(page, app.url());
  const guides = fs
    .readdirSync(path.join(ROOT, 'content', 'guides'))
    .filter((f) => f.endsWith('.toml'))
    .map((f) => {
      const text = fs.readFileSync(path.join(ROOT, 'content', 'guides', f), 'utf8');
      return { id: text.match(/^id = "([^"]+)"/m)[1], title: text.match(/^title = "([^"]+)"/m)[1] };
    });
  assert.equal(guides.length, 26);
  for (const guide of guides) {
    await completeByKeyboard(page, app.url(`guides/${guide.id}`), guide.title);
  }
});


const ROLES = Object.keys(EXPECTED_START);

for (const role of ROLES) {
  test(`"${role}": thoughts of self-harm in the intake open Right now, the path stays, and "I'm safe now" is remembered`, async () => {
    const { page } = app;
    await intake(page, { role, selfHarm: 'Yes' });
    await page.getByRole('heading', { level: 1, name: 'Right now' }).waitFor();
    await page.getByText('For the next few minutes').waitFor();
    await page.getByText('988 Suicide & Crisis Lifeline').waitFor();
    // The rest of the intake is still there, and the path follows it.
    await resumeToReview(page);
    await finishIntake(page);
    assert.deepEqual((await pathTitles(page)).slice(0, 3), EXPECTED_START[role], 'the path stays');
    await page.getByRole('heading', { name: 'Someone to talk to, right now' }).waitFor();
    // One tap away on every page while the answer stands.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Guides' }).click();
    await page.getByRole('link', { name: 'Right now' }).click();
    await page.getByRole('button', { name: "I'm safe now" }).click();
    await page.getByRole('status').filter({ hasText: 'Thank you for letting Mend know' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Right now' }).waitFor();
    assert.equal(await page.getByRole('banner').getByRole('link', { name: 'Right now' }).count(), 0, 'the header link is gone after "I\'m safe now"');
  });
}

for (const role of ROLES) {
  test(`"${role}": thoughts of self-harm in the Safety check open Right now too`, async () => {
    const { page } = app;
    await intake(page, { role });
    await finishIntake(page);
    const routed = await walk(page, app.url('guides/safety-check'), 'Safety check', {
      'self-harm': 'Yes',
      'safe-place': 'No, not right now',
    });
    assert.deepEqual(routed, ['Right now']);
    await page.getByRole('heading', { name: 'Someone to talk to' }).waitFor();
    await page.getByRole('banner').getByRole('link', { name: 'Right now' }).waitFor();
    // "Nowhere safe to go" leads somewhere: a plan, under its neutral name.
    await page.getByRole('heading', { name: 'Somewhere to go' }).waitFor();
    await page.getByRole('region', { name: 'What might help next' }).getByRole('link', { name: 'My plan' }).waitFor();
  });
}

test('a caution answer keeps the path, with a note and the Safety check first', async () => {
  const { page } = app;
  await intake(page, { role: 'I broke trust', control: [/anger frightens you/] });
  await finishIntake(page);
  await page.getByRole('heading', { name: 'The Safety check first' }).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Your safety comes first' }).count(), 0);
  const titles = await pathTitles(page);
  assert.equal(titles[0], 'Safety check');
  for (const kept of ['Owning your part', 'Planning an apology', 'The conversation about what happened']) {
    assert.ok(titles.includes(kept), `${kept} stays on the path`);
  }
});

test('after reading the Safety page, the full path is an explicit choice that can be undone', async () => {
  const { page } = app;
  await intake(page, { role: 'My trust was broken', afraid: 'Yes' });
  await page.getByRole('heading', { level: 1, name: 'Your safety' }).waitFor();
  await page.getByRole('button', { name: 'Show me the full path' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Your path' }).click();
  assert.ok((await pathTitles(page)).includes('The conversation about what happened'));
  await page.getByText('You chose to see your full path anyway').waitFor();
  await page.getByRole('link', { name: 'Safety', exact: true }).click();
  await page.getByRole('button', { name: 'Set repair work aside again' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Your path' }).click();
  assert.ok(!(await pathTitles(page)).includes('The conversation about what happened'));
});

test('saying you have frightened or hurt them holds every guide that asks for access, and Compare, until a step is taken', async () => {
  const { page } = app;
  await intake(page, { role: 'I broke trust', usesHarm: 'Yes' });
  await page.getByRole('heading', { level: 1, name: 'If you have frightened or hurt someone' }).waitFor();
  await page.getByText('Respect Phoneline').or(page.getByText('National Domestic Violence Hotline')).first().waitFor();
  // The crisis lines are offered here too.
  await page.getByRole('heading', { name: 'If you are in crisis yourself' }).waitFor();
  await page.getByText('988 Suicide & Crisis Lifeline').waitFor();
  await resumeToReview(page);
  await finishIntake(page);
  await page.getByRole('heading', { name: 'Before any apology' }).waitFor();
  let titles = await pathTitles(page);
  for (const held of ['Planning an apology', 'The conversation about what happened', 'Needs and boundaries', 'Committing to the work', 'Weekly check-in', 'Reconnecting']) {
    assert.ok(!titles.includes(held), `${held} waits`);
  }
  assert.ok(titles.includes('Owning your part'));
  await page.goto(app.url('guides/committing-to-the-work/compare'));
  await page.getByText('Compare is switched off for now.', { exact: false }).waitFor();
  await page.getByRole('link', { name: 'If you have frightened or hurt someone' }).click();
  // Reading is not a step: "Not yet" changes nothing.
  await page.getByRole('button', { name: 'Not yet' }).click();
  await page.getByRole('status').filter({ hasText: "That's all right" }).waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Your path' }).click();
  assert.ok(!(await pathTitles(page)).includes('Weekly check-in'), 'still held');
  await page.getByRole('link', { name: 'If you have frightened or hurt someone' }).click();
  await page.getByRole('button', { name: 'I have contacted a service for people who want to stop' }).click();
  await page.getByRole('link', { name: 'Back to your path' }).click();
  titles = await pathTitles(page);
  assert.ok(titles.includes('Planning an apology'), 'back once a step is taken');
  assert.ok(titles.includes('Weekly check-in'));
  await page.goto(app.url('guides/committing-to-the-work/compare'));
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.getByText('Compare is switched off for now.', { exact: false }).count(), 0);
});

test('"I have decided I\'m done" is respected: results suggest moving on, never repair', async () => {
  const { page } = app;
  await freshStart(page, app.url());
  await walk(page, app.url('guides/can-this-be-rebuilt'), 'Can this be rebuilt?', {
    'w-them': 'Yes, clearly',
    'r-done': 'Yes',
  });
  await page.getByRole('heading', { name: 'You have decided' }).waitFor();
  const next = page.getByRole('region', { name: 'What might help next' });
  await next.getByRole('link', { name: 'Moving on' }).waitFor();
  for (const repair of ['Committing to the work', 'The conversation about what happened', 'Needs and boundaries']) {
    assert.equal(await next.getByRole('link', { name: repair }).count(), 0, `${repair} is not recommended`);
  }
  assert.equal(await page.getByText(/on a scale from/).count(), 0, 'no scores beside the decision');
  assert.equal(await page.getByRole('heading', { name: 'Safety', exact: true }).count(), 0, 'safety is never a fill bar');
});

test('fear never comes out as "few signs point toward moving on"', async () => {
  const { page } = app;
  await freshStart(page, app.url());
  const routed = await walk(page, app.url('guides/rebuild-or-move-on'), 'Rebuild or move on', {
    since: ['Owned what they did, without excuses', 'Kept the promises made since'],
    'body-with': 'I soften or relax a little',
    signs: [/I am afraid of/],
  });
  assert.deepEqual(routed, ['Your safety'], 'fear opens the Safety page first');
  await page.getByRole('heading', { name: 'Fear comes before any weighing' }).waitFor();
  await page.getByText('the time around leaving').waitFor();
  assert.equal(await page.getByText(/Few of your answers point toward moving on/).count(), 0);
  assert.equal(await page.getByText(/on a scale from/).count(), 0);
});

test('My plan prints, and is sealed with everything else under a passphrase', async () => {
  const { page } = app;
  await freshStart(page, app.url());
  const place = 'Aunt Rosa on Maple Street';
  await walk(page, app.url('guides/my-plan'), 'My plan', { place });
  await page.getByRole('link', { name: 'Review my answers' }).click();
  await page.getByText(place).waitFor();
  // The Print button opens the browser's print dialog; the page prints the plan.
  await page.evaluate(() => {
    window.__printed = 0;
    window.print = () => (window.__printed += 1);
  });
  await page.getByRole('button', { name: 'Print' }).click();
  assert.equal(await page.evaluate(() => window.__printed), 1);
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.getByText(place).isVisible(), 'the plan is on the printed page');
  await page.emulateMedia({ media: 'screen' });
  assert.match(await storedText(page), /Maple Street/);

  await page.goto(app.url('settings'));
  await page.getByLabel('New passphrase').fill('quiet harbour lantern');
  await page.getByLabel('Type it again').fill('quiet harbour lantern');
  await page.getByRole('button', { name: 'Protect with this passphrase' }).click();
  await page.getByRole('button', { name: 'Lock now' }).waitFor();
  assert.doesNotMatch(await storedText(page), /Maple Street|place|my-plan/);
  // Locked, the plan is gone from the screen, but help is not behind the passphrase.
  await page.getByRole('button', { name: 'Lock now' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mend is locked' }).waitFor();
  assert.equal(await page.getByText('Maple Street').count(), 0);
  await page.getByText('Need someone to talk to now?').click();
  await page.getByText('988 Suicide & Crisis Lifeline').waitFor();
  // Remove the passphrase again so later tests start plain.
  await page.evaluate(() => localStorage.clear());
  await page.goto(app.url());
});

test('on iPhone Safari, the start page and Settings say data may be cleared after a week; not in Chromium', async () => {
  const { page, context } = app;
  await page.goto(app.url());
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'This browser may clear Mend after a week' }).count(), 0);
  const original = await page.evaluate(() => navigator.userAgent);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setUserAgentOverride', {
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  });
  try {
    await page.reload();
    await page.getByRole('heading', { name: 'This browser may clear Mend after a week' }).waitFor();
    await page.getByText('Add Mend to your Home Screen').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'This browser may clear Mend after a week' }).waitFor();
  } finally {
    await cdp.send('Emulation.setUserAgentOverride', { userAgent: original });
    await cdp.detach();
  }
});
