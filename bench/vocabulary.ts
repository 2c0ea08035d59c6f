import type { Rng } from './prng';

/** Weibo operations vocabulary for realistic Chinese text (seeded, so the text is deterministic). */

export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗'];
export const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '晨', '宇', '欣', '萌', '婷', '浩', '思远', '子涵'];

export const WORDS = [
  '微博', '转发', '抽奖', '粉丝', '投诉', '客服部', '舆情', '交接班', '活动', '评论', '私信', '热搜', '话题', '超话', '博主',
  '品牌', '直播', '置顶', '点赞', '负面', '公关', '市场部', '电商部', '法务部', '奖品', '中奖', '发货', '退款', '物流', '优惠券',
  '海报', '文案', '审核', '排期', '数据', '阅读量', '互动率', '关键词', '截图', '链接', '蓝V', '大V', 'KOL', '预告', '新品',
  '预热', '复盘', '水军', '控评', '黑粉', '谣言', '澄清', '声明', '道歉', '赔偿', '工单', '升级', '回复', '时效', '加急',
];

const SUBJECTS = ['粉丝', '网友', '用户', '博主', '客服部', '市场部', '电商部', '法务部', '品牌方', '代理商', '多名粉丝', '一位大V', '部分用户', '老粉'];
const ACTIONS = [
  '在评论区反映', '私信投诉', '转发抽奖微博时提到', '在超话里讨论', '发微博质疑', '要求尽快回复', '催问', '截图举报', '留言询问',
  '在直播间反馈', '私信咨询', '@官方账号追问', '联系客服部确认', '发起投票讨论',
];
const OBJECTS = [
  '奖品迟迟未发货', '抽奖结果不透明', '优惠券无法使用', '新品预告时间', '物流信息一直不更新', '退款进度', '海报文案有错别字',
  '活动规则看不懂', '热搜话题被刷屏', '直播回放打不开', '中奖名单公示', '评论区出现负面舆情', '转发量异常偏高', '账号被冒充',
  '客服回复时效太慢', '置顶微博的链接失效', '超话签到奖励', '私信自动回复出错', '关键词屏蔽规则', '品牌联名款库存',
];
const FOLLOWS = [
  '已转客服部跟进', '已截图存档', '已在评论区统一回复', '已私信安抚并登记工单', '需要市场部确认口径', '下一班继续关注',
  '已同步给电商部', '法务部建议暂不回应', '已按SOP升级处理', '已发布澄清声明', '数据已记录到复盘表', '等待品牌方回复',
  '已置顶说明', '需要加急处理', '舆情热度在下降', '已整理中奖名单待审核', '转发抽奖已按时开奖', '已补发优惠券',
];
const NUMBERS = ['转发 {n} 次', '评论 {n} 条', '阅读量 {n}万', '私信 {n} 条', '投诉 {n} 起', '点赞 {n}', '涉及 {n} 位粉丝'];
const TIMES = ['上午', '中午', '下午', '傍晚', '晚上', '刚才', '交接前', '开班时', '十点左右', '两点多'];

function sentence(rng: Rng): string {
  const parts = [rng.pick(TIMES), rng.pick(SUBJECTS), rng.pick(ACTIONS), rng.pick(OBJECTS)];
  let text = `${parts.join('')}，`;
  if (rng.chance(0.5)) text += `${rng.pick(NUMBERS).replace('{n}', String(rng.int(2, 980)))}，`;
  text += `${rng.pick(FOLLOWS)}。`;
  return text;
}

/** Chinese text of `min` to `max` characters, whole sentences, cut at `max`. */
export function chineseText(rng: Rng, min: number, max: number): string {
  const target = rng.int(min, max);
  let text = '';
  while (text.length < target) text += sentence(rng);
  return text.length > max ? text.slice(0, max) : text;
}

export function chineseName(rng: Rng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN);
}

/** A follow-up title: one line. */
export function followUpTitle(rng: Rng): string {
  return `${rng.pick(SUBJECTS)}${rng.pick(ACTIONS)}${rng.pick(OBJECTS)}`;
}

/** Search queries as people type them: a word, two words, or a phrase from the notes. */
export function searchQueries(rng: Rng, count: number): string[] {
  const queries: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const roll = rng.next();
    if (roll < 0.5) queries.push(rng.pick(WORDS));
    else if (roll < 0.8) queries.push(`${rng.pick(WORDS)} ${rng.pick(WORDS)}`);
    else if (roll < 0.9) queries.push(rng.pick(OBJECTS).slice(0, rng.int(3, 6)));
    else queries.push(`${rng.pick(WORDS)} ${rng.pick(FOLLOWS).slice(1, 5)}`);
  }
  return queries;
}
