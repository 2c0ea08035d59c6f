import { failedResponses, seriousViolations } from './support/axe';
import { AXE_SCREENS, seedForScreens } from './support/axe-screens';
import { expect, test } from './support/fixtures';
import { LOOKS, shootLook } from './support/looks';
import { call } from './support/bridge';
import { teamOfTwo } from './support/team-of-two';

/**
 * axe-core on every screen (support/axe-screens.ts lists them), in zh-CN and English, light and
 * dark: no violation of impact serious or critical, and no missing resource on any page load.
 */

// Some twenty-five screens, each opened and analysed in one test per look.
test.describe.configure({ timeout: 900_000 });

for (const look of LOOKS) {
  const label = `${look.language} ${look.theme}`;

  test(`the first run, ${label}: no serious accessibility problem, nothing missing`, async ({ openComputer }) => {
    const computer = await openComputer({ locale: look.language === 'en' ? 'en-US' : 'zh-CN' });
    await computer.page.emulateMedia({ colorScheme: look.theme });
    const failed = failedResponses(computer.page);
    await computer.page.reload();
    await expect(computer.page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await seriousViolations(computer.page)).toEqual([]);
    expect(failed).toEqual([]);
  });

  test(`every screen, ${label}: no serious accessibility problem`, async ({ openComputer }) => {
    const lead = await openComputer();
    const colleague = await openComputer();
    await teamOfTwo(lead, colleague);
    for (const computer of [lead, colleague]) await call(computer, 'updateSettings', { language: look.language, theme: look.theme });
    await seedForScreens(lead, colleague);
    const failed = [...failedResponses(lead.page), ...failedResponses(colleague.page)];
    const found: string[] = [];
    for (const screen of AXE_SCREENS) {
      await test.step(screen.name, async () => {
        const page = await screen.open({ lead, colleague });
        found.push(...(await seriousViolations(page)).map((line) => `${screen.name}: ${line}`));
        await shootLook(page, `screen-${screen.name}`, look);
      });
    }
    expect(found).toEqual([]);
    expect(failed).toEqual([]);
  });
}
