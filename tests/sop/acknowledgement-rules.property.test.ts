import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acknowledgeOp, publishOp, reviseOp } from '../../shared/sop/builders';
import type { SopEvent } from '../../shared/sop/sop';
import type { Op } from '../../shared/sync';
import { LI, MINUTE, WANG, ZHAO, docOf, li, shanghai, team, wang, zhao } from './harness';

const T = shanghai('2026-01-05', '09:00');
const PEOPLE = [WANG, LI, ZHAO];

/**
 * The acknowledgement rules as they read before they were made cheaper for large teams (#19): a
 * "member revision" key per acknowledgement. The folded docs must say the same for any history.
 */
function reference(acks: readonly SopEvent[], versions: readonly string[], signer: (deviceId: string) => string | null) {
  const index = new Map(versions.map((revision, at) => [revision, at]));
  const acknowledged: Record<string, number> = {};
  const counted: string[] = [];
  const setAside: Array<{ opId: string; reason: string }> = [];
  const seen = new Set<string>();
  for (const ack of acks) {
    const at = index.get(ack.revision);
    const key = `${ack.by.memberId} ${ack.revision}`;
    const reason = at === undefined ? 'not-published' : signer(ack.deviceId) !== ack.by.memberId ? 'not-own-acknowledgement' : seen.has(key) ? 'repeated' : null;
    if (reason) {
      setAside.push({ opId: ack.opId, reason });
      continue;
    }
    seen.add(key);
    counted.push(ack.opId);
    acknowledged[ack.by.memberId] = Math.max(acknowledged[ack.by.memberId] ?? -1, at!);
  }
  return { acknowledged, counted, setAside };
}

describe('acknowledgements (property)', () => {
  it('count once per person and version, by their author, of published versions, whatever the history', () => {
    const sopTeam = team();
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.nat(3), { maxLength: 5 }),
        fc.array(fc.record({ writer: fc.nat(2), name: fc.nat(2), revision: fc.nat(3), minutes: fc.nat(600) }), { maxLength: 30 }),
        (revisionCount, publishedPicks, ackPicks) => {
          const lead = wang();
          const writers = [lead, li(), zhao()];
          const revisions: Op[] = [];
          for (let at = 0; at < revisionCount; at += 1) {
            const parents = at === 0 ? [] : [revisions[at - 1]!.id];
            revisions.push(lead.write(T + at * MINUTE, reviseOp('s1', { parents, title: `v${at}`, body: `body ${at}`, checklist: [] }, lead.stamp)));
          }
          const publications = publishedPicks.map((pick, at) => lead.write(T + (10 + at) * MINUTE, publishOp('s1', revisions[pick % revisionCount]!.id, at % 2 === 1, lead.stamp)));
          const acks = ackPicks.map(({ writer, name, revision, minutes }) =>
            writers[writer]!.write(T + (20 + minutes) * MINUTE, acknowledgeOp('s1', revisions[revision % revisionCount]!.id, { by: PEOPLE[name]!, at: 0 })),
          );
          const doc = docOf([...revisions, ...publications, ...acks], sopTeam);
          // The reducer files each acknowledgement with exactly these fields, in fold order.
          for (const ack of doc.state.acknowledgements) {
            const op = acks.find((candidate) => candidate.id === ack.opId)!;
            const data = op.data as { revision: string; by: unknown; at: number };
            expect(ack).toEqual({ opId: op.id, hlc: op.hlc, deviceId: op.id.slice(0, op.id.indexOf(':')), by: data.by, at: data.at, revision: data.revision });
          }
          expect(doc.state.acknowledgements).toHaveLength(acks.length);
          const expected = reference(doc.state.acknowledgements, doc.versions.map((version) => version.revision), sopTeam.memberOfDevice);
          expect(doc.acknowledged).toEqual(expected.acknowledged);
          expect(doc.acknowledgements.map((ack) => ack.opId)).toEqual(expected.counted);
          expect(doc.setAside.filter((entry) => expected.setAside.some((other) => other.opId === entry.opId))).toEqual(expected.setAside);
        },
      ),
      { numRuns: 150 },
    );
  });
});
