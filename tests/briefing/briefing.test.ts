import { describe, expect, it } from 'vitest';
import { BriefingSchema, shiftBriefing, type Briefing, type BriefingSection, type SectionKind } from '../../shared/briefing';
import { acknowledge } from '../handover/harness';
import { TestDevice } from '../sync/devices';
import { EARLY, LATE, ZHAO, at, earlyNote, healthySync, stateWith, zhaoWorks } from './seeded-team';

const kinds = (briefing: Briefing) => briefing.sections.map((section) => section.kind);
function section<K extends SectionKind>(briefing: Briefing, kind: K): Extract<BriefingSection, { kind: K }> {
  const found = briefing.sections.find((candidate) => candidate.kind === kind);
  if (!found) throw new Error(`no ${kind} section in ${kinds(briefing).join(', ')}`);
  return found as Extract<BriefingSection, { kind: K }>;
}

/** Every briefing is also checked against the schema the bridge answers with. */
const brief = (now: number, options: Partial<Parameters<typeof shiftBriefing>[0]> = {}) =>
  BriefingSchema.parse(shiftBriefing({ state: stateWith(), me: ZHAO, now, sync: healthySync, ...options }));

describe('the shift briefing around the early/late change, without a rota', () => {
  it('07:50: the early shift is about to start; the night note to acknowledge; overdue and escalations first', () => {
    const briefing = brief(at('07:50'));
    expect(briefing.moment).toBe('before');
    expect(kinds(briefing)).toEqual(['duty', 'previousHandover', 'followUps', 'changes', 'sync']);
    expect(section(briefing, 'duty').mine).toMatchObject({ shift: { date: '2026-01-05', shiftTypeId: 'early' }, role: null });
    const previous = section(briefing, 'previousHandover');
    expect(previous.shift).toEqual({ date: '2026-01-04', shiftTypeId: 'late' });
    expect(previous.notes).toMatchObject([{ id: 'late-0104', acknowledged: false, acknowledgedAt: null, place: { screen: 'handover', item: 'late-0104' } }]);
    const followUps = section(briefing, 'followUps');
    expect(followUps.items.map((item) => item.id)).toEqual(['overdue', 'escalated', 'later']);
    expect(followUps.overdueCount).toBe(1);
    expect(followUps.items[1]).toMatchObject({ overdue: false, escalation: { running: true, remainingMs: 100 * 60_000, department: 'customer-service' } });
    expect(followUps.items[2]).toMatchObject({ mine: true, place: { screen: 'follow-ups', item: 'later' } });
    // Zhao last signed on Sunday morning: Wang's Sunday note is news; the night note is already shown above.
    expect(section(briefing, 'changes').notes).toMatchObject([{ id: 'early-0104', excerpt: '周日早班：两条产品微博已发。' }]);
  });

  it('08:05: during the early shift; once acknowledged, the note shows as signed', () => {
    const briefing = brief(at('08:05'));
    expect(briefing.moment).toBe('during');
    expect(section(briefing, 'previousHandover').notes[0]?.acknowledged).toBe(false);
    const signed = shiftBriefing({ state: stateWith([acknowledge(new TestDevice('dddddddddddddddddddddddddd'), at('08:04'), 'late-0104', ZHAO)]), me: ZHAO, now: at('08:05'), sync: healthySync });
    expect(section(signed, 'previousHandover').notes[0]).toMatchObject({ acknowledged: true, acknowledgedAt: at('08:04') });
  });

  it('09:31: the escalation past its Weibo-first deadline moves up among the overdue', () => {
    const followUps = section(brief(at('09:31')), 'followUps');
    expect(followUps.items.map((item) => [item.id, item.overdue])).toEqual([['overdue', true], ['escalated', true], ['later', false]]);
    expect(followUps.overdueCount).toBe(2);
  });

  it('15:55: the end of the early shift asks for the handover until mine is in', () => {
    const briefing = brief(at('15:55'));
    expect(briefing.moment).toBe('ending');
    expect(section(briefing, 'handoverToWrite')).toMatchObject({ shift: { shiftTypeId: 'early' }, place: { screen: 'handover', item: 'write' } });
    expect(kinds(briefing)[1]).toBe('handoverToWrite');
  });

  it('16:10: the late shift under way; the early note is the one to acknowledge', () => {
    const briefing = shiftBriefing({ state: stateWith([earlyNote]), me: ZHAO, now: at('16:10'), sync: healthySync });
    expect(briefing.moment).toBe('during');
    expect(section(briefing, 'duty').mine?.shift.shiftTypeId).toBe('late');
    expect(section(briefing, 'previousHandover').notes.map((note) => note.id)).toEqual(['early-0105']);
  });
});

