import type { Page } from '@playwright/test';
import { expect, screenshotPath, test, type Computer } from './support/fixtures';

/** Every uncaught error in the page: the UI must answer bad input with words, never a crash. */
function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Screens go to test-results/screens/<name>-<lang>.png for people to look at. */
const shoot = (page: Page, name: string) => page.screenshot({ path: screenshotPath(name), animations: 'disabled' });

/** Settings is one screen among others (Sync comes before it): reach it from the nav, as a person does. */
async function openSettings(page: Page) {
  await page.getByRole('navigation').getByRole('link', { name: /^(设置|Settings)$/ }).click();
}

/** Changes the language the way another window would: through the service, pushed to this page. */
async function languageFromElsewhere(computer: Computer, language: 'zh-CN' | 'en') {
  expect(await computer.api('updateSettings', { language })).toMatchObject({ ok: true });
  await expect(computer.page.locator('html')).toHaveAttribute('lang', language);
}

test('a newcomer in Chinese: first run, English in Settings, still there after a restart', async ({ openComputer }) => {
  const computer = await openComputer({ locale: 'zh-CN' });
  const { page } = computer;
  const pageErrors = collectPageErrors(page);

  await test.step('first run greets a newcomer in Chinese', async () => {
    await expect(page.getByRole('heading', { level: 1, name: '欢迎使用接力' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page).toHaveTitle('接力 Baton');
    await expect(page.getByRole('textbox', { name: '你的名字' })).toBeFocused();
    await shoot(page, 'first-run-zh-CN');
  });

  await test.step('an empty name is refused with a readable message next to the field', async () => {
    await page.getByRole('button', { name: '开始使用' }).click();
    const name = page.getByRole('textbox', { name: '你的名字' });
    await expect(page.getByText('请填写名字', { exact: true })).toBeVisible();
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(name).toBeFocused();
    await shoot(page, 'first-run-error-zh-CN');
  });

  await test.step('the first run is completed with the name 小林', async () => {
    await page.getByRole('textbox', { name: '你的名字' }).fill('小林');
    await page.getByRole('button', { name: '开始使用' }).press('Enter');
    await openSettings(page);
    await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();
    await expect(page.getByRole('link', { name: /小林/ })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: '准备好了' })).toBeVisible();
    await shoot(page, 'settings-zh-CN');
  });

  await test.step('the skip link is the first stop of the keyboard and leads to the content', async () => {
    // Opening Settings put the focus on its heading; the first stop is counted on a page just opened.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: '跳到主要内容' })).toBeFocused();
    await shoot(page, 'skip-link-zh-CN');
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });

  await test.step('switching to English in Settings turns the whole UI English', async () => {
    await page.getByRole('radio', { name: 'English', exact: true }).check();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page).toHaveTitle('Baton 接力');
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
    await expect(page.getByText(/^Saved at \d/)).toBeVisible();
    await shoot(page, 'settings-en');
  });

  await test.step('after a restart: still English, still 小林, no first run', async () => {
    await computer.restart();
    await openSettings(computer.page);
    await expect(computer.page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(computer.page.getByRole('link', { name: /小林/ })).toBeVisible();
    await expect(computer.page.getByRole('textbox', { name: 'Your name' })).toHaveValue('小林');
    await expect(computer.page.getByRole('heading', { name: 'Welcome to Baton' })).toHaveCount(0);
  });

  await test.step('a malformed call to the API is refused as invalid input', async () => {
    const result = await computer.api('updateSettings', { theme: 'neon' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  await test.step('a name over 40 characters typed into Settings gets a readable inline message', async () => {
    const page = computer.page;
    const name = page.getByRole('textbox', { name: 'Your name' });
    await name.fill('林'.repeat(41));
    await name.press('Enter');
    await expect(page.getByText('Keep your name to 40 characters or fewer', { exact: true })).toBeVisible();
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await shoot(page, 'settings-name-error-en');
    // Nothing was saved and nothing broke: the stored name stands.
    expect(await computer.api('getSettings', {})).toMatchObject({ ok: true, value: { memberName: '小林' } });
    await expect(page.getByRole('link', { name: /小林/ })).toBeVisible();
  });

  await test.step('a change made in another window shows here at once, re-wording the message', async () => {
    const page = computer.page;
    await languageFromElsewhere(computer, 'zh-CN');
    await expect(page.getByText('名字不能超过 40 个字', { exact: true })).toBeVisible();
    await shoot(page, 'settings-name-error-zh-CN');
    await languageFromElsewhere(computer, 'en');
    const name = page.getByRole('textbox', { name: 'Your name' });
    await name.press('Escape');
    await expect(name).toHaveValue('小林');
    await expect(page.getByText('Keep your name to 40 characters or fewer')).toHaveCount(0);
  });

  await test.step('the dark theme, in both languages', async () => {
    const page = computer.page;
    await page.getByRole('radio', { name: 'Dark' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await shoot(page, 'settings-dark-en');
    await page.getByRole('radio', { name: '中文', exact: true }).check();
    await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();
    await shoot(page, 'settings-dark-zh-CN');
  });

  expect(pageErrors).toEqual([]);
});

test('a newcomer in English chooses the team shared folder', async ({ openComputer }) => {
  const computer = await openComputer({ locale: 'en-US' });
  const { page } = computer;
  const pageErrors = collectPageErrors(page);

  await test.step('first run greets a newcomer in English', async () => {
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Baton' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await shoot(page, 'first-run-en');
  });

  await test.step('the language can be switched right on the first screen; dark systems get the dark theme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await shoot(page, 'first-run-dark-en');
    await page.getByRole('radio', { name: '中文' }).check();
    await expect(page.getByRole('heading', { level: 1, name: '欢迎使用接力' })).toBeVisible();
    await shoot(page, 'first-run-dark-zh-CN');
    await page.getByRole('radio', { name: 'English' }).check();
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Baton' })).toBeVisible();
    await page.emulateMedia({ colorScheme: 'light' });
  });

  await test.step('the shared folder needs a path; Browse… only where a folder dialog exists', async () => {
    const info = await computer.api('getAppInfo', {});
    const canPickFolder = info.ok && (info.value as { canPickFolder: boolean }).canPickFolder;
    await page.getByRole('radio', { name: "The team's shared folder" }).check();
    const path = page.getByRole('textbox', { name: 'Path of the shared folder' });
    await path.fill('');
    await page.getByRole('textbox', { name: 'Your name' }).fill('Alex Chen');
    await page.getByRole('button', { name: 'Get started' }).click();
    await expect(page.getByText('Please enter the folder path', { exact: true })).toBeVisible();
    await expect(path).toBeFocused();
    await expect(page.getByRole('button', { name: 'Browse…' })).toHaveCount(canPickFolder ? 1 : 0);
    await shoot(page, 'first-run-error-en');
  });

  await test.step('with a path the first run completes and the folder is shown in Settings', async () => {
    await page.getByRole('textbox', { name: 'Path of the shared folder' }).fill(computer.shared);
    await page.getByRole('button', { name: 'Get started' }).click();
    await openSettings(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(page.getByRole('link', { name: /Alex Chen/ })).toBeVisible();
    const folder = page.getByRole('region', { name: 'Team data folder' });
    await expect(folder.getByText(/The team's shared folder/)).toBeVisible();
    await expect(folder.getByText(computer.shared, { exact: true })).toBeVisible();
    await folder.scrollIntoViewIfNeeded();
    await shoot(page, 'settings-folder-en');
    await languageFromElsewhere(computer, 'zh-CN');
    await shoot(page, 'settings-folder-zh-CN');
    await languageFromElsewhere(computer, 'en');
  });

  expect(pageErrors).toEqual([]);
});

test('the about section tells which version runs where', async ({ openComputer }) => {
  const computer = await openComputer({ locale: 'zh-CN' });
  expect(await computer.api('completeFirstRun', { memberName: '林晓雯', sharedFolder: { kind: 'embedded' } })).toMatchObject({ ok: true });
  const { page } = computer;
  await page.reload();
  await openSettings(page);
  const about = page.getByRole('region', { name: '关于' });
  await about.scrollIntoViewIfNeeded();
  await expect(about.getByText(computer.profile, { exact: true })).toBeVisible();
  await expect(about.getByText(computer.webHost ? '浏览器（本机网页服务）' : '桌面应用', { exact: true })).toBeVisible();
  await shoot(page, 'settings-about-zh-CN');
  await languageFromElsewhere(computer, 'en');
  await expect(page.getByRole('region', { name: 'About' })).toBeVisible();
  await shoot(page, 'settings-about-en');

  await test.step('a narrow window keeps the sidebar as icons with their names for screen readers', async () => {
    await page.setViewportSize({ width: 560, height: 760 });
    await page.locator('main').evaluate((main) => main.scrollTo(0, 0));
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Settings' })).toBeVisible();
    await shoot(page, 'settings-narrow-en');
    await languageFromElsewhere(computer, 'zh-CN');
    await shoot(page, 'settings-narrow-zh-CN');
  });
});

/** A page of this host whose start-up read of the settings is cut off, as if the service were gone. */
async function startWithoutSettings(computer: Computer) {
  await computer.page.route('**/api/op/getSettings', (route) => route.abort());
  await computer.page.reload();
}

test('what only the web host can show: its token, its one line, and a service that is gone', async ({ openComputer }) => {
  const zh = await openComputer({ locale: 'zh-CN' });
  const host = zh.webHost;
  // In Electron the bridge is IPC inside one process: no token, no stdout line, nothing to cut off.
  if (!host) return;

  await test.step('a request without the token gets 401', async () => {
    expect((await fetch(`${host.origin}/`)).status).toBe(401);
    const op = await fetch(`${host.origin}/api/op/getSettings`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(op.status).toBe(401);
  });

  await test.step('the web host printed exactly one stdout line', async () => {
    await expect(zh.page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(host.stdoutLines).toEqual([`Baton web host: ${host.url}`]);
  });

  const en = await openComputer({ locale: 'en-US' });
  const computers = [
    { computer: zh, language: 'zh-CN', failed: '接力没能打开', retry: '重试', welcome: '欢迎使用接力' },
    { computer: en, language: 'en', failed: "Baton couldn't open", retry: 'Try again', welcome: 'Welcome to Baton' },
  ] as const;

  await test.step('a start that cannot read the settings says so, in the system language, and can be retried', async () => {
    for (const { computer, language, failed, retry, welcome } of computers) {
      await startWithoutSettings(computer);
      await expect(computer.page.getByRole('alert').getByRole('heading', { name: failed })).toBeVisible();
      await shoot(computer.page, `load-failed-${language}`);
      await computer.page.unroute('**/api/op/getSettings');
      await computer.page.getByRole('button', { name: retry }).click();
      await expect(computer.page.getByRole('heading', { level: 1, name: welcome })).toBeVisible();
    }
  });

  await test.step('when the service goes away, a change gets a plain notice and springs back', async () => {
    const notices = {
      'zh-CN': { light: '浅色', dark: '深色', saved: /已保存/, said: '没能保存：暂时连不上接力的后台服务' },
      en: { light: 'Light', dark: 'Dark', saved: /^Saved at/, said: "Not saved: Baton's background service isn't responding" },
    };
    for (const { computer, language } of computers) {
      const { page } = computer;
      const words = notices[language];
      expect(await computer.api('completeFirstRun', { memberName: '小林', sharedFolder: { kind: 'embedded' } })).toMatchObject({ ok: true });
      await page.reload();
      await openSettings(page);
      await page.getByRole('radio', { name: words.dark }).check();
      await expect(page.getByRole('status').filter({ hasText: words.saved })).toBeVisible();
      await computer.kill();
      // click, not check: the refused choice springs back at once, which is the point.
      await page.getByRole('radio', { name: words.light }).click();
      await expect(page.getByRole('alert').filter({ hasText: words.said })).toBeVisible();
      await expect(page.getByRole('radio', { name: words.dark })).toBeChecked();
      await shoot(page, `notice-unavailable-${language}`);
      // The same failure again is not stacked: the notice is raised before the choice springs back.
      await page.getByRole('radio', { name: words.light }).click();
      await expect(page.getByRole('radio', { name: words.dark })).toBeChecked();
      await expect(page.getByRole('alert')).toHaveCount(1);
    }
  });
});
