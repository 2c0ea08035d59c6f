import { describe, expect, it } from 'vitest';
import { MAX_RULE_CHARS, excerptOf, standInPack, standInPackSchema, withoutTitleHeading } from '../../shared/stand-in';
import { standInOps } from '../../shared/rota/builders';
import { publishOp, reviseOp } from '../../shared/sop/builders';
import { requestEventOp } from '../../shared/prizes/builders';
import { followUpOps } from '../../shared/handover/follow-up';
import { lwwSetData } from '../../shared/sync';
import { DEFAULT_DEPARTMENTS, TEAM_SETTINGS_ID, teamSettings, teamSettingsOps } from '../../shared/team-settings';
import { CHEN, LEAD, WANG, ZHAO, at, me, roster, seededWholeTeam, withPrizeRequest, type WholeTeam } from '../briefing/whole-team';

/** The pack for `date`'s `shiftTypeId` at `now`, checked against the bridge's schema. */
const pack = (team: WholeTeam, date: string, shiftTypeId: string, now: number) =>
  standInPackSchema.parse(standInPack({ state: team.state(), roster: roster(), shift: { date, shiftTypeId }, now }));

const FANS_BODY = ['# 粉丝互动', '', '语气：亲切、不卖萌，不用“亲”。', '差评先私信致歉，再公开回复处理进度。', ...Array.from({ length: 30 }, (_, index) => `第 ${index + 1} 条：遇到投诉截图存档，升级客服部。`)].join('\n');

/** 周主管 names 王丽 the urgent stand-in of 赵敏's early shift of 6 Jan; a fans SOP is published, another only drafted. */
function teamWithStandIn(): WholeTeam {
  const team = seededWholeTeam();
  for (const draft of standInOps('cover-0106', { date: '2026-01-06', shiftTypeId: 'early', memberId: ZHAO.memberId }, WANG.memberId, '赵敏发烧', at('07:00', '2026-01-05'))) {
    team.write(LEAD, draft, at('07:00', '2026-01-05'));
  }
  const stamp = { by: me(LEAD), at: at('07:10', '2026-01-05') };
  const fans = team.write(LEAD, reviseOp('sop-fans', { parents: [], title: '粉丝互动规范', body: FANS_BODY, checklist: [], area: 'fans' }, stamp));
  team.write(LEAD, publishOp('sop-fans', fans.id, false, stamp));
  team.write(LEAD, reviseOp('sop-data', { parents: [], title: '数据周报', body: '每周一整理。', checklist: [], area: 'fans' }, stamp));
  team.write(LEAD, reviseOp('sop-report', { parents: [], title: '月度复盘', body: '月底。', checklist: [], area: 'analytics' }, stamp));
  const published = team.write(LEAD, reviseOp('sop-month', { parents: [], title: '月报发布', body: '每月一日。', checklist: [], area: 'analytics' }, stamp));
  team.write(LEAD, publishOp('sop-month', published.id, false, stamp));
  team.write(
    ZHAO,
    followUpOps.created('complaint', {
      title: '投诉：赠品未收到',
      owner: me(ZHAO),
      dueAt: at('12:00', '2026-01-06'),
      category: 'escalation',
      createdBy: me(ZHAO),
      at: at('18:00', '2026-01-05'),
      escalation: { escalatedBy: me(ZHAO), escalatedAt: at('18:00', '2026-01-05'), department: 'customer-service', deadlineAt: at('20:00', '2026-01-05') },
    }),
    at('18:00', '2026-01-05'),
  );
  return team;
}

