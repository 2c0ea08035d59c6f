import { failedResponses, seriousViolations } from './support/axe';
import { AXE_SCREENS, seedForScreens } from './support/axe-screens';
import { expect, test } from './support/fixtures';
import { LOOKS, useLook } from './support/looks';
import { teamOfTwo } from './support/team-of-two';

/**
 * axe-core on every screen (support/axe-screens.ts lists them), in zh-CN and English, light and
 * dark: no violation of impact serious or critical, and no missing resource on any page load.
 */

test.describe.configure({ timeout: 300_000 });

test('the first run has no serious accessibility problem in either language or theme, and loads nothing missing', async ({ openComputer }) => {
  const computer = await openComputer();
  const failed = failedResponses(computer.page);
  await computer.page.reload();
  for (const look of LOOKS) {
    await useLook(computer, look);
    await expect(computer.page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await seriousViolations(computer.page), `first-run ${look.language} ${look.theme}`).toEqual([]);
  }
  expect(failed).toEqual([]);
});

test('every screen has no serious accessibility problem in either language or theme', async ({ openComputer }) => {
  const lead = await openComputer();
  const colleague = await openComputer();
  await teamOfTwo(lead, colleague);
  await seedForScreens(lead, colleague);
  const failed = [...failedResponses(lead.page), ...failedResponses(colleague.page)];
  const found: string[] = [];
  for (const screen of AXE_SCREENS) {
    for (const look of LOOKS) {
      for (const computer of [lead, colleague]) await useLook(computer, look);
      const page = await screen.open({ lead, colleague });
      found.push(...(await seriousViolations(page)).map((line) => `${screen.name} ${look.language} ${look.theme}: ${line}`));
    }
  }
  expect(found).toEqual([]);
  expect(failed).toEqual([]);
});
