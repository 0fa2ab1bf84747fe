// Accessibility, checked on every page and every state that matters, the
// way issue 14 asks: axe-core (WCAG 2.2 A and AA plus best practices) in
// light and dark mode, under the real Content-Security-Policy. One browser
// walks through them all, like one person using Mend.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, freshStart, h1, sharedSession } from './support.mjs';
import { checkAccessibility } from './axe.mjs';
import { checkNarrowLayout } from './layout.mjs';
import { walk } from './walk.mjs';

const PASSPHRASE = 'blue kettle morning walk';
/** Quick exit's default site, answered by the browser itself (sharedSession). */
const EXIT_URL = 'https://www.bbc.com/weather';

const app = sharedSession({ neutralSite: new URL(EXIT_URL).origin });

test('every page a person can open passes axe, light and dark', async () => {
  const { page } = app;
  const pages = [
    ['', 'Rebuild trust, one honest step at a time'],
    ['guides', 'Guides'],
    ['history', 'History'],
    ['safety', null],
    ['right-now', 'Right now'],
    ['safety/stopping-harm', null],
    ['settings', 'Settings'],
    ['no-such-page', null],
  ];
  for (const [path, title] of pages) {
    await page.goto(app.url(path));
    if (title) await h1(page, title);
    else await page.locator('main h1').waitFor();
    await checkAccessibility(page, `/${path}`);
  }
});

test('the check itself finds a violation when there is one', async () => {
  const { page } = app;
  await page.goto(app.url());
  await h1(page, 'Rebuild trust, one honest step at a time');
  // A button with no name, put there by hand: axe must refuse it.
  await page.evaluate(() => document.querySelector('main').append(document.createElement('button')));
  await assert.rejects(checkAccessibility(page, 'a page with a nameless button'), /button-name/);
});

