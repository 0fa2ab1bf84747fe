import { startServer, openBrowser } from '../tests/e2e/support.mjs';
const server = await startServer();
for (const [scheme, w, h] of [['light', 360, 800], ['dark', 1280, 900]]) {
  const s = await openBrowser({ viewport: { width: w, height: h }, colorScheme: scheme });
  const { page } = s;
  await page.goto(server.url + 'guides/sample');
  await page.getByRole('button', { name: 'Begin' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('alert').first().waitFor();
  await page.screenshot({ path: `/tmp/err-${scheme}.png` });
  await page.getByRole('radio', { name: 'My trust was broken' }).check();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/saved-${scheme}.png`, fullPage: true });
  await page.goto(server.url + 'settings');
  await page.getByText('Show a neutral tab title').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/settings-${scheme}.png` });
  console.log(scheme, await page.title());
  await s.close();
}
await server.stop();
