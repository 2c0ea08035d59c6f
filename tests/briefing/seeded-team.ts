import { DEFAULT_TEAM_SETTINGS, shiftOn, type Person, type ShiftType } from '../../shared/team-settings';
import type { DutyFacts, DutyRole, MyShift } from '../../shared/briefing';
import type { Op } from '../../shared/sync';
import type { SyncStatus } from '../../shared/sync/status';
import { HOUR, LI, MINUTE, WANG, ZHAO, acknowledge, createFollowUp, followUpData, noteData, replica, shanghai, submit } from '../handover/harness';
import { ALICE, BOB, CAROL, TestDevice } from '../sync/devices';

/**
 * A seeded team around the early/late change of Monday 5 Jan 2026 (Asia/Shanghai): Li wrote the
 * night's note, Wang the early shift's; Zhao is the person opening Baton.
 */

export const ZONE = DEFAULT_TEAM_SETTINGS.timeZone;
export const [EARLY, LATE] = DEFAULT_TEAM_SETTINGS.shiftTypes as [ShiftType, ShiftType];
export const DAY = '2026-01-05';
export const at = (time: string, date = DAY) => shanghai(date, time);

const li = new TestDevice(ALICE);
const wang = new TestDevice(BOB);
const zhao = new TestDevice(CAROL);

function noteFor(device: TestDevice, id: string, date: string, type: ShiftType, author: Person, summary: string): Op {
  const shift = shiftOn(date, type, ZONE);
  const when = shift.endAt - 10 * MINUTE;
  return submit(device, when, id, noteData({ date, shiftTypeId: type.id, shiftStartAt: shift.startAt, shiftEndAt: shift.endAt, author, at: when, sections: { ...noteData().sections, summary } }));
}

export const seededOps: Op[] = [
  noteFor(li, 'late-0103', '2026-01-03', LATE, LI, '周六晚班正常。'),
  acknowledge(zhao, at('08:02', '2026-01-04'), 'late-0103', ZHAO),
  noteFor(wang, 'early-0104', '2026-01-04', EARLY, WANG, '**周日早班**：两条产品微博已发。'),
  noteFor(li, 'late-0104', '2026-01-04', LATE, LI, '晚班：一条投诉已升级客服。'),
  createFollowUp(wang, at('06:00'), 'overdue', followUpData({ title: '回复粉丝关于物流的私信', owner: WANG, dueAt: at('07:00'), at: at('06:00') })),
  createFollowUp(li, at('07:30'), 'escalated', followUpData({
    title: '投诉：赠品未收到',
    owner: LI,
    dueAt: at('20:00'),
    category: 'escalation',
    at: at('07:30'),
    escalation: { escalatedBy: LI, escalatedAt: at('07:30'), department: 'customer-service', deadlineAt: at('09:30') },
  })),
  createFollowUp(wang, at('07:40'), 'later', followUpData({ title: '整理本周活动数据', owner: ZHAO, dueAt: at('18:00'), at: at('07:40') })),
];

/** The early shift's note, written by Wang before 16:00. */
export const earlyNote = noteFor(wang, 'early-0105', DAY, EARLY, WANG, '早班：活动预热微博已发。');

export const stateWith = (extra: readonly Op[] = []) => replica([...seededOps, ...extra]);

export const healthySync: SyncStatus = {
  sharedDir: '/data/team',
  available: true,
  teamId: 't',
  teamName: '运营部',
  lastPollAt: at('07:49'),
  lastPublishAt: null,
  pendingOutbox: 0,
  deviceId: CAROL,
  keyProtection: 'plain-file',
  devices: [],
  setAside: [],
  salvaged: [],
  faults: [],
  notices: [],
  localClockBehind: null,
  opening: null,
  opsCount: 0,
  stateHash: null,
};

/** A rota that puts Zhao on the given shifts of 5 Jan (a stand-in for the rota's queries in these tests). */
export function zhaoWorks(shifts: Array<[ShiftType, DutyRole]>, extra: Partial<DutyFacts> = {}): () => DutyFacts {
  const myShifts: MyShift[] = shifts.map(([type, role]) => ({ shift: shiftOn(DAY, type, ZONE), role }));
  return () => ({ myShifts, onNow: null, onNext: null, leaveUntil: null, lastShiftEndedAt: null, ...extra });
}

export { HOUR, LI, WANG, ZHAO };