test('whole guides pass axe: every question kind, errors shown, review and results', async () => {
  const { page } = app;
  // As on a first visit: the walk through earlier states leaves Mend
  // protected, locked or closed.
  await freshStart(page, app.url());
  await page.goto(app.url('guides/the-conversation'));
  await h1(page, 'The conversation about what happened');
  await checkAccessibility(page, 'a guide introduction');
  await page.getByRole('button', { name: 'Begin' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('alert').first().waitFor();
  await checkAccessibility(page, 'a step with errors shown');

  // Between them, these two guides ask every kind of question: a choice,
  // several choices, yes/no, a scale, short and long text, a checklist, a
  // list and a date. Every screen is checked as it stands answered.
  for (const [guide, title, answers] of [
    ['the-conversation', 'The conversation about what happened', {}],
    ['understanding-the-hurt', 'Understanding the hurt', { feelings: ['Sad or grieving'] }],
  ]) {
    const kinds = new Set();
    await walk(page, app.url(`guides/${guide}`), title, answers, {
      onStep: async () => {
        for (const kind of await page.locator('form.runner [data-question]').evaluateAll((qs) =>
          qs.map((q) => (q.querySelector('input[type=date]') ? 'date' : q.querySelector('textarea') ? 'text' : q.querySelector('input[type=checkbox]') ? 'boxes' : q.querySelector('input[type=radio]') ? 'radios' : 'other')),
        )) kinds.add(kind);
        const step = (await page.locator('form.runner h2').first().innerText()).trim();
        await checkAccessibility(page, `${title}: ${step}`);
      },
    });
    await checkAccessibility(page, `results of ${title}`);
    await page.getByRole('link', { name: 'Review my answers' }).click();
    await h1(page, `Review: ${title}`);
    await checkAccessibility(page, `the review of ${title}`);
    assert.ok(kinds.size >= 3, `${title} asked several kinds of question: ${[...kinds]}`);
  }
});

test('results that show danger pass axe', async () => {
  const { page } = app;
  await freshStart(page, app.url());
  // Fear said here: the results set every score aside and show where to get help.
  await walk(page, app.url('guides/finding-a-counsellor'), 'Finding a counsellor', { afraid: 'Yes' });
  await page.locator('main h1').waitFor();
  await checkAccessibility(page, 'results with danger');
});

test('notices, Settings with a passphrase, the lock screen and the closed screen pass axe', async () => {
  const { page } = app;
  app.expect({ foreignRequests: [EXIT_URL] });
  // Unreadable saved data: the start page opens with a notice and its download.
  await page.goto(app.url());
  await page.evaluate(() => localStorage.setItem('mend.document', '{"app":"mend","schema":1,"data":{"entr'));
  await page.reload();
  await page.getByText('a copy of what was saved is kept aside').waitFor();
  await checkAccessibility(page, 'the start page with a notice');

  await page.goto(app.url('settings'));
  await h1(page, 'Settings');
  await page.getByLabel('New passphrase').fill(PASSPHRASE);
  await page.getByLabel('Type it again').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Protect with this passphrase' }).click();
  await page.getByRole('button', { name: 'Lock now' }).waitFor();
  await checkAccessibility(page, 'Settings with a passphrase');

  await page.getByRole('button', { name: 'Lock now' }).click();
  await h1(page, 'Mend is locked');
  await checkAccessibility(page, 'the lock screen');
  await page.getByLabel('Passphrase').fill('not the passphrase');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('alert').first().waitFor();
  await checkAccessibility(page, 'the lock screen after a wrong passphrase');
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mend is locked' }).waitFor({ state: 'detached' });

  await page.getByRole('button', { name: 'Quick exit' }).click();
  await page.waitForURL(EXIT_URL);
  await page.goBack();
  await h1(page, 'Mend is closed');
  await checkAccessibility(page, 'the closed screen');
});

/** A document as this Mend writes it: a finished intake and guides. */
const FIXTURE = fs.readFileSync(path.join(ROOT, 'src/domain/store/fixtures/schema-5.json'), 'utf8');

test('on a 320 px phone with a wide font, and with text spacing, nothing is cut off, scrolls sideways or is too small to tap', async () => {
  const phone = await app.anotherBrowser({ viewport: { width: 320, height: 640 } });
  try {
    const { page } = phone;
    for (const path of ['', 'guides', 'history', 'safety', 'right-now', 'settings', 'guides/can-this-be-rebuilt', 'no-such-page']) {
      for (const textSpacing of [false, true]) {
        await page.goto(app.url(path));
        await page.locator('main h1').waitFor();
        await checkNarrowLayout(page, `/${path}`, { textSpacing });
      }
    }
    await page.goto(app.url('guides/can-this-be-rebuilt'));
    await page.getByRole('button', { name: /^(Begin|Continue where you left off)$/ }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('alert').first().waitFor();
    await checkNarrowLayout(page, 'a guide step with errors');
    await checkNarrowLayout(page, 'a guide step with errors', { textSpacing: true });
    // Links standing on their own lines: Your path's guide titles (in a
    // list item's div) and "Compare your answers" alone in its paragraph.
    await page.evaluate((doc) => localStorage.setItem('mend.document', doc), FIXTURE);
    for (const path of ['', 'guides/weekly-check-in/results']) {
      await page.goto(app.url(path));
      await page.locator('main h1').waitFor();
      await page.locator('main li a, main p > a:only-child').first().waitFor();
      await checkNarrowLayout(page, `/${path} with a path and results`);
    }
    await page.getByRole('link', { name: 'Compare your answers' }).waitFor();
    await page.evaluate(() => localStorage.clear());
  } finally {
    await phone.close();
  }
});

/** Chromium's accessibility tree, as a screen reader gets it. */
async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    return nodes.filter((n) => !n.ignored);
  } finally {
    await cdp.detach();
  }
}

const CONTROLS = ['button', 'link', 'radio', 'checkbox', 'textbox', 'combobox', 'progressbar', 'searchbox', 'spinbutton'];

/** Every control in the tree has a name; returns the tree for more checks. */
async function everyControlNamed(page, state) {
  const nodes = await axTree(page);
  const nameless = nodes
    .filter((n) => CONTROLS.includes(n.role?.value) && !(n.name?.value || '').trim())
    .map((n) => `${n.role.value} (node ${n.backendDOMNodeId})`);
  assert.deepEqual(nameless, [], `controls without a name on ${state}`);
  return nodes;
}

/** Every question's help text is read as the description of its control. */
async function everyHelpIsADescription(page, state) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[aria-describedby]' });
    const helps = await page.evaluate(() =>
      Object.fromEntries([...document.querySelectorAll('.question__help')].map((p) => [p.id, p.textContent.trim()])),
    );
    assert.ok(Object.keys(helps).length > 0, `${state} has help to hear`);
    const heard = new Set();
    for (const nodeId of nodeIds) {
      const { node } = await cdp.send('DOM.describeNode', { nodeId });
      const attributes = Object.fromEntries((node.attributes || []).reduce((pairs, v, i, all) => (i % 2 ? pairs : [...pairs, [v, all[i + 1]]]), []));
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
      const description = nodes[0]?.description?.value || '';
      for (const id of (attributes['aria-describedby'] || '').split(/\s+/)) {
        if (helps[id] && description.includes(helps[id])) heard.add(id);
      }
    }
    assert.deepEqual(Object.keys(helps).filter((id) => !heard.has(id)), [], `help not heard on ${state}`);
  } finally {
    await cdp.detach();
  }
}

