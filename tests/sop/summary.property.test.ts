import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acknowledgeOp, publishOp, reviseOp, setMetaOp } from '../../shared/sop/builders';
import { hasAcknowledgedCurrent, lastAcknowledgedIndex, mustRead, publishedRevision } from '../../shared/sop/rules';
import { addedLines, sopBriefOf, sopSummaryOf } from '../../shared/sop/summary';
import { diffCounts } from '../../shared/sop/diff';
import { pendingAcknowledgementCounts, pendingAcknowledgements } from '../../shared/sop/queries';
import type { Op } from '../../shared/sync';
import { LI, MINUTE, WANG, ZHAO, docOf, li, shanghai, team, wang, zhao } from './harness';

const T = shanghai('2026-01-05', '09:00');
/** Texts that share some lines, one with a trailing newline, one empty: diffs of every shape. */
const bodyOf = (at: number) => (at === 3 ? '' : `${['第一行', `第${at}版`, '第三行', ...Array.from({ length: at }, (_, i) => `追加 ${i}`)].join('\n')}${at === 1 ? '\n' : ''}`);
const PEOPLE = [WANG, LI, ZHAO];

describe('SOP summary (property)', () => {
  it('is plain JSON, and the brief made from it says what the doc made from the whole state says', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.record({ writer: fc.nat(2), revision: fc.nat(3), minor: fc.boolean() }), { maxLength: 5 }),
        fc.array(fc.record({ writer: fc.nat(2), name: fc.nat(2), revision: fc.nat(4), minutes: fc.nat(600) }), { maxLength: 30 }),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom(null, ['editor'], ['lead'], []),
        (revisionCount, publishPicks, ackPicks, twoLeads, withTeam, requiredRoles) => {
          const writers = [wang(), li(), zhao()];
          const revisions: Op[] = [];
          for (let at = 0; at < revisionCount; at += 1) {
            const author = writers[at % 3]!;
            const parents = at === 0 ? [] : [revisions[at - 1]!.id];
            revisions.push(author.write(T + at * MINUTE, reviseOp('s1', { parents, title: `v${at}`, body: bodyOf(at), checklist: [] }, author.stamp)));
          }
          const publications = publishPicks.map(({ writer, revision, minor }, at) =>
            writers[writer]!.write(T + (10 + at) * MINUTE, publishOp('s1', revisions[revision % revisionCount]!.id, minor, writers[writer]!.stamp)),
          );
          // An acknowledgement may name a revision that is not here (index revisionCount).
          const acks = ackPicks.map(({ writer, name, revision, minutes }) => {
            const id = revision < revisionCount ? revisions[revision]!.id : 'zzzzzzzzzzzzzzzzzzzzzzzzzz:9';
            return writers[writer]!.write(T + (20 + minutes) * MINUTE, acknowledgeOp('s1', id, { by: PEOPLE[name]!, at: 0 }));
          });
          const meta = requiredRoles ? [writers[0]!.write(T + 5 * MINUTE, setMetaOp(null, 's1', { requiredRoles: [...requiredRoles], shiftTypeIds: ['day'] }, writers[0]!.stamp))] : [];
          const sopTeam = withTeam ? team(twoLeads ? [WANG.memberId, LI.memberId] : [WANG.memberId]) : null;
          const doc = docOf([...revisions, ...publications, ...acks, ...meta], sopTeam);
          const summary = sopSummaryOf(doc.state);
          expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
          const brief = sopBriefOf(JSON.parse(JSON.stringify(summary)), sopTeam)!;
          expect(brief.versions).toEqual(doc.versions);
          expect(brief.requiredIndex).toBe(doc.requiredIndex);
          expect(brief.acknowledged).toEqual(doc.acknowledged);
          // One member's answer, from their entries alone (what the briefing and the rota ask), is the doc's.
          const fresh = sopBriefOf(JSON.parse(JSON.stringify(summary)), sopTeam)!;
          for (const memberId of [...PEOPLE.map((person) => person.memberId), 'nobody']) {
            expect(fresh.acknowledgedIndexOf(memberId)).toBe(doc.acknowledged[memberId]);
            expect(lastAcknowledgedIndex(fresh, memberId)).toBe(lastAcknowledgedIndex(doc, memberId));
          }
          expect(fresh.acknowledgedIndexOf('constructor')).toBeUndefined();
          expect([...brief.publishers].sort()).toEqual([...doc.publishers].sort());
          expect(brief.meta).toEqual(doc.meta);
          const current = publishedRevision(doc);
          if (current) expect(brief.published.get(current.revision.opId)).toEqual({ title: current.revision.title, checklist: current.revision.checklist, lines: addedLines(current.revision.body) });
          for (const person of PEOPLE) {
            const member = { memberId: person.memberId, roles: ['editor'] };
            expect(mustRead(brief, member)).toBe(mustRead(doc, member));
            expect(hasAcknowledgedCurrent(brief, person.memberId)).toBe(hasAcknowledgedCurrent(doc, person.memberId));
            // The briefing's counts from the brief (the doc read only for a re-acknowledgement) are the full diff's.
            const full = pendingAcknowledgements([doc], member).map(({ diff, ...item }) => ({ ...item, linesAdded: diffCounts(diff).added, linesRemoved: diffCounts(diff).removed }));
            const read: string[][] = [];
            const docsOf = (ids: readonly string[]) => {
              read.push([...ids]);
              return ids.includes(doc.id) ? [doc] : [];
            };
            expect(pendingAcknowledgementCounts([brief], member, docsOf)).toEqual(full);
            expect(read.flat()).toEqual(full.filter((item) => item.lastAcknowledgedVersion !== null).map((item) => item.sopId));
            expect(pendingAcknowledgementCounts([doc], member, docsOf)).toEqual(full);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
