import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shiftBriefing } from '../../shared/briefing';
import type { BriefingQuery } from '../../shared/briefing/duty';
import { changesSection, lastSeenAt, MAX_CHANGED_NOTES, noteItem, noteSummariesOf, notesNeededFrom, previousShiftNotesFrom } from '../../shared/briefing/handover-sections';
import { followUp, handover, hasAcknowledged, memberTag, notesChangedSince, type SubmittedHandover } from '../../shared/handover';
import type { Op } from '../../shared/sync';
import { DEFAULT_TEAM_SETTINGS, shiftOn, teamSettings, type Person } from '../../shared/team-settings';
import type { ChangesSection } from '../../shared/briefing/types';
import { ALICE, BOB, CAROL, TestDevice } from '../sync/devices';
import { restartedFrom } from '../sync/restarted';
import { HOUR, LI, MINUTE, WANG, ZHAO, acknowledge, noteData, replica, submit } from '../handover/harness';
import { EARLY, LATE, ZONE, at, healthySync, zhaoWorks } from './seeded-team';

/**
 * "When was I last here" and the changes section from the notes' summaries (the local base's
 * index holds one per note): the same answer as reading the notes changed since the briefing's
 * window, and after a restart no note is read but those the changes section shows.
 */

const DAY_MS = 24 * HOUR;
const NOW = at('10:00');
/** Two members whose `memberTag`s are the same: a note carrying the tag must be read to tell them apart. */
function twoSharingATag(): [Person, Person] {
  const seen = new Map<string, string>();
  for (let index = 0; ; index += 1) {
    const id = `m-${index}`;
    const other = seen.get(memberTag(id));
    if (other !== undefined) return [{ memberId: other, name: '甲' }, { memberId: id, name: '乙' }];
    seen.set(memberTag(id), id);
  }
}
const [JIA, YI] = twoSharingATag();
const PEOPLE = [LI, WANG, ZHAO, JIA, YI] as const;
const DEVICES = [ALICE, BOB, CAROL, 'dddddddddddddddddddddddddd', 'eeeeeeeeeeeeeeeeeeeeeeeeee'] as const;

/** What the briefing did before the summaries: read every note changed since the window, then look. */
function lastSeenReading(query: BriefingQuery, lastShiftEndedAt: number | null, notes: readonly SubmittedHandover[]): number | null {
  if (lastShiftEndedAt !== null) return lastShiftEndedAt;
  const me = query.me?.memberId;
  if (!me) return null;
  const from = query.now - 90 * DAY_MS;
  const counts = (value: number) => value >= from && value <= query.now;
  let latest: number | null = null;
  for (const state of notes) {
    if (state.note.author.memberId === me && counts(state.note.at)) latest = Math.max(latest ?? 0, state.note.at);
    for (const ack of state.acknowledgements) if (ack.by.memberId === me && counts(ack.at)) latest = Math.max(latest ?? 0, ack.at);
  }
  return latest;
}

function changesReading(query: BriefingQuery, since: number | null, notes: readonly SubmittedHandover[], shown: ReadonlySet<string>): ChangesSection | null {
  if (since === null) return null;
  const fresh = notes.filter(
    (state) => state.note.at > since && state.note.author.memberId !== query.me?.memberId && !shown.has(state.id) && !(query.me && hasAcknowledged(state, query.me.memberId)),
  );
  if (fresh.length === 0) return null;
  return { kind: 'changes', since, notes: fresh.slice(0, MAX_CHANGED_NOTES).map((state) => noteItem(state, query)) };
}

const noteArb = fc.record({
  // Often near the 90-day window's edge, where its clock margin matters.
  daysAgo: fc.oneof(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 88, max: 93 })),
  late: fc.boolean(),
  author: fc.integer({ min: 0, max: 4 }),
  // The submitting device's clock against the note's `at` (a clock set wrong, a note written late).
  skewHours: fc.integer({ min: -30, max: 30 }),
  acks: fc.array(fc.record({ by: fc.integer({ min: 0, max: 4 }), afterHours: fc.oneof(fc.integer({ min: 0, max: 48 }), fc.integer({ min: 0, max: 24 * 40 })), skewHours: fc.integer({ min: -30, max: 30 }) }), { maxLength: 3 }),
});