test('a screen reader hears a whole step: names, help, progress, one summary of errors, "Saved" once, and each step by name', async () => {
  const { page } = app;
  await freshStart(page, app.url());
  await page.goto(app.url('guides/can-this-be-rebuilt'));
  await page.getByRole('button', { name: 'Begin' }).click();
  await page.getByRole('heading', { name: 'Wanting to try' }).waitFor();

  // Arriving on a step: focus is on its heading, and the tab names it.
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Wanting to try');
  assert.equal(await page.title(), 'Wanting to try · Can this be rebuilt? · Mend');

  let nodes = await everyControlNamed(page, 'the first step');
  const stepHeading = nodes.find((n) => n.role?.value === 'heading' && n.name?.value === 'Wanting to try');
  assert.equal(stepHeading?.description?.value, 'Questions 1–2 of 16', 'the heading that takes focus tells where the step sits');
  const progress = nodes.find((n) => n.role?.value === 'progressbar');
  assert.equal(progress?.name?.value, 'Progress through this guide');
  assert.ok(nodes.some((n) => n.name?.value === 'Questions 1–2 of 16' || n.role?.value === 'StaticText' && n.name?.value === 'Questions 1–2 of 16'), 'the progress is in words too');
  // A question's help is its description.
  const group = nodes.find((n) => n.role?.value === 'group' && n.name?.value === 'Does the other person want to work on it too?');
  assert.equal(group?.description?.value, 'Go by what the other person has said and done, rather than what you hope.');
  await everyHelpIsADescription(page, 'the first step');

  // Next with two questions unanswered: one alert that sums them up, with
  // a link to each; following a link puts the cursor in that question.
  await page.getByRole('button', { name: 'Next' }).click();
  const summary = page.getByRole('alert');
  await summary.waitFor();
  assert.equal(await summary.count(), 1, 'one alert, not one per question');
  await summary.getByRole('heading', { name: '2 answers need attention' }).waitFor();
  const links = summary.getByRole('link');
  assert.equal(await links.count(), 2);
  assert.match(await links.nth(1).textContent(), /^Does the other person want to work on it too\? Please choose/);
  await links.nth(0).click();
  assert.equal(
    await page.evaluate(() => document.activeElement?.closest('[data-question]')?.dataset.question),
    'w-me',
    'the link leads into the question it names',
  );
  const scaleValue = (await axTree(page)).find((n) => n.role?.value === 'radio' && n.name?.value?.startsWith('1'));
  assert.ok(scaleValue, 'the scale values are radios with names');

  // "Saved" is said once on a step, not for every answer or keystroke.
  // The status element stays from step to step (so each change is heard);
  // count how often what it says changes.
  await page.evaluate(() => {
    window.__statusChanges = 0;
    const status = document.querySelector('.save-status');
    new MutationObserver(() => window.__statusChanges++).observe(status, { childList: true, subtree: true, characterData: true });
  });
  await page.getByRole('radio', { name: 'Yes, clearly' }).check();
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  await page.getByRole('radio', { name: 'Somewhat, or on and off' }).check();
  await page.getByRole('radio', { name: '4', exact: true }).check();
  await page.waitForTimeout(400);
  assert.equal(await page.evaluate(() => window.__statusChanges), 1, '"Saved" appeared once for three answers');
  assert.equal(await page.getByRole('alert').count(), 0, 'the summary goes once everything is answered');

  // The next step: heard by its name, and "Saved" starts afresh.
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { name: 'Feeling safe' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Feeling safe');
  assert.equal(await page.title(), 'Feeling safe · Can this be rebuilt? · Mend');
  assert.equal(await page.locator('.save-status').textContent(), '', 'nothing said before an answer here');
  await everyControlNamed(page, 'the second step');
  await everyHelpIsADescription(page, 'the second step');

  // Typing: many keystrokes, one "Saved" (a guide that opens with text questions).
  await page.goto(app.url('guides/appreciation-log'));
  await page.getByRole('button', { name: 'Begin' }).click();
  await page.getByRole('heading', { name: 'Something good' }).waitFor();
  await page.evaluate(() => {
    window.__statusChanges = 0;
    const status = document.querySelector('.save-status');
    new MutationObserver(() => window.__statusChanges++).observe(status, { childList: true, subtree: true, characterData: true });
  });
  await everyControlNamed(page, 'a step of text questions');
  await page.getByLabel(/new shared moment/).pressSequentially('Tea on the step after work', { delay: 40 });
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => window.__statusChanges), 1, 'one "Saved" for a whole sentence typed');
});

