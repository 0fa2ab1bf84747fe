// axe-core in Mend's end-to-end tests, under the app's real Content-Security-
// Policy: the library is handed to the page through the DevTools protocol
// (Playwright's evaluate), which the policy does not govern, never through a
// script tag, which it would rightly block.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Rules switched off, each with its reason. Keep this short: a rule goes
 * here only when it cannot apply to Mend, never to hide a finding.
 */
const DISABLED = {
  // 'rule-id': 'why it cannot apply to Mend',
};

/**
 * Runs axe on the page as it is now, in light and then in dark mode, and
 * fails with every violation listed (rule, impact, element, why) when
 * there is any. `state` names what is on screen, for the message.
 */
export async function checkAccessibility(page, state) {
  const found = [];
  for (const colorScheme of ['light', 'dark']) {
    // Reduced motion turns colour transitions off, so axe reads the
    // scheme's colours, not a frame of the fade between them.
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
      await page.evaluate(AXE_SOURCE);
    }
    const violations = await page.evaluate(
      async ({ tags, disabled }) => {
        const rules = Object.fromEntries(disabled.map((id) => [id, { enabled: false }]));
        const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, rules, resultTypes: ['violations'] });
        return result.violations.map((v) => ({
          rule: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary.replace(/\s+/g, ' ')})`),
        }));
      },
      { tags: TAGS, disabled: Object.keys(DISABLED) },
    );
    for (const v of violations) found.push({ colorScheme, ...v });
  }
  await page.emulateMedia({ colorScheme: null, reducedMotion: null });
  const report = found
    .map((v) => `[${v.colorScheme}] ${v.rule} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 5).join('\n    ')}`)
    .join('\n');
  assert.equal(found.length, 0, `axe found ${found.length} violation(s) on ${state}:\n${report}`);
}
