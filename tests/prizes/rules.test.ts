import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PRIZE_SETTINGS,
  budgetWarnings,
  campaignBudget,
  contentClashes,
  MAX_CONTENT_DAYS,
  daysOfNotice,
  disclosureText,
  formatFen,
  maskAddress,
  maskPhone,
  monthBudget,
  parseWinnersCsv,
  parseYuan,
  sumFen,
  validateRequest,
  type Campaign,
  type RequestInput,
} from '../../shared/prizes';
import { Team, person } from './harness';

const campaign: Campaign = {
  id: 'c1', type: 'repostLottery', name: '春季有奖转发', startDate: '2026-03-10', endDate: '2026-03-20', owner: person('wang'), budgetFen: 100_000, department: null, heardOn: null,
};
const input = (lines: RequestInput['lines']): RequestInput => ({
  campaignId: 'c1', lines, reason: '推广', eligibility: '转发用户', drawMethod: '随机', drawAt: 0, redemption: '私信', delivery: '快递', attachments: [],
});
const check = (lines: RequestInput['lines'], on: Campaign = campaign) => validateRequest(input(lines), { campaign: on, settings: DEFAULT_PRIZE_SETTINGS });

describe('amounts in whole fen', () => {
  it('parses yuan digit by digit and formats without drift', () => {
    expect([parseYuan('499.99'), parseYuan('500'), parseYuan('500.01'), parseYuan('¥50,000.00'), parseYuan('0.1')]).toEqual([49_999, 50_000, 50_001, 5_000_000, 10]);
    expect([parseYuan('-1'), parseYuan('1.234'), parseYuan('abc'), parseYuan('')]).toEqual([null, null, null, null]);
    expect(formatFen(sumFen([10, 20]))).toBe('¥0.30');
    expect(formatFen(sumFen(Array.from({ length: 1000 }, () => 1)))).toBe('¥10.00');
    expect(() => sumFen([0.1])).toThrow();
  });

  it('refuses a negative quantity, a fraction and a unit value of ¥10^12 with a clear code', () => {
    expect(check([{ prize: '耳机', quantity: -1, unitValueFen: 100 }])).toMatchObject({ ok: false, issues: [{ code: 'out-of-range', path: 'lines.0.quantity' }] });
    expect(check([{ prize: '耳机', quantity: 1.5, unitValueFen: 100 }])).toMatchObject({ ok: false, issues: [{ code: 'not-whole' }] });
    expect(check([{ prize: '耳机', quantity: 1, unitValueFen: 10 ** 14 }])).toMatchObject({ ok: false, issues: [{ code: 'out-of-range', path: 'lines.0.unitValueFen' }] });
  });

  it('holds the top prize of a lottery-style promotion to the cap: ¥49,999.99 and ¥50,000.00 pass, ¥50,000.01 is refused', () => {
    expect(check([{ prize: '电脑', quantity: 1, unitValueFen: 4_999_999 }]).ok).toBe(true);
    expect(check([{ prize: '电脑', quantity: 1, unitValueFen: 5_000_000 }]).ok).toBe(true);
    expect(check([{ prize: '电脑', quantity: 1, unitValueFen: 5_000_001 }])).toMatchObject({ ok: false, issues: [{ code: 'over-cap', params: { capFen: 5_000_000 } }] });
    expect(check([{ prize: '电脑', quantity: 1, unitValueFen: 5_000_001 }], { ...campaign, type: 'photoContest' }).ok).toBe(true);
  });

  it('sets aside a submission above the cap written by hand, on every device', () => {
    const team = new Team();
    team.campaign('c1');
    team.submit('lin', 'r1', [['电脑', 1, 5_000_001]]);
    expect(team.view('r1')).toMatchObject({ status: 'none', setAside: [{ reason: 'over-cap' }] });
  });
});

describe('budget', () => {
  it('shows committed (approved) and spent (shipped) per campaign and month, and warns when a request would go over', () => {
    const team = new Team();
    team.campaign('c1', { budgetFen: 100_000 });
    const first = team.submit('lin', 'r1', [['耳机', 2, 30_000]]);
    team.decide('wang', 'r1', 0, 'approve', first);
    team.decide('chen', 'r1', 1, 'approve', first);
    team.event('lin', 'prize.fulfil.winnersAdded', 'r1', { winners: [{ id: 'w1', lineId: 'l1', weiboName: '小蓝' }], by: person('lin') });
    team.event('lin', 'prize.fulfil.shipped', 'r1', { winnerId: 'w1', carrier: '顺丰', tracking: 'SF1', by: person('lin') });
    team.submit('lin', 'r2', [['耳机', 2, 25_000]]);
    const views = team.views();
    const figures = campaignBudget(campaign, views);
    expect(figures).toEqual({ budgetFen: 100_000, committedFen: 60_000, spentFen: 30_000, remainingFen: 40_000 });
    const month = monthBudget('2026-03', views, 50_000, 'Asia/Shanghai');
    expect(month).toMatchObject({ committedFen: 60_000, spentFen: 30_000, remainingFen: -10_000 });
    expect(budgetWarnings(50_000, figures, month)).toEqual(['over-campaign-budget', 'over-month-budget']);
    expect(budgetWarnings(40_000, figures, { ...month, budgetFen: null })).toEqual([]);
  });
});

