import { beforeEach, describe, expect, it } from 'vitest';
import { LAST_SEEN_WINDOW_MS, NOTE_CLOCK_MARGIN_MS, shiftBriefing, type Briefing, type DutySource } from '../../shared/briefing';
import { handoverOps } from '../../shared/handover/handover';
import type { Op } from '../../shared/sync';
import type { AnyCapability } from '../../shared/sync/capability';
import type { ListOptions, SummariesOptions } from '../../shared/sync/sync-state';
import type { ReadonlySyncState } from '../../shared/sync/trust-plug';
import { shiftOn, type Person, type ShiftType } from '../../shared/team-settings';
import { MINUTE, acknowledge, noteData, replica, submit } from '../handover/harness';
import { ALICE, BOB, CAROL, TestDevice } from '../sync/devices';
import { EARLY, LATE, LI, WANG, ZHAO, ZONE, at, earlyNote, healthySync, stateWith, zhaoWorks } from './seeded-team';
import { ZHAO as TEAM_ZHAO, WANG as TEAM_WANG, at as teamAt, me, roster, seededWholeTeam } from './whole-team';

/**
 * The briefing reads only the notes it can show (`list(handover, { changedSince })`): a restart
 * then leaves years of older notes on disk. For a team whose notes are all recent it shows exactly
 * what reading every note shows; a note older than its windows is not read.
 */

/** The same state, but every list and every summaries reads everything (what the briefing read before the windows). */
function readingEverything(state: ReadonlySyncState): ReadonlySyncState {
  const list = (kind: string | AnyCapability, options?: ListOptions) => state.list(kind as string, options?.live ? { live: true } : {});
  const summaries = (kind: string | AnyCapability, options?: SummariesOptions) => state.summaries(kind as string, options?.live ? { live: true } : {});
  return { get: state.get.bind(state), summaries: summaries as ReadonlySyncState['summaries'], heads: state.heads.bind(state), opsCount: state.opsCount, list: list as ReadonlySyncState['list'] };
}

const isHandover = (kind: string | AnyCapability) => (typeof kind === 'string' ? kind : kind.kind) === 'handover';

/** The same state, noting every note a list hands out, every note asked by id (`read`: both) and every note summary handed out. */
function recording(state: ReadonlySyncState): { state: ReadonlySyncState; listed: Set<string>; read: Set<string>; summarized: Set<string> } {
  const listed = new Set<string>();
  const read = new Set<string>();
  const summarized = new Set<string>();
  const list = (kind: string | AnyCapability, options?: ListOptions) => {
    const entries = state.list(kind as string, options);
    if (isHandover(kind)) {
      for (const entry of entries) {
        listed.add(entry.id);
        read.add(entry.id);
      }
    }
    return entries;
  };
  const get = (kind: string | AnyCapability, id: string) => {
    if (isHandover(kind)) read.add(id);
    return state.get(kind as AnyCapability, id);
  };
  const summaries = (kind: string | AnyCapability, options?: SummariesOptions) => {
    const entries = state.summaries(kind as string, options);
    if (isHandover(kind)) for (const entry of entries) summarized.add(entry.id);
    return entries;
  };
  return {
    state: { get: get as ReadonlySyncState['get'], summaries: summaries as ReadonlySyncState['summaries'], heads: state.heads.bind(state), opsCount: state.opsCount, list: list as ReadonlySyncState['list'] },
    listed,
    read,
    summarized,
  };
}

/** Each test's own computers: a clock that wrote on 5 Jan would stamp a note of September with 5 Jan. */
let devices: Record<string, TestDevice> = {};
beforeEach(() => {
  devices = { [LI.memberId]: new TestDevice(ALICE), [WANG.memberId]: new TestDevice(BOB), [ZHAO.memberId]: new TestDevice(CAROL) };
});

function noteFor(id: string, date: string, type: ShiftType, author: Person, extra: { readonly late?: number } = {}): Op {
  const shift = shiftOn(date, type, ZONE);
  const when = shift.endAt - 10 * MINUTE + (extra.late ?? 0);
  return submit(devices[author.memberId]!, when, id, noteData({ date, shiftTypeId: type.id, shiftStartAt: shift.startAt, shiftEndAt: shift.endAt, author, at: when }));
}

const ackBy = (person: Person, wall: number, id: string) => acknowledge(devices[person.memberId]!, wall, id, person);

/** Every 40 minutes of 4 and 5 Jan. */
const instants = Array.from({ length: 2 * 36 }, (_, index) => at('00:00', '2026-01-04') + index * 40 * MINUTE);