test('the neutral tab title: off without a passphrase, on by default with one, and the user decides', async () => {
  const { page } = app;
  await freshStart(page, app.url());
  await page.goto(app.url('guides/can-this-be-rebuilt'));
  await h1(page, 'Can this be rebuilt?');
  assert.equal(await page.title(), 'Can this be rebuilt? · Mend');

  await page.goto(app.url('settings'));
  const neutral = page.getByRole('checkbox', { name: 'Show a neutral tab title' });
  assert.equal(await neutral.isChecked(), false, 'off while nothing is protected');
  await page.getByLabel('New passphrase').fill(PASSPHRASE);
  await page.getByLabel('Type it again').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Protect with this passphrase' }).click();
  await page.getByRole('button', { name: 'Lock now' }).waitFor();
  await page.waitForFunction(() => document.title === 'Notes');
  assert.equal(await neutral.isChecked(), true, 'on by default once a passphrase is set');
  // The lock screen too says "Notes", not "Mend is locked".
  await page.getByRole('button', { name: 'Lock now' }).click();
  await h1(page, 'Mend is locked');
  assert.equal(await page.title(), 'Notes');
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mend is locked' }).waitFor({ state: 'detached' });
  await page.getByRole('link', { name: 'Guides', exact: true }).click();
  await page.getByRole('link', { name: 'Can this be rebuilt?' }).or(page.getByRole('heading', { level: 1, name: 'Guides' })).first().waitFor();
  assert.equal(await page.title(), 'Notes', 'every page, not only Settings');

  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await neutral.uncheck();
  await page.waitForFunction(() => document.title === 'Settings · Mend');
  await page.reload();
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await h1(page, 'Settings');
  assert.equal(await page.getByRole('checkbox', { name: 'Show a neutral tab title' }).isChecked(), false, 'the choice is kept');
  assert.equal(await page.title(), 'Settings · Mend');
});

test('passphrase fields take a paste and a password manager, and Settings says what that means on a shared device', async () => {
  const { page } = app;
  await freshStart(page, app.url());
  await page.goto(app.url('settings'));
  await h1(page, 'Settings');
  await page.getByText('anyone who can open that password manager').waitFor();
  for (const [label, autocomplete] of [['New passphrase', 'new-password'], ['Type it again', 'new-password']]) {
    const field = page.getByLabel(label);
    assert.equal(await field.getAttribute('autocomplete'), autocomplete, `${label} names itself to password managers`);
    // A paste is not refused: nothing cancels the event.
    const refused = await field.evaluate((input) => {
      const paste = new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: new DataTransfer() });
      return !input.dispatchEvent(paste);
    });
    assert.equal(refused, false, `${label} accepts a paste`);
  }
});

test('with forced colours (Windows High Contrast), the chosen answers, the current page and focus stay visible', async () => {
  const { page } = app;
  await freshStart(page, app.url());
  await page.emulateMedia({ forcedColors: 'active' });
  try {
    await page.goto(app.url('guides/can-this-be-rebuilt'));
    await page.getByRole('button', { name: 'Begin' }).click();
    await page.getByRole('radio', { name: 'Somewhat, or on and off' }).check();
    await page.getByRole('radio', { name: '4', exact: true }).check();
    const looks = await page.evaluate(() => {
      const style = (el) => {
        const s = getComputedStyle(el);
        return `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} | ${s.backgroundColor} | ${s.color} | ${s.textDecorationLine} ${s.borderBottomColor}`;
      };
      const option = (checked) => document.querySelector(`.option:has(input${checked ? ':checked' : ':not(:checked)'})`);
      const scale = (checked) => document.querySelector(`.scale__value:has(input${checked ? ':checked' : ':not(:checked)'})`);
      const current = document.querySelector('.site-nav a[aria-current="page"]');
      const other = document.querySelector('.site-nav a:not([aria-current])');
      return {
        option: [style(option(true)), style(option(false))],
        scale: [style(scale(true)), style(scale(false))],
        nav: [style(current), style(other)],
      };
    });
    for (const [what, [chosen, other]] of Object.entries(looks)) {
      assert.notEqual(chosen, other, `in forced colours, the chosen ${what} looks different from the others`);
    }
    // Focus shows as an outline.
    await page.getByRole('radio', { name: '4', exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    const outline = await page.evaluate(() => {
      const s = getComputedStyle(document.querySelector('.scale__value:has(input:focus-visible)'));
      return `${s.outlineStyle} ${s.outlineWidth}`;
    });
    assert.match(outline, /^solid [1-9]/, 'focus is outlined');
  } finally {
    await page.emulateMedia({ forcedColors: null });
  }
});
