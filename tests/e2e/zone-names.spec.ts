import { call } from './support/bridge';
import { expect, test } from './support/fixtures';
import { shootWhole } from './support/screens';
import { shanghaiTime } from './support/team-clock';
import { teamOfOne } from './support/team-of-one';

/**
 * Issue #17 item 9: a person whose computer is in another zone is told the team's zone by its name
 * in the UI's language (北京/上海, Beijing / Shanghai), like the header, not by the id Asia/Shanghai.
 */
const SCREENS = [
  { link: { 'zh-CN': '开班简报', en: 'Shift briefing' }, name: 'briefing', zone: { 'zh-CN': '时间按团队时区 北京/上海 显示', en: "Times are shown in the team's time zone, Beijing / Shanghai" } },
  { link: { 'zh-CN': '交接班', en: 'Handover' }, name: 'handover', zone: { 'zh-CN': '班次按团队时区 北京/上海 计算', en: "Shifts are in the team's time zone, Beijing / Shanghai" } },
  { link: { 'zh-CN': '待跟进', en: 'Follow-ups' }, name: 'follow-ups', zone: { 'zh-CN': '按团队时区 北京/上海', en: "In the team's time zone, Beijing / Shanghai" } },
] as const;

test("the briefing, handover and follow-ups screens name the team's zone in the UI's language", async ({ openComputer }) => {
  const computer = await openComputer({ timeZone: 'Europe/Berlin', clock: shanghaiTime('2026-12-07', '10:00') });
  await teamOfOne(computer);
  const { page } = computer;
  for (const language of ['zh-CN', 'en'] as const) {
    await call(computer, 'updateSettings', { language });
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    for (const screen of SCREENS) {
      await page.getByRole('navigation').getByRole('link', { name: new RegExp(`^${screen.link[language]}`) }).click();
      await expect(page.getByRole('main').getByText(screen.zone[language]).first()).toBeVisible();
      await expect(page.getByRole('main')).not.toContainText('Asia/Shanghai');
      await shootWhole(page, `zone-${screen.name}-${language}`);
    }
  }
});