describe('the briefing reads only the notes it can show', () => {
  it('shows for a team whose notes are all recent exactly what reading every note shows, at any instant, for anyone', () => {
    const state = stateWith([earlyNote, noteFor('late-0105', '2026-01-05', LATE, WANG), ackBy(LI, at('16:30'), 'early-0105')]);
    const duties: Array<DutySource | undefined> = [
      undefined,
      zhaoWorks([[EARLY, 'primary']], { lastShiftEndedAt: at('16:00', '2026-01-04') }),
      zhaoWorks([[LATE, 'cover']]),
      zhaoWorks([], { leaveUntil: at('00:00', '2026-01-07') }),
    ];
    let compared = 0;
    for (const now of instants) {
      for (const me of [ZHAO, WANG, LI, null]) {
        for (const duty of duties) {
          const input = { me, now, sync: healthySync, ...(duty ? { duty } : {}) };
          expect(shiftBriefing({ ...input, state }), `${me?.name} at ${new Date(now).toISOString()}`).toEqual(shiftBriefing({ ...input, state: readingEverything(state) }));
          compared += 1;
        }
      }
    }
    expect(compared).toBe(instants.length * 16);
  });

  it('... also with the published rota deciding my shifts and when I was last here', () => {
    const team = seededWholeTeam();
    const person = (member: typeof TEAM_ZHAO) => me(member);
    team.write(TEAM_WANG, handoverOps.submitted('late-0104', noteData({ date: '2026-01-04', shiftTypeId: 'late', shiftStartAt: teamAt('16:00', '2026-01-04'), shiftEndAt: teamAt('00:00', '2026-01-05'), author: person(TEAM_WANG), at: teamAt('23:50', '2026-01-04') })), teamAt('23:50', '2026-01-04'));
    team.write(TEAM_ZHAO, handoverOps.submitted('early-0105', noteData({ author: person(TEAM_ZHAO), at: teamAt('15:50') })), teamAt('15:50'));
    const state = team.state();
    for (const now of instants) {
      for (const who of [TEAM_ZHAO, TEAM_WANG]) {
        const input = { me: person(who), now, sync: healthySync, roster: roster() };
        expect(shiftBriefing({ ...input, state })).toEqual(shiftBriefing({ ...input, state: readingEverything(state) }));
      }
    }
    // The windows do show something here: 赵敏 acknowledges 王丽's late note before her early shift.
    const before = shiftBriefing({ me: person(TEAM_ZHAO), now: teamAt('07:50'), sync: healthySync, roster: roster(), state });
    expect(before.sections.find((section) => section.kind === 'previousHandover')).toMatchObject({ notes: [{ id: 'late-0104' }] });
  });

  it('does not read a note older than its windows, nor one it does not show; someone last here more than 90 days ago has no "changes"', () => {
    const now = at('10:00');
    const old = noteFor('old', '2025-09-01', EARLY, WANG);
    const recent = noteFor('recent', '2026-01-04', EARLY, WANG);
    // Before the window and its clock margin: not even the note's summary is asked for.
    const signedLongAgo = ackBy(ZHAO, now - LAST_SEEN_WINDOW_MS - NOTE_CLOCK_MARGIN_MS - 60 * MINUTE, 'old');
    const long = recording(replica([old, signedLongAgo, recent]));
    const briefing = shiftBriefing({ state: long.state, me: ZHAO, now, sync: healthySync, duty: zhaoWorks([]) });
    expect([...long.summarized]).toEqual(['recent']);
    // "When was I last here" and the changes come from the summaries: no note is read (none carries 赵敏's tag in the window).
    expect([...long.read]).toEqual([]);
    expect(kinds(briefing)).not.toContain('changes');
    // Within the margin the note's summary is asked for, but an acknowledgement older than 90 days still does not count.
    const signedJustBefore = ackBy(ZHAO, now - LAST_SEEN_WINDOW_MS - 60 * MINUTE, 'old');
    const margin = recording(replica([old, signedJustBefore, recent]));
    expect(kinds(shiftBriefing({ state: margin.state, me: ZHAO, now, sync: healthySync, duty: zhaoWorks([]) }))).not.toContain('changes');
    expect(margin.summarized.has('old')).toBe(true);
    expect([...margin.read]).toEqual([]);
    // Within the window, my acknowledgement says when I was last here: what came since is news. Read:
    // the note I signed (its summary says someone of my tag did, not when) and the news shown.
    const signedLately = ackBy(ZHAO, now - LAST_SEEN_WINDOW_MS + 60 * MINUTE, 'old');
    const lately = recording(replica([old, signedLately, recent]));
    const news = shiftBriefing({ state: lately.state, me: ZHAO, now, sync: healthySync, duty: zhaoWorks([]) });
    expect(news.sections.find((section) => section.kind === 'changes')).toMatchObject({ since: signedLately.data.at, notes: [{ id: 'recent' }] });
    expect([...lately.summarized].sort()).toEqual(['old', 'recent']);
    expect([...lately.read].sort()).toEqual(['old', 'recent']);
  });

  it('finds the notes of the shift before mine however long ago it was, reading every note only then', () => {
    const duty = zhaoWorks([[EARLY, 'primary']], { lastShiftEndedAt: at('16:00', '2026-01-04') });
    const lastBeforeGap = noteFor('late-1220', '2025-12-20', LATE, LI);
    const older = noteFor('early-1220', '2025-12-20', EARLY, WANG);
    const state = recording(replica([older, lastBeforeGap]));
    const briefing = shiftBriefing({ state: state.state, me: ZHAO, now: at('07:50'), sync: healthySync, duty });
    expect(briefing.sections.find((section) => section.kind === 'previousHandover')).toMatchObject({ shift: { date: '2025-12-20', shiftTypeId: 'late' }, notes: [{ id: 'late-1220' }] });
    expect(state.listed.has('early-1220')).toBe(true);
    // With a note of the shift just before, nothing older is read.
    const usual = recording(replica([older, lastBeforeGap, noteFor('late-0104', '2026-01-04', LATE, LI)]));
    shiftBriefing({ state: usual.state, me: ZHAO, now: at('07:50'), sync: healthySync, duty });
    expect([...usual.listed]).toEqual(['late-0104']);
  });
});

const kinds = (briefing: Briefing) => briefing.sections.map((section) => section.kind);
