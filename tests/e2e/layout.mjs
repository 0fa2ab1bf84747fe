// The narrow-phone layout check, shared by the accessibility tests in
// English and in Spanish (longer words are what break a layout).
import assert from 'node:assert/strict';

/**
 * What a person on the narrowest phone meets, with a wide system font
 * (DejaVu Sans; set through the CSSOM, which the page's policy allows):
 * no sideways scrolling, every navigation tab whole and in view, and every
 * control at least 24 by 24 px (WCAG 2.5.8; links inside a sentence are
 * exempt). 320 px is also what a 1280 px window shows at 400% zoom.
 */
export async function checkNarrowLayout(page, state, { textSpacing = false } = {}) {
  const found = await page.evaluate((textSpacing) => {
    for (const el of [document.documentElement, document.body]) el.style.setProperty('font-family', '"DejaVu Sans", sans-serif');
    if (textSpacing) {
      // WCAG 1.4.12's text-spacing override, as a user style sheet would apply it.
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(
        '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }',
      );
      document.adoptedStyleSheets = [sheet];
    }
    const problems = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width) {
      problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth} px wide in ${width} px)`);
    }
    for (const link of document.querySelectorAll('nav a')) {
      const box = link.getBoundingClientRect();
      if (box.left < 0 || box.right > width + 0.5 || link.scrollWidth > link.clientWidth + 1) {
        problems.push(`navigation tab "${link.textContent}" is cut off (${box.left.toFixed(0)}–${box.right.toFixed(0)})`);
      }
    }
    for (const el of document.querySelectorAll('a, button, input, select, textarea, summary')) {
      if (el.closest('[hidden]') || getComputedStyle(el).visibility === 'hidden') continue;
      const target = (el.matches('input[type=radio], input[type=checkbox]') && el.closest('label')) || el;
      const box = target.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      const sentence = el.tagName === 'A' ? el.parentElement.closest('p') : null;
      if (sentence && sentence.textContent.trim() !== el.textContent.trim()) continue;
      if (box.width < 24 || box.height < 24) {
        const name = (el.getAttribute('aria-label') || el.textContent || el.value || el.type || '').trim().slice(0, 40);
        problems.push(`${el.tagName.toLowerCase()} "${name}" is ${box.width.toFixed(0)}×${box.height.toFixed(0)} px`);
      }
      if (el.matches('a, button') && el.scrollHeight > el.clientHeight + 1 && getComputedStyle(el).overflow !== 'visible') {
        problems.push(`${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 40)}" clips its text`);
      }
    }
    return problems;
  }, textSpacing);
  assert.deepEqual(found, [], `at 320 px on ${state}${textSpacing ? ', with text spacing' : ''}`);
}
