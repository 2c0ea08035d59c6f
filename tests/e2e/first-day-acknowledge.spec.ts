import { call } from './support/bridge';
import { expect, test, type Computer } from './support/fixtures';
import { LOOKS, shootLook, useLook } from './support/looks';
import { teamOfTwo } from './support/team-of-two';

/** Issue #17 item 5: 签收 only after the note is shown whole; the author sees who signed and when. */

async function writeYesterdaysNote(computer: Computer): Promise<void> {
  const { draft } = await call<{ draft: { date: string; sections: Record<string, string> } }>(computer, 'getHandoverDraft', {});
  const yesterday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(Date.now() - 86_400_000);
  const sections = { ...draft.sections, summary: '两条投诉已转客服', nextShift: '10 点直播，注意评论区' };
  const written = await call<{ ok: boolean }>(computer, 'submitHandover', { draft: { ...draft, date: yesterday, sections } });
  expect(written.ok).toBe(true);
}

const openHandover = (computer: Computer) => computer.page.getByRole('navigation').getByRole('link', { name: /交接班|Handover/ }).click();

test('the incoming person signs under the note they opened; the author sees who signed and when', async ({ openComputer }) => {
  const lead = await openComputer();
  const standIn = await openComputer();
  await teamOfTwo(lead, standIn);
  await writeYesterdaysNote(lead);

  await test.step('the author sees, in plain grey, that nobody has signed yet', async () => {
    await openHandover(lead);
    const status = lead.page.locator('section.mine').getByRole('status');
    await expect(status).toHaveText(/^还没有人签收。/);
    const [color, muted] = await status.evaluate((element) => [
      getComputedStyle(element).color,
      getComputedStyle(element.ownerDocument.body).getPropertyValue('--color-text-muted'),
    ]);
    const probe = await lead.page.evaluate((value) => {
      const span = document.createElement('span');
      span.style.color = value;
      document.body.append(span);
      const resolved = getComputedStyle(span).color;
      span.remove();
      return resolved;
    }, muted);
    expect(color).toBe(probe);
  });

  await test.step('the card offers to read, not to sign; the 签收 button is under the whole note', async () => {
    await call(lead, 'syncNow', {});
    await expect.poll(async () => {
      await call(standIn, 'syncNow', {});
      return (await call<{ total: number }>(standIn, 'listHandovers', {})).total;
    }).toBe(1);
    await standIn.page.reload();
    await openHandover(standIn);
    const card = standIn.page.locator('section.previous');
    // Item 10: the sidebar says a note waits for my 签收.
    const handoverLink = standIn.page.getByRole('navigation').getByRole('link', { name: /交接班/ });
    await expect(handoverLink.getByLabel('1 份交接班记录等你签收')).toBeVisible();
    await expect(card.getByRole('button', { name: '阅读并签收' })).toBeVisible();
    await expect(standIn.page.getByRole('button', { name: /签收$/ })).toHaveCount(1);
    await card.getByRole('button', { name: '阅读并签收' }).click();
    const sign = standIn.page.getByRole('button', { name: '我已读完，签收' });
    const lastSection = standIn.page.getByRole('heading', { name: '下一班注意事项' });
    await expect(lastSection).toBeVisible();
    const [signBox, sectionBox] = [await sign.boundingBox(), await lastSection.boundingBox()];
    expect(signBox!.y).toBeGreaterThan(sectionBox!.y);
    for (const look of LOOKS) {
      await useLook(standIn, look);
      await shootLook(standIn.page, 'first-day-note-to-sign', look);
    }
    await useLook(standIn, LOOKS[0]);
    await sign.click();
    await expect(card.getByText(/^你已于 .* 签收$/)).toBeVisible();
    await expect(sign).toHaveCount(0);
    await expect(handoverLink.getByLabel(/等你签收/)).toHaveCount(0);
  });

  await test.step('an escalation past its Weibo-first deadline shows as a count beside 待跟进', async () => {
    const me = (await call<{ me: { memberId: string } }>(lead, 'getTeam', {})).me;
    await call(lead, 'createFollowUp', {
      title: '法务：侵权投诉',
      owner: { memberId: me.memberId, name: '小林' },
      dueAt: null,
      category: 'escalation',
      departmentId: 'legal',
      // Escalated three hours ago: the two-hour deadline has passed whenever this runs.
      escalation: { weiboLink: 'https://weibo.com/1/x', screenshotSha256: null, escalatedAt: Date.now() - 3 * 3_600_000 },
    });
    await expect(lead.page.getByRole('navigation').getByRole('link', { name: /待跟进/ }).getByLabel('1 项待跟进已过期')).toBeVisible();
  });

  await test.step('the author sees who signed and when, on the handover screen', async () => {
    await call(standIn, 'syncNow', {});
    await expect.poll(async () => {
      await call(lead, 'syncNow', {});
      return (await call<{ mine: { acknowledgements: unknown[] } }>(lead, 'getShiftContext', {})).mine.acknowledgements.length;
    }).toBe(1);
    await lead.page.reload();
    await openHandover(lead);
    await expect(lead.page.locator('section.mine').getByRole('status')).toHaveText(/^老王 已于 .+ 签收$/);
    for (const look of LOOKS) {
      await useLook(lead, look);
      await shootLook(lead.page, 'first-day-mine-signed', look);
    }
  });
});