describe('the stand-in pack (代班手册)', () => {
  it('the evening before: 王丽 stands in for 赵敏 on the early shift, with its post slots, the style rules, the running escalation and whom to call', () => {
    const result = pack(teamWithStandIn(), '2026-01-06', 'early', at('21:00', '2026-01-05'));
    expect(result.shift).toEqual({ date: '2026-01-06', shiftTypeId: 'early', startAt: at('08:00', '2026-01-06'), endAt: at('16:00', '2026-01-06') });
    expect(result.timeZone).toBe('Asia/Shanghai');
    expect(result.onDuty?.people).toEqual([
      { person: me(WANG), role: 'cover' },
      { person: me(WANG), role: 'backup' },
    ]);
    expect(result.covers).toEqual([{ id: 'cover-0106', absent: me(ZHAO), standIn: me(WANG), urgent: true, status: 'covered', place: { screen: 'rota', item: 'cover-0106' } }]);
    expect(result.posts.map((post) => [post.slot, post.kind, post.contentType, post.state])).toEqual([
      ['10:00', 'post', 'product', 'open'],
      ['15:00', 'post', 'product', 'open'],
    ]);
    // Content and fans SOPs, in the order of the nine areas; analytics and a draft stay out.
    expect(result.rules.map((rule) => [rule.sopId, rule.area, rule.version, rule.cut])).toEqual([
      ['sop-posts', 'content', 1, false],
      ['sop-fans', 'fans', 1, true],
    ]);
    const fans = result.rules[1]!;
    expect(fans.excerpt.startsWith('# 粉丝互动\n\n语气：亲切')).toBe(true);
    expect(fans.excerpt.length).toBeLessThanOrEqual(MAX_RULE_CHARS);
    expect(FANS_BODY.startsWith(fans.excerpt)).toBe(true);
    expect(fans.place).toEqual({ screen: 'sops', item: 'sop-fans' });
    // The escalation's 'Weibo first' deadline has passed at 21:00: it is overdue and first.
    expect(result.followUps).toMatchObject([{ id: 'complaint', escalation: { department: 'customer-service', overdue: true }, place: { screen: 'follow-ups', item: 'complaint' } }]);
    expect(result.campaigns.map((campaign) => [campaign.name, campaign.place])).toEqual([['新年有奖转发', { screen: 'prizes', item: 'campaign:c-spring' }]]);
    expect(result.contacts.leads).toEqual([me(LEAD)]);
    expect(result.contacts.backup).toEqual(me(WANG));
    expect(result.contacts.departments.map((department) => department.id)).toEqual(['customer-service', 'marketing', 'ecommerce', 'legal']);
    // Departments as every team had them before contacts: named, nobody to call yet.
    expect(result.contacts.departments.every((department) => department.contact === null)).toBe(true);
  });

  it("whom to call: each department with the contact the lead gave in Team settings; a retired one is left out", () => {
    const team = teamWithStandIn();
    const [customerService, marketing, ecommerce, legal] = DEFAULT_DEPARTMENTS;
    const departments = [
      { ...customerService!, contact: '张敏 138 0000 1234 / 企业微信：客服值班群' },
      marketing!,
      { ...ecommerce!, contact: '', retired: true },
      { ...legal!, contact: '法务邮箱 legal@example.com（当天回复）' },
    ];
    team.write(LEAD, teamSettingsOps.set(TEAM_SETTINGS_ID, lwwSetData(team.state().get(teamSettings, TEAM_SETTINGS_ID)?.fields, { departments })), at('20:00', '2026-01-05'));
    expect(pack(team, '2026-01-06', 'early', at('21:00', '2026-01-05')).contacts.departments).toEqual([
      { id: 'customer-service', name: customerService!.name, contact: '张敏 138 0000 1234 / 企业微信：客服值班群' },
      { id: 'marketing', name: marketing!.name, contact: null },
      { id: 'legal', name: legal!.name, contact: '法务邮箱 legal@example.com（当天回复）' },
    ]);
  });

  it('during the shift the checklist says what is past due at that instant', () => {
    const result = pack(teamWithStandIn(), '2026-01-06', 'early', at('10:30', '2026-01-06'));
    expect(result.posts.map((post) => post.state)).toEqual(['past-due', 'open']);
    expect(result.at).toBe(at('10:30', '2026-01-06'));
  });

  it('a draw due during the late shift of 10 Jan is a timer of that shift, once the request is approved; not of the early one', () => {
    const team = teamWithStandIn();
    withPrizeRequest(team);
    expect(pack(team, '2026-01-10', 'late', at('09:00', '2026-01-10')).timers).toEqual([]);
    const heads = team.heads('prizeRequest:r-800');
    const submitted = team.ops.find((op) => op.type === 'prize.submitted')!;
    team.write(CHEN, requestEventOp('prize.decided', 'r-800', { at: at('10:00', '2026-01-05'), submission: submitted.id, step: 1, outcome: 'approve', comment: '', by: me(CHEN) }, heads), at('10:00', '2026-01-05'));
    expect(pack(team, '2026-01-10', 'late', at('09:00', '2026-01-10')).timers).toEqual([
      { requestId: 'r-800', campaign: '新年有奖转发', kind: 'draw', dueAt: at('20:00', '2026-01-10'), pending: 0, overdue: false, place: { screen: 'prizes', item: 'r-800' } },
    ]);
    expect(pack(team, '2026-01-10', 'early', at('09:00', '2026-01-10')).timers).toEqual([]);
  });

  it('a shift type the team does not have has no pack; a shift with nobody on the rota still has its rules and contacts', () => {
    const team = teamWithStandIn();
    expect(standInPack({ state: team.state(), roster: roster(), shift: { date: '2026-01-06', shiftTypeId: 'night' }, now: at('09:00') })).toBeNull();
    const february = pack(team, '2026-02-02', 'early', at('09:00'));
    expect(february.onDuty).toBeNull();
    expect(february.covers).toEqual([]);
    expect(february.rules.map((rule) => rule.sopId)).toEqual(['sop-posts', 'sop-fans']);
    expect(february.contacts.backup).toBeNull();
  });

  it('without a roster (no team yet) there are no leads and no rota, and nothing throws', () => {
    const result = standInPackSchema.parse(standInPack({ state: teamWithStandIn().state(), roster: null, shift: { date: '2026-01-06', shiftTypeId: 'early' }, now: at('09:00') }));
    expect(result.contacts.leads).toEqual([]);
    expect(result.onDuty).toBeNull();
    expect(result.covers).toEqual([]);
  });
});

describe('excerptOf', () => {
  it('keeps a short text whole, cuts a long one at a line end in its second half, else at the limit', () => {
    expect(excerptOf('  短  ')).toEqual({ excerpt: '短', cut: false });
    expect(excerptOf(`${'a'.repeat(30)}\n${'b'.repeat(30)}`, 40)).toEqual({ excerpt: 'a'.repeat(30), cut: true });
    expect(excerptOf(`${'a'.repeat(5)}\n${'b'.repeat(60)}`, 40)).toEqual({ excerpt: `${'a'.repeat(5)}\n${'b'.repeat(34)}`, cut: true });
  });
});

describe('withoutTitleHeading', () => {
  it('drops a first heading that repeats the title, keeps any other', () => {
    expect(withoutTitleHeading('# 每日内容发布规范\n\n## 每天发什么', '每日内容发布规范')).toBe('\n## 每天发什么');
    expect(withoutTitleHeading('  ## 每日内容发布规范 ##\n正文', ' 每日内容发布规范')).toBe('正文');
    expect(withoutTitleHeading('# 发帖\n\n10:00 产品微博', '发帖规范')).toBe('# 发帖\n\n10:00 产品微博');
    expect(withoutTitleHeading('正文\n# 每日内容发布规范', '每日内容发布规范')).toBe('正文\n# 每日内容发布规范');
  });
});
