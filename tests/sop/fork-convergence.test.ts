import { describe, expect, it } from 'vitest';
import { mergeBase, mergedText, publishOp, publishedRevision, reviseOp, shiftChecklist, sop, sopDocs, threeWayMerge, type SopState } from '../../shared/sop';
import { HOUR, withCluster, type Cluster } from '../sync-sim/baton-cluster';

/**
 * A fork and its resolution on real sync services over the simulated sync engine: three
 * computers, two of them editing the same published version offline. Every computer must show the
 * same fork, and after one person's merge the same single head and the same published text.
 */

const NAMES = ['alice', 'bob', 'carol'] as const;
const BASE = '# 私信\n\n私信 2 小时内回复。\n\n# 评论\n\n评论 10 分钟内回看。\n';

const stamp = (c: Cluster, name: string) => ({ by: { memberId: `m-${name}`, name }, at: c.time });
const docOn = (c: Cluster, name: string) => sopDocs(c.service(name).state.list(sop).map((entry) => entry.state as SopState), null)[0]!;

async function syncEveryone(c: Cluster): Promise<void> {
  for (const name of NAMES) await c.service(name).flushNow();
  c.world.settle();
  for (const name of NAMES) await c.service(name).pollNow();
}

describe('an SOP fork on three computers', () => {
  it('is shown the same on every device, merged once by a person, and converges to the same published text', async () => {
    await withCluster({ seed: 1313, computers: [...NAMES], service: { capabilities: [sop, shiftChecklist] } }, async (c) => {
      const [first] = c.record('alice', [reviseOp('s1', { parents: [], title: '粉丝互动规范', body: BASE, checklist: [], area: 'fans' }, stamp(c, 'alice'))]);
      c.record('alice', [publishOp('s1', first!.id, false, stamp(c, 'alice'))]);
      await syncEveryone(c);

      // Offline, Alice and Bob edit version 1: Alice the DM rule, Bob the comment rule.
      c.advance(HOUR);
      const [ours] = c.record('alice', [reviseOp('s1', { parents: [first!.id], title: '粉丝互动规范', body: BASE.replace('2 小时', '1 小时'), checklist: [] }, stamp(c, 'alice'))]);
      await c.service('alice').flushNow();
      c.advance(1000);
      const [theirs] = c.record('bob', [reviseOp('s1', { parents: [first!.id], title: '粉丝互动规范', body: BASE.replace('10 分钟', '5 分钟'), checklist: [] }, stamp(c, 'bob'))]);
      await c.service('bob').flushNow();
      expect(docOn(c, 'alice').fork).toBe(false);
      expect(docOn(c, 'bob').fork).toBe(false);

      await syncEveryone(c);
      const hashes = Object.values(c.hashes());
      expect(new Set(hashes).size).toBe(1);
      for (const name of NAMES) {
        const doc = docOn(c, name);
        expect(doc.fork).toBe(true);
        expect(doc.graph.heads.map((head) => head.opId)).toEqual([ours!.id, theirs!.id]);
        // Nothing merged silently: the published version is still version 1.
        expect(publishedRevision(doc)?.revision.opId).toBe(first!.id);
      }

      // Carol merges what she sees; Alice publishes the merge.
      const seen = docOn(c, 'carol');
      const base = mergeBase(seen.graph, ours!.id, theirs!.id)!;
      const chunks = threeWayMerge(base.body, seen.graph.byId.get(ours!.id)!.body, seen.graph.byId.get(theirs!.id)!.body);
      const [merge] = c.record('carol', [reviseOp('s1', { parents: [ours!.id, theirs!.id], title: '粉丝互动规范', body: mergedText(chunks, []), checklist: [] }, stamp(c, 'carol'))]);
      await syncEveryone(c);
      c.record('alice', [publishOp('s1', merge!.id, false, stamp(c, 'alice'))]);
      await syncEveryone(c);

      expect(new Set(Object.values(c.hashes())).size).toBe(1);
      for (const name of NAMES) {
        const doc = docOn(c, name);
        expect(doc.fork).toBe(false);
        expect(doc.graph.heads.map((head) => head.opId)).toEqual([merge!.id]);
        const published = publishedRevision(doc)!;
        expect(published.version).toBe(2);
        expect(published.revision.body).toContain('私信 1 小时内回复');
        expect(published.revision.body).toContain('评论 5 分钟内回看');
      }
    });
  });
});