describe('the shift briefing with a rota', () => {
  it('16:10 after my early shift: write the handover, nothing to acknowledge', () => {
    const briefing = brief(at('16:10'), { duty: zhaoWorks([[EARLY, 'primary']]) });
    expect(briefing.moment).toBe('after');
    expect(kinds(briefing)).toContain('handoverToWrite');
    expect(kinds(briefing)).not.toContain('previousHandover');
  });

  it('before a late shift I cover as a stand-in: my role is cover', () => {
    const briefing = brief(at('15:20'), { duty: zhaoWorks([[LATE, 'cover']]) });
    expect(briefing.moment).toBe('before');
    expect(section(briefing, 'duty').mine).toMatchObject({ role: 'cover', shift: { shiftTypeId: 'late' } });
    expect(section(briefing, 'previousHandover').shift).toEqual({ date: '2026-01-04', shiftTypeId: 'late' });
  });

  it('off shift: my next shift, only my own follow-ups, no note to acknowledge', () => {
    const briefing = brief(at('10:00'), { duty: zhaoWorks([[LATE, 'backup']]) });
    expect(briefing.moment).toBe('off');
    expect(section(briefing, 'duty').myNext).toMatchObject({ role: 'backup', shift: { shiftTypeId: 'late' } });
    expect(section(briefing, 'followUps').items.map((item) => item.id)).toEqual(['later']);
    expect(kinds(briefing)).not.toContain('previousHandover');
  });

  it('on leave: says until when, shows only what is mine', () => {
    const briefing = brief(at('08:05'), { duty: zhaoWorks([], { leaveUntil: at('00:00', '2026-01-07') }) });
    expect(briefing.moment).toBe('leave');
    expect(section(briefing, 'duty').leaveUntil).toBe(at('00:00', '2026-01-07'));
    expect(kinds(briefing)).toEqual(['duty', 'followUps', 'changes', 'sync']);
    expect(section(briefing, 'followUps').items.every((item) => item.mine)).toBe(true);
  });

  it('what changed since my last shift counts from its end', () => {
    const since = (time: string) => brief(at('08:05'), { duty: zhaoWorks([[EARLY, 'primary']], { lastShiftEndedAt: at(time, '2026-01-04') }) });
    expect(section(since('15:00'), 'changes')).toMatchObject({ since: at('15:00', '2026-01-04'), notes: [{ id: 'early-0104' }] });
    expect(kinds(since('16:00'))).not.toContain('changes');
  });
});

describe('sync health in the briefing', () => {
  it('with the folder away, says so first', () => {
    const briefing = brief(at('08:05'), { sync: { ...healthySync, available: false, unavailableReason: 'folder-missing', pendingOutbox: 2 } });
    expect(kinds(briefing)[0]).toBe('sync');
    expect(section(briefing, 'sync')).toMatchObject({
      health: 'unavailable',
      problems: [{ code: 'folder-away', reason: 'folder-missing' }, { code: 'unpublished', count: 2 }],
      place: { screen: 'sync' },
    });
  });

  it('names files set aside and clocks that are off, and is last when all is well', () => {
    const sync = {
      ...healthySync,
      setAside: [{ path: 'baton/x', reason: 'bad-signature' as const, detail: '', size: 1, firstSeenAt: 1 }],
      localClockBehind: { byMs: 600_000, deviceId: 'b' },
      devices: [{ deviceId: 'b', memberName: '王丽', segments: 1, lastSegment: null, lastHlc: null, lastSeenAt: null, clockSkewMs: 3 * 3_600_000, clockSkewWarning: true }],
    };
    expect(section(brief(at('08:05'), { sync }), 'sync').problems).toEqual([
      { code: 'files-set-aside', count: 1, reasons: ['bad-signature'] },
      { code: 'my-clock-behind', byMs: 600_000 },
      { code: 'device-clock-off', memberName: '王丽', skewMs: 3 * 3_600_000 },
    ]);
    expect(kinds(brief(at('08:05'))).at(-1)).toBe('sync');
  });
});