describe('disclosure, masking, notices, CSV', () => {
  it('writes the full disclosure in zh-CN and en', () => {
    const team = new Team();
    team.campaign('c1');
    team.submit('lin', 'r1', [['蓝牙耳机', 2, 19_999]]);
    const submission = team.view('r1').submission!;
    const zh = disclosureText(submission, campaign, { language: 'zh-CN', timeZone: 'Asia/Shanghai', organiserContact: '微博私信 @品牌官方' });
    expect(zh).toContain('蓝牙耳机 × 2，每份价值 ¥199.99');
    expect(zh).toContain('奖品总价值: ¥399.98');
    expect(zh).toContain('开奖时间及方式: 2026-03-20 20:00');
    for (const part of ['有奖转发', '参与条件及方式', '兑奖条件、时间及方式', '奖品交付方式', '主办方联系方式: 微博私信 @品牌官方']) expect(zh).toContain(part);
    const en = disclosureText(submission, campaign, { language: 'en', timeZone: 'Asia/Shanghai', organiserContact: '' });
    expect(en).toContain('Repost lottery');
    expect(en).toContain("Organiser's contact: (not given)");
  });

  it('masks phones and addresses', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('138 1234 1234')).toBe('138****1234');
    expect(maskAddress('上海市徐汇区漕溪北路88号')).toBe('上海市徐汇区****');
  });

  it('counts the days of notice of another department', () => {
    expect(daysOfNotice({ ...campaign, department: 'marketing', heardOn: '2026-03-07' })).toBe(3);
  });

  it('imports winners whole or not at all', () => {
    const lines = [{ id: 'l1', prize: '蓝牙耳机', quantity: 5, unitValueFen: 100 }];
    expect(parseWinnersCsv('微博昵称,奖品\n小蓝,1\n阿紫,蓝牙耳机\n', lines)).toEqual({ ok: true, winners: [{ weiboName: '小蓝', lineId: 'l1' }, { weiboName: '阿紫', lineId: 'l1' }] });
    expect(parseWinnersCsv('小蓝,1\n"阿紫,1\n', lines)).toMatchObject({ ok: false, issues: [{ code: 'bad-csv' }] });
    expect(parseWinnersCsv('小蓝,1\n'.repeat(10_000), lines)).toMatchObject({ ok: false, issues: [{ code: 'too-many', params: { count: 10_000 } }] });
    expect(parseWinnersCsv('小蓝,1\n阿紫,手机\n', lines)).toMatchObject({ ok: false, issues: [{ code: 'unknown-prize', params: { row: 2 } }] });
  });
});

describe('clashes with the content calendar', () => {
  const weekdayPosts = (date: string) => (['2026-03-14', '2026-03-15'].includes(date) ? [] : [{ slot: '15:00', title: '产品博文' }, { slot: '09:30', title: '企业动态博文' }]);

  it("lists the campaign's days from today on that already have planned posts, each day's posts in time order", () => {
    expect(contentClashes(campaign, weekdayPosts, '2026-03-12')).toEqual([
      ...['2026-03-12', '2026-03-13', '2026-03-16', '2026-03-17', '2026-03-18', '2026-03-19', '2026-03-20'].map((date) => ({
        date,
        posts: [{ slot: '09:30', title: '企业动态博文' }, { slot: '15:00', title: '产品博文' }],
      })),
    ]);
    expect(contentClashes(campaign, weekdayPosts, '2026-03-01')[0]?.date).toBe('2026-03-10');
  });

  it('says nothing of a campaign that is over or a calendar with nothing planned, and looks at most 62 days ahead', () => {
    expect(contentClashes(campaign, weekdayPosts, '2026-03-21')).toEqual([]);
    expect(contentClashes(campaign, () => [], '2026-03-12')).toEqual([]);
    const long = { ...campaign, startDate: '2026-01-01', endDate: '2026-12-31' };
    expect(contentClashes(long, () => [{ slot: '20:00', title: '大众话题博文' }], '2026-01-01')).toHaveLength(MAX_CONTENT_DAYS);
  });
});