const caseArb = fc.record({
  notes: fc.array(noteArb, { maxLength: 30 }),
  me: fc.integer({ min: 0, max: 5 }),
  // Null: no rota (the last-seen window); else the end of my last shift, up to 40 days back.
  lastShiftDaysAgo: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
  shown: fc.array(fc.nat({ max: 29 }), { maxLength: 3 }),
});

type NoteSpec = typeof noteArb extends fc.Arbitrary<infer T> ? T : never;

function opsOf(notes: readonly NoteSpec[]): Op[] {
  const devices = DEVICES.map((id) => new TestDevice(id));
  const ops: Op[] = [];
  notes.forEach((spec, index) => {
    const date = new Date(NOW - spec.daysAgo * DAY_MS).toISOString().slice(0, 10);
    const type = spec.late ? LATE : EARLY;
    const shift = shiftOn(date, type, ZONE);
    const author: Person = PEOPLE[spec.author]!;
    const when = shift.endAt - 10 * MINUTE;
    const id = `n${index}`;
    ops.push(submit(devices[spec.author]!, when + spec.skewHours * HOUR, id, noteData({ date, shiftTypeId: type.id, shiftStartAt: shift.startAt, shiftEndAt: shift.endAt, author, at: when })));
    for (const ack of spec.acks) {
      const signedAt = when + ack.afterHours * HOUR;
      ops.push(devices[ack.by]!.op(signedAt + ack.skewHours * HOUR, 'handover.acknowledged', `handover:${id}`, { by: PEOPLE[ack.by]!, at: signedAt }));
    }
  });
  return ops;
}

