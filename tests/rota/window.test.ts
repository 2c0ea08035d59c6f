import { describe, expect, it } from 'vitest';
import { briefingWorld, type BriefingWorld } from '../../shared/briefing/team-world';
import { rotaDuty } from '../../shared/briefing/rota-duty';
import { rotaRequestsSection } from '../../shared/briefing/rota-sections';
import { prizesSection } from '../../shared/briefing/prize-sections';
import type { BriefingQuery } from '../../shared/briefing/duty';
import { teamCapabilities } from '../../shared/capabilities';
import { addMonths, rosterAuthors, rosterMembers, rotaWorldAround, rotaWorldOf } from '../../shared/rota/sources';
import { coverRequestOp, coverTakeOp, decisionOp, leaveRequestOp, publishMonthOp, slotSetOp, swapProposeOp } from '../../shared/rota/builders';
import { isOnApprovedLeave, publishNewsFor } from '../../shared/rota/queries';
import type { SyncState } from '../../shared/sync/sync-state';
import { DEFAULT_TEAM_SETTINGS, teamSettingsOf } from '../../shared/team-settings';
import type { OpDraft } from '../../shared/team';
import { lwwSetData, type Op } from '../../shared/sync';
import { foldedReplica } from '../support/sample-team';
import { TestDevice } from '../sync/devices';
import { restartedFrom } from '../sync/restarted';
import { nodeCrypto } from '../sync/node-crypto';
import { LEAD, WANG, ZHAO, CHEN, at, me, roster } from '../briefing/whole-team';
import { onDutyView, rotaView } from '../../electron/services/rota/rota-views';

type Member = typeof LEAD;

/** As tests/briefing/whole-team.ts's team, but from December 2023 (a device's clock never goes back). */
class LongTeam {
  readonly ops: Op[] = [];
  private readonly devices = new Map([LEAD, ZHAO, WANG, CHEN].map((member) => [member.device, new TestDevice(member.device)]));

  constructor() {
    this.write(LEAD, { type: 'teamSettings.set', entity: 'teamSettings:team', data: { ...lwwSetData(undefined, { shiftTypes: DEFAULT_TEAM_SETTINGS.shiftTypes }) } }, at('09:00', '2023-12-01'));
  }

  write(member: Member, draft: OpDraft, wall: number): void {
    const device = this.devices.get(member.device)!;
    device.receive(this.ops, wall);
    this.ops.push(device.op(wall, draft.type, draft.entity, draft.data));
  }

  state(): SyncState {
    return foldedReplica(teamCapabilities, this.ops);
  }
}

/**
 * The briefing builds the rota from the months around now (`rotaWorldAround`): for its questions it
 * answers as the world of the whole history does, and a restart leaves older months on disk.
 */

const people = () => ({ members: rosterMembers(roster()), authorOf: rosterAuthors(roster()) });
const daysIn = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
const dateOf = (month: string, day: number) => `${month}-${String(day).padStart(2, '0')}`;

