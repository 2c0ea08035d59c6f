import type { Person } from '../../../shared/team-settings';
import { lwwSetData } from '../../../shared/sync/lww';
import { entityRef } from '../../../shared/sync/op';
import type { RootDevice } from './team-snapshot';
import { writeTeam, type TeamWriter } from './team-writers';

/**
 * A shared folder holding years of a real team's handover notes, in signed segments of its four
 * members' computers (`writeTeam`). Each shift (早班, 晚班) gets one note; the next shift's
 * person signs for it most of the time; some notes raise follow-ups, most of which a later shift
 * closes. The tallies the history's filters should show come back with it, counted while writing.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
/** 2012-03-01 00:00 in Asia/Shanghai (UTC+8, no DST), the default zone of a team. */
const FIRST_DAY = Date.UTC(2012, 2, 1) - 8 * HOUR;
/** The default shift types of a team: no teamSettings op is needed. */
const SHIFTS = [
  { id: 'early', startH: 8, endH: 16 },
  { id: 'late', startH: 16, endH: 24 },
] as const;
const NAMES = ['小林', '老王', '阿珍', '大刘'];

export interface HistoryNote {
  readonly id: string;
  readonly date: string;
  readonly shiftTypeId: string;
  readonly authorId: string;
  readonly summary: string;
}

export interface LargeHistory {
  readonly members: readonly Person[];
  /** The founder's computer's keys, to write the team snapshot it would publish (`writeRootSnapshot`). */
  readonly root: RootDevice;
  /** Newest first, as the history lists them. */
  readonly notes: readonly HistoryNote[];
  readonly counts: {
    readonly byShiftType: Readonly<Record<string, number>>;
    readonly byAuthor: Readonly<Record<string, number>>;
    readonly unacknowledged: number;
    readonly withOpenFollowUps: number;
  };
}

/** A seeded stream of numbers in [0, 1): the same story for the same seed (keys and ids are new each run). */
function numbers(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const dateOf = (dayStart: number) => new Date(dayStart + 8 * HOUR).toISOString().slice(0, 10);

export async function writeLargeHistory(sharedDir: string, noteCount: number, seed = 1): Promise<LargeHistory> {
  const random = numbers(seed);
  // The team was made the morning of the first day, before the first shift.
  const team = await writeTeam(sharedDir, NAMES, FIRST_DAY + 7 * HOUR);
  const { writers } = team;

  const notes: HistoryNote[] = [];
  const acknowledged = new Set<string>();
  const raisedIn = new Map<string, string>();
  /** Follow-ups still open: id → the hlc of its status, which a closing op says it has seen. */
  const open = new Map<string, { hlc: string; lingers: boolean }>();
  const byShiftType: Record<string, number> = {};
  const byAuthor: Record<string, number> = {};
  let previous: { id: string; author: TeamWriter } | null = null;

  for (let index = 0; index < noteCount; index += 1) {
    const dayStart = FIRST_DAY + Math.floor(index / SHIFTS.length) * DAY;
    const shift = SHIFTS[index % SHIFTS.length]!;
    const shiftStartAt = dayStart + shift.startH * HOUR;
    const shiftEndAt = dayStart + shift.endH * HOUR;
    const author = writers[Math.floor(random() * writers.length)]!;
    // The incoming person signs for the previous shift's note, most of the time.
    if (previous && previous.author !== author && random() < 0.75) {
      author.emit(shiftStartAt + 10 * MINUTE, { type: 'handover.acknowledged', entity: entityRef('handover', previous.id), data: { by: author.person, at: shiftStartAt + 10 * MINUTE } });
      acknowledged.add(previous.id);
    }
    // Follow-ups of earlier shifts get closed by whoever is on duty, most within a few weeks.
    for (const [followUpId, state] of open) {
      if (state.lingers || random() >= 0.08) continue;
      const closedAt = shiftStartAt + 2 * HOUR;
      const seen = { status: { value: 'open', hlc: state.hlc, conflicts: [] } };
      author.emit(closedAt, { type: 'followUp.updated', entity: entityRef('followUp', followUpId), data: { ...lwwSetData(seen, { status: 'done' }), by: author.person, at: closedAt } });
      open.delete(followUpId);
    }
    const id = `note-${String(index).padStart(5, '0')}`;
    const date = dateOf(dayStart);
    const summary = `第 ${index + 1} 份交接：${date} ${shift.id === 'early' ? '早班' : '晚班'}，发布 ${2 + (index % 5)} 条微博，回复私信 ${index % 37} 条`;
    const followUpIds: string[] = [];
    let writtenAt = shiftEndAt - 30 * MINUTE;
    if (random() < 0.3) {
      const followUpId = `fu-${String(index).padStart(5, '0')}`;
      const owner = writers[Math.floor(random() * writers.length)]!;
      writtenAt += MINUTE;
      const op = author.emit(writtenAt, {
        type: 'followUp.created',
        entity: entityRef('followUp', followUpId),
        data: { title: `跟进第 ${index + 1} 份交接里的粉丝投诉`, owner: owner.person, dueAt: shiftEndAt + DAY, category: 'other', handoverId: id, createdBy: author.person, at: writtenAt },
      });
      // One in ten waits on another department for good: still open today.
      open.set(followUpId, { hlc: op.hlc, lingers: random() < 0.1 });
      raisedIn.set(followUpId, id);
      followUpIds.push(followUpId);
    }
    writtenAt += MINUTE;
    author.emit(writtenAt, {
      type: 'handover.submitted',
      entity: entityRef('handover', id),
      data: {
        date,
        shiftTypeId: shift.id,
        shiftStartAt,
        shiftEndAt,
        author: author.person,
        at: writtenAt,
        sections: { summary, posts: '', fans: '', opinion: '', campaigns: '', nextShift: index % 3 === 0 ? '晚上 8 点有直播，注意评论区' : '' },
        attachments: [],
        followUpIds,
      },
    });
    notes.push({ id, date, shiftTypeId: shift.id, authorId: author.person.memberId, summary });
    byShiftType[shift.id] = (byShiftType[shift.id] ?? 0) + 1;
    byAuthor[author.person.memberId] = (byAuthor[author.person.memberId] ?? 0) + 1;
    previous = { id, author };
  }
  team.close();

  const withOpen = new Set([...open.keys()].map((followUpId) => raisedIn.get(followUpId)));
  return {
    members: writers.map((writer) => writer.person),
    root: team.root,
    notes: notes.reverse(),
    counts: { byShiftType, byAuthor, unacknowledged: noteCount - acknowledged.size, withOpenFollowUps: withOpen.size },
  };
}
