import { expect, test } from './support/fixtures';

// Runs only in the Electron project: a browser tab cannot stop its own navigation, the shell can.
test('the window cannot be navigated away or open new windows', async ({ openComputer }) => {
  const computer = await openComputer();
  const { page } = computer;
  await expect(page.locator('#root')).not.toBeEmpty();
  const home = page.url();
  expect(home.startsWith('app://baton/')).toBe(true);

  await page.evaluate(() => {
    location.href = 'https://example.com/';
  });
  await page.evaluate(() => {
    location.href = 'file:///etc/passwd';
  });
  const opened = await page.evaluate(() => window.open('https://example.com/') === null);
  expect(opened).toBe(true);
  // Still the app, still working: the bridge answers.
  await expect.poll(() => page.url()).toBe(home);
  const settings = await computer.api('getSettings', {});
  expect(settings.ok).toBe(true);
});