/** Two years and a quarter of rota: every month published, a few draft slots, leave, covers and swaps, some about months far from when they were written. */
function history(): LongTeam {
  const team = new LongTeam();
  const events: Array<{ wall: number; member: Member; draft: OpDraft }> = [];
  const add = (wall: number, member: Member, draft: OpDraft) => events.push({ wall, member, draft });
  for (let index = 0; index < 27; index += 1) {
    const month = addMonths('2024-01', index);
    const assignments: Record<string, { primary: string[]; backup: string | null }> = {};
    for (let day = 1; day <= daysIn(month); day += 1) {
      const date = dateOf(month, day);
      const [early, late] = (day + index) % 3 === 0 ? [WANG, ZHAO] : [ZHAO, WANG];
      assignments[`${date}_early`] = { primary: [early.memberId], backup: late.memberId };
      assignments[`${date}_late`] = { primary: [late.memberId], backup: null };
    }
    const publishAt = at('10:00', `${addMonths(month, -1)}-20`);
    add(publishAt, LEAD, slotSetOp(undefined, dateOf(month, 3), 'early', assignments[`${dateOf(month, 3)}_early`]!));
    add(publishAt + 60_000, LEAD, publishMonthOp(month, assignments, publishAt + 60_000));
    // A cover in every month, taken by the colleague; a swap in every other month, decided.
    const coverAt = at('09:00', dateOf(month, 2));
    add(coverAt, WANG, coverRequestOp(`cover-${month}`, { date: dateOf(month, 9), shiftTypeId: 'late', memberId: WANG.memberId }, '', coverAt));
    if (index % 2 === 0) {
      add(coverAt + 600_000, WANG, swapProposeOp(`swap-${month}`, { date: dateOf(month, 12), shiftTypeId: 'late', memberId: WANG.memberId }, { date: dateOf(month, 14), shiftTypeId: 'early', memberId: ZHAO.memberId }, '', coverAt + 600_000));
      add(coverAt + 1_200_000, LEAD, decisionOp('swap', `swap-${month}`, true, '', coverAt + 1_200_000));
    }
  }
  // 2026-03 drafted, not published.
  add(at('10:00', '2026-02-25'), LEAD, slotSetOp(undefined, '2026-03-04', 'early', { primary: [WANG.memberId], backup: null }));
  // Leave approved in September 2025 for January 2026, and leave of 2024.
  add(at('09:00', '2025-09-01'), ZHAO, leaveRequestOp('leave-jan', { memberId: ZHAO.memberId, leaveType: 'annual', from: '2026-01-12', to: '2026-01-14', note: '' }, at('09:00', '2025-09-01')));
  add(at('10:00', '2025-09-01'), LEAD, decisionOp('leave', 'leave-jan', true, '', at('10:00', '2025-09-01')));
  add(at('09:00', '2024-06-01'), WANG, leaveRequestOp('leave-2024', { memberId: WANG.memberId, leaveType: 'sick', from: '2024-07-10', to: '2024-07-12', note: '' }, at('09:00', '2024-06-01')));
  add(at('10:00', '2024-06-01'), LEAD, decisionOp('leave', 'leave-2024', true, '', at('10:00', '2024-06-01')));
  // A swap of May 2024 nobody ever answered: still offered to 赵敏.
  add(at('09:00', '2024-05-02'), WANG, swapProposeOp('swap-stale', { date: '2024-05-20', shiftTypeId: 'late', memberId: WANG.memberId }, { date: '2024-05-21', shiftTypeId: 'early', memberId: ZHAO.memberId }, '', at('09:00', '2024-05-02')));
  // A cover of January 2026 asked in November 2025 and taken then; one of next week, open.
  add(at('09:00', '2025-11-03'), ZHAO, coverRequestOp('cover-far', { date: '2026-01-20', shiftTypeId: 'early', memberId: ZHAO.memberId }, '', at('09:00', '2025-11-03')));
  add(at('11:00', '2025-11-03'), WANG, coverTakeOp('cover-far', at('11:00', '2025-11-03')));
  add(at('09:00', '2026-01-04'), WANG, coverRequestOp('cover-open', { date: '2026-01-08', shiftTypeId: 'late', memberId: WANG.memberId }, '', at('09:00', '2026-01-04')));
  events.sort((a, b) => a.wall - b.wall);
  for (const event of events) team.write(event.member, event.draft, event.wall);
  return team;
}

/**
 * The briefing's questions about the rota for `member` at `now` (who is on, requests, prizes, what
 * a publish changed, leave from long ago to weeks ahead): the world around now (`around`) answers
 * as the whole history's (`full`) does.
 */
function expectSameBriefingAnswers(state: SyncState, member: Member, now: number, around: BriefingWorld, full: BriefingWorld): void {
  const query: BriefingQuery = { state, me: me(member), now, settings: { ...teamSettingsOf(undefined), shiftTypes: DEFAULT_TEAM_SETTINGS.shiftTypes } };
  const label = `${member.name} at ${new Date(now).toISOString()}`;
  expect(rotaDuty(around.rota!, me(member))(query), label).toEqual(rotaDuty(full.rota!, me(member))(query));
  expect(rotaRequestsSection(query, around), label).toEqual(rotaRequestsSection(query, full));
  expect(prizesSection(query, around), label).toEqual(prizesSection(query, full));
  expect(publishNewsFor(around.rota!, member.memberId, now), label).toEqual(publishNewsFor(full.rota!, member.memberId, now));
  for (const day of [-400, -120, -30, 0, 10, 40]) {
    const instant = now + day * 86_400_000;
    expect(isOnApprovedLeave(around.rota!, member.memberId, instant), `${label} ${day}`).toBe(isOnApprovedLeave(full.rota!, member.memberId, instant));
  }
}

const instants = [
  at('08:30', '2026-01-05'),
  at('23:30', '2026-01-13'),
  at('07:00', '2026-01-20'),
  at('12:00', '2026-01-31'),
  at('06:30', '2026-02-01'),
  at('12:00', '2026-03-02'),
  at('12:00', '2025-03-01'),
];