describe('the briefing\'s notes from their summaries', () => {
  it('"when was I last here" and the changes are what reading the notes changed since the window gives; a restart reads only the notes shown', () => {
    fc.assert(
      fc.property(caseArb, ({ notes, me: meIndex, lastShiftDaysAgo, shown: shownIndexes }) => {
        const source = replica(opsOf(notes));
        const me = PEOPLE[meIndex] ?? null;
        const lastShiftEndedAt = lastShiftDaysAgo === null ? null : NOW - lastShiftDaysAgo * DAY_MS;
        const shown = new Set(shownIndexes.map((index) => `n${index}`));
        const query = (state: BriefingQuery['state']): BriefingQuery => ({ state, me, now: NOW, settings: DEFAULT_TEAM_SETTINGS });
        const from = notesNeededFrom(query(source), null, lastShiftEndedAt);

        const recent = notesChangedSince(source, from).recent;
        const since = lastSeenReading(query(source), lastShiftEndedAt, recent);
        const changes = changesReading(query(source), since, recent, shown);

        // On the folded state (every note awake) and after a restart (every note on disk, its summary in the index).
        expect(lastSeenAt(query(source), lastShiftEndedAt, noteSummariesOf(query(source), from))).toBe(since);
        expect(changesSection(query(source), since, noteSummariesOf(query(source), from), shown)).toEqual(changes);
        const { state, woken } = restartedFrom(source, [teamSettings, handover, followUp], undefined, { summaries: true });
        const summaries = noteSummariesOf(query(state), from);
        // Read to be sure: only notes written or signed by someone of my tag (me, or 甲 for 乙).
        const tagged = (entity: string) => {
          const note = source.get(handover, entity.slice('handover:'.length))!;
          const tag = me && memberTag(me.memberId);
          return note.note!.author.memberId !== undefined && (memberTag(note.note!.author.memberId) === tag || note.acknowledgements.some((ack) => memberTag(ack.by.memberId) === tag));
        };
        expect(lastSeenAt(query(state), lastShiftEndedAt, summaries)).toBe(since);
        for (const entity of woken) expect(tagged(entity)).toBe(true);
        const readForLastSeen = woken.length;
        expect(changesSection(query(state), since, summaries, shown)).toEqual(changes);
        // Read for the changes: the notes shown, the others of the last shift they reach (their order is the submissions' hlc), and tagged ones before.
        const lastShown = changes?.notes.at(-1);
        const lastShift = lastShown ? source.get(handover, lastShown.id)!.note!.shiftStartAt : Infinity;
        for (const entity of woken.slice(readForLastSeen)) {
          expect(entity.startsWith('handover:')).toBe(true);
          const note = source.get(handover, entity.slice('handover:'.length))!.note!;
          if (!tagged(entity)) expect(note.shiftStartAt).toBeGreaterThanOrEqual(lastShift);
        }
        for (const note of changes?.notes ?? []) expect(woken).toContain(`handover:${note.id}`);
      }),
      { numRuns: 300 },
    );
  });

  it('after a restart, someone on no rota who wrote nothing lately reads no note; one back after weeks reads the changes shown and the shift before theirs', () => {
    const devices = [new TestDevice(ALICE), new TestDevice(BOB), new TestDevice(CAROL)];
    const ops: Op[] = [];
    // Two months of notes, two a day, by 李强 and 王丽; 赵敏 signed one 50 days ago.
    for (let daysAgo = 60; daysAgo >= 1; daysAgo -= 1) {
      const date = new Date(NOW - daysAgo * DAY_MS).toISOString().slice(0, 10);
      for (const [type, author, device] of [[EARLY, LI, devices[0]!], [LATE, WANG, devices[1]!]] as const) {
        const shift = shiftOn(date, type, ZONE);
        const id = `${type.id}-${date}`;
        ops.push(submit(device, shift.endAt - 10 * MINUTE, id, noteData({ date, shiftTypeId: type.id, shiftStartAt: shift.startAt, shiftEndAt: shift.endAt, author, at: shift.endAt - 10 * MINUTE })));
        if (daysAgo === 50 && type === EARLY) ops.push(acknowledge(devices[2]!, shift.endAt + HOUR, id, ZHAO));
      }
    }
    const signedByZhao = `early-${new Date(NOW - 50 * DAY_MS).toISOString().slice(0, 10)}`;
    const source = replica(ops);
    const notes = (briefing: ReturnType<typeof shiftBriefing>) => briefing.sections.flatMap((section) => (section.kind === 'changes' || section.kind === 'previousHandover' ? section.notes.map((note) => `handover:${note.id}`) : []));
    for (const [who, duty, expectChanges] of [
      [{ memberId: 'm-bench', name: '基准测试' }, zhaoWorks([]), false],
      [ZHAO, zhaoWorks([]), true],
      [ZHAO, zhaoWorks([[EARLY, 'primary']]), true],
    ] as const) {
      const { state, woken } = restartedFrom(source, [teamSettings, handover, followUp], undefined, { summaries: true });
      const input = { me: who, now: at('07:50'), sync: healthySync, duty };
      const briefing = shiftBriefing({ ...input, state });
      expect(briefing).toEqual(shiftBriefing({ ...input, state: source }));
      const shown = notes(briefing);
      expect(briefing.sections.some((section) => section.kind === 'changes')).toBe(expectChanges);
      if (expectChanges) expect(shown.length).toBeGreaterThanOrEqual(MAX_CHANGED_NOTES);
      // Read: the notes shown, the one 赵敏 signed (to be sure of when), and with a shift the notes
      // changed in the window of the shift before it (3 days and a day's margin).
      const mine = duty().myShifts[0];
      const window = mine ? source.list(handover, { changedSince: previousShiftNotesFrom(mine) }).map((entry) => entry.entity) : [];
      const signed = who === ZHAO ? [`handover:${signedByZhao}`] : [];
      expect([...new Set(woken)].sort()).toEqual([...new Set([...shown, ...window, ...signed])].sort());
      // Before the summaries the briefing read every note changed in the 90 days (here all 120).
      expect(woken.length).toBeLessThan(MAX_CHANGED_NOTES + 10);
    }
  });

  it('are small: the shift start, the author\'s time and tag, the signers\' tags and the latest signature\'s time', () => {
    const ops = opsOf([{ daysAgo: 1, late: false, author: 1, skewHours: 0, acks: [{ by: 2, afterHours: 1, skewHours: 0 }, { by: 1, afterHours: 2, skewHours: 0 }] }]);
    const state = replica(ops);
    const [entry] = state.summaries(handover);
    const note = state.get(handover, 'n0')!.note!;
    // The author's own acknowledgement does not count, so it is not in the summary either.
    expect(entry!.summary).toEqual({ s: note.shiftStartAt, t: note.at, a: memberTag(WANG.memberId), k: memberTag(ZHAO.memberId), l: note.at + HOUR });
    expect(JSON.stringify(entry!.summary).length).toBeLessThan(80);
    // An acknowledgement that arrived before its note: no summary of a note yet.
    expect(replica([acknowledge(new TestDevice(ALICE), NOW, 'early', LI)]).summaries(handover)).toEqual([{ entity: 'handover:early', id: 'early', summary: null }]);
  });
});