describe('the rota around now (rotaWorldAround)', () => {
  it("answers the briefing's questions as the world of the whole history does, at any instant, for anyone", () => {
    const state = history().state();
    let compared = 0;
    for (const now of instants) {
      const full = briefingWorld(state, roster(), null, now);
      const around = briefingWorld(state, roster(), null, now, { rotaAroundNow: true });
      expect(around.rota!.published.size).toBeLessThan(full.rota!.published.size);
      for (const member of [ZHAO, WANG, LEAD, CHEN]) {
        expectSameBriefingAnswers(state, member, now, around, full);
        compared += 1;
      }
      expect(around.rota!.leaves).toEqual(full.rota!.leaves);
    }
    expect(compared).toBe(instants.length * 4);
  });

  it('shows the swap never answered still offered, without reading the months it names', () => {
    const state = history().state();
    const now = at('08:30', '2026-01-05');
    const world = rotaWorldAround(state, people(), now);
    const full = rotaWorldOf(state, people());
    expect(world.swaps.find((swap) => swap.id === 'swap-stale')).toEqual(full.swaps.find((swap) => swap.id === 'swap-stale'));
    expect(world.publications.has('2024-05')).toBe(false);
  });

  it('leaves older months and their slots on disk after a restart', () => {
    const { state, woken } = restartedFrom(history().state(), teamCapabilities);
    const now = at('08:30', '2026-01-05');
    const world = rotaWorldAround(state, people(), now);
    const months = woken.filter((entity) => entity.startsWith('rotaMonth:')).map((entity) => entity.slice('rotaMonth:'.length)).sort();
    // The window from November 2025 (March 2026 is the last published), none before.
    expect(months).toEqual(['2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
    // The draft's slots only once the draft is asked (the briefing never does), then those of the window.
    const slotsRead = () => woken.filter((entity) => entity.startsWith('rotaSlot:')).map((entity) => entity.slice('rotaSlot:'.length, 'rotaSlot:'.length + 7));
    expect(slotsRead()).toEqual([]);
    expect(world.draft.size).toBeGreaterThan(0);
    expect(new Set(slotsRead())).toEqual(new Set(['2025-11', '2025-12', '2026-01', '2026-02', '2026-03']));
    // Reading everything wakes every month.
    rotaWorldOf(state, people());
    expect(woken.filter((entity) => entity.startsWith('rotaMonth:'))).toHaveLength(27);
  });

  it('is the whole world for a team whose last publish is older than the window', () => {
    const state = history().state();
    const now = at('12:00', '2027-06-01');
    const around = rotaWorldAround(state, people(), now);
    const full = rotaWorldOf(state, people());
    for (const key of ['draft', 'publications', 'published', 'duties', 'leaves', 'covers', 'swaps', 'setAside'] as const) expect(around[key], key).toEqual(full[key]);
  });

  it("gives the rota screen's first views (who is on, this month and the next) as the whole world does", () => {
    const state = history().state();
    for (const now of instants.slice(0, 6)) {
      const around = rotaWorldAround(state, people(), now);
      const full = rotaWorldOf(state, people());
      const today = new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
      for (const member of [ZHAO, WANG, LEAD]) {
        const rotaMe = { memberId: member.memberId, lead: member === LEAD, member: true };
        expect(onDutyView(around, member.memberId, now)).toEqual(onDutyView(full, member.memberId, now));
        for (const month of [today.slice(0, 7), addMonths(today.slice(0, 7), 1), addMonths(today.slice(0, 7), -1)]) {
          expect(rotaView(around, rotaMe, `${month}-01`, daysIn(month), today), `${member.name} ${month} at ${today}`).toEqual(rotaView(full, rotaMe, `${month}-01`, daysIn(month), today));
        }
      }
    }
  });

  it('leaves leave and covers of long ago on disk after a restart, answering as the whole world does', () => {
    const source = history().state();
    let compared = 0;
    for (const now of instants) {
      // A restart per instant: what a briefing reads first is what it wakes.
      const { state, woken } = restartedFrom(source, teamCapabilities);
      const full = briefingWorld(source, roster(), null, now);
      const around = briefingWorld(state, roster(), null, now, { rotaAroundNow: true });
      const read = [...woken];
      for (const member of [ZHAO, WANG, LEAD, CHEN]) {
        expectSameBriefingAnswers(state, member, now, around, full);
        compared += 1;
      }
      const coversRead = read.filter((entity) => entity.startsWith('rotaCover:'));
      const label = new Date(now).toISOString();
      if (now >= at('00:00', '2026-02-24')) {
        // Within a week of the newest cover op (2026-03-02): covers 120 days before it are closed.
        expect(coversRead, label).not.toContain('rotaCover:cover-2025-10');
        expect(coversRead, label).toContain('rotaCover:cover-2025-11');
        expect(coversRead.length, label).toBeLessThan(10);
      } else {
        // A cover op more than a week after now (a colleague's clock ahead, or here the months planned ahead): every cover is read.
        expect(coversRead, label).toHaveLength(29);
      }
      // Leave: the newest op is of 2025-09-01; the leave of July 2024 is closed from a week before it on.
      expect(read.includes('rotaLeave:leave-2024'), label).toBe(now < at('00:00', '2025-08-25'));
      expect(restartedFrom(source, teamCapabilities).state.stateHash(nodeCrypto)).toBe(source.stateHash(nodeCrypto));
    }
    expect(compared).toBe(instants.length * 4);
  });
});
