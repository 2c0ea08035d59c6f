import { describe, expect, it } from 'vitest';
import {
  acknowledgeOp,
  mergeBase,
  mergedText,
  publishOp,
  publishedRevision,
  readableDiff,
  reviseOp,
  statusOf,
  submitOp,
  threeWayMerge,
  returnOp,
  mayView,
} from '../../shared/sop';
import { HOUR, LI, MINUTE, WANG, docOf, li, shanghai, team, wang, zhao } from './harness';

const T = shanghai('2026-01-05', '09:00');
const BASE = '# 产品博文\n\n每个工作日早班两条。\n\n## 时间\n\n10:00 和 15:00。\n';

function started() {
  const lead = wang();
  const first = lead.write(T, reviseOp('s1', { parents: [], title: '内容发布规范', body: BASE, checklist: [], area: 'content' }, lead.stamp));
  const published = lead.write(T + MINUTE, publishOp('s1', first.id, false, lead.stamp));
  return { lead, first, published };
}

describe('SOP revisions', () => {
  it('a draft is submitted, a lead publishes it, and its history diffs any two revisions', () => {
    const { lead, first, published } = started();
    const editor = li();
    const second = editor.write(T + HOUR, reviseOp('s1', { parents: [first.id], title: '内容发布规范', body: BASE.replace('15:00', '16:00'), checklist: [] }, editor.stamp));
    const submitted = editor.write(T + HOUR + MINUTE, submitOp('s1', second.id, editor.stamp));
    let doc = docOf([first, published, second, submitted]);
    expect(statusOf(doc, second.id)).toBe('submitted');
    expect(publishedRevision(doc)?.revision.opId).toBe(first.id);
    expect(doc.fork).toBe(false);
    const publishing = lead.write(T + 2 * HOUR, publishOp('s1', second.id, false, lead.stamp));
    doc = docOf([first, published, second, submitted, publishing]);
    expect(publishedRevision(doc)).toMatchObject({ version: 2, revision: { opId: second.id } });
    const diff = readableDiff(first.data.body as string, second.data.body as string).filter((line) => line.kind !== 'same');
    expect(diff).toEqual([
      { kind: 'removed', text: '10:00 和 15:00。' },
      { kind: 'added', text: '10:00 和 16:00。' },
    ]);
  });

  it('drafts are visible to their author and the leads only', () => {
    const { first, published } = started();
    const editor = li();
    const draft = editor.write(T + HOUR, reviseOp('s1', { parents: [first.id], title: 't', body: 'x', checklist: [] }, editor.stamp));
    const doc = docOf([first, published, draft]);
    const revision = doc.graph.byId.get(draft.id)!;
    expect(mayView(doc, revision, { memberId: LI.memberId, isLead: false })).toBe(true);
    expect(mayView(doc, revision, { memberId: WANG.memberId, isLead: true })).toBe(true);
    expect(mayView(doc, revision, { memberId: 'm-zhao', isLead: false })).toBe(false);
    expect(mayView(doc, doc.graph.byId.get(first.id)!, { memberId: 'm-zhao', isLead: false })).toBe(true);
  });

  it('a returned draft carries the comment and is no longer a head; restore is a new revision', () => {
    const { lead, first, published } = started();
    const editor = li();
    const draft = editor.write(T + HOUR, reviseOp('s1', { parents: [first.id], title: 't', body: 'bad', checklist: [] }, editor.stamp));
    const returned = lead.write(T + 2 * HOUR, returnOp('s1', draft.id, '时间写错了', lead.stamp));
    const restored = lead.write(T + 3 * HOUR, reviseOp('s1', { parents: [first.id], title: '内容发布规范', body: BASE, checklist: [], restores: first.id }, lead.stamp));
    const doc = docOf([first, published, draft, returned, restored]);
    expect(statusOf(doc, draft.id)).toBe('returned');
    expect(doc.state.returns[0]?.comment).toBe('时间写错了');
    expect(doc.fork).toBe(false);
    expect(doc.graph.heads.map((head) => head.opId)).toEqual([restored.id]);
    expect(doc.state.revisions).toHaveLength(3);
  });

  it('two revisions from the same parent are a fork; the three-way merge keeps both sides and a merge revision resolves it', () => {
    const { first, published } = started();
    const [a, b] = [li(), zhao()];
    const ours = a.write(T + HOUR, reviseOp('s1', { parents: [first.id], title: '内容发布规范', body: BASE.replace('两条', '三条'), checklist: [] }, a.stamp));
    const theirs = b.write(T + HOUR + MINUTE, reviseOp('s1', { parents: [first.id], title: '内容发布规范', body: `${BASE}\n## 配图\n\n每条配一张图。\n`, checklist: [] }, b.stamp));
    const forked = docOf([first, published, ours, theirs]);
    expect(forked.fork).toBe(true);
    expect(forked.graph.heads.map((head) => head.opId)).toEqual([ours.id, theirs.id]);
    const base = mergeBase(forked.graph, ours.id, theirs.id)!;
    expect(base.opId).toBe(first.id);
    const chunks = threeWayMerge(base.body, ours.data.body as string, theirs.data.body as string);
    // Non-overlapping edits merge without a conflict; nothing from either side is lost.
    expect(chunks.every((chunk) => chunk.kind === 'agreed')).toBe(true);
    const text = mergedText(chunks, []);
    expect(text).toContain('三条');
    expect(text).toContain('每条配一张图');
    const merge = a.write(T + 2 * HOUR, reviseOp('s1', { parents: [ours.id, theirs.id], title: '内容发布规范', body: text, checklist: [] }, a.stamp));
    const resolved = docOf([first, published, ours, theirs, merge]);
    expect(resolved.fork).toBe(false);
    expect(resolved.graph.heads.map((head) => head.opId)).toEqual([merge.id]);
  });

  it('overlapping edits are conflicts a person settles: ours, theirs, both or their own text', () => {
    const chunks = threeWayMerge('a\nb\nc', 'a\nB1\nc', 'a\nB2\nc');
    expect(chunks).toEqual([
      { kind: 'agreed', lines: ['a'] },
      { kind: 'conflict', base: ['b'], ours: ['B1'], theirs: ['B2'] },
      { kind: 'agreed', lines: ['c'] },
    ]);
    expect(mergedText(chunks, ['theirs'])).toBe('a\nB2\nc');
    expect(mergedText(chunks, ['both'])).toBe('a\nB1\nB2\nc');
    expect(mergedText(chunks, [{ text: 'B3' }])).toBe('a\nB3\nc');
  });
});

describe('publishing rules (in the fold, on every device)', () => {
  it('with two leads, a lead publishing their own revision is set aside; with one lead it counts', () => {
    const lead = wang();
    const first = lead.write(T, reviseOp('s1', { parents: [], title: 't', body: 'b', checklist: [], area: 'fans' }, lead.stamp));
    const published = lead.write(T + MINUTE, publishOp('s1', first.id, false, lead.stamp));
    expect(docOf([first, published], team(['m-wang'])).versions).toHaveLength(1);
    const twoLeads = docOf([first, published], team(['m-wang', 'm-li']));
    expect(twoLeads.versions).toHaveLength(0);
    expect(twoLeads.setAside).toEqual([{ opId: published.id, reason: 'own-revision' }]);
  });

  it('a publication of a revision that is not here, or published twice, does not count', () => {
    const { lead, first, published } = started();
    const again = lead.write(T + HOUR, publishOp('s1', first.id, false, lead.stamp));
    const ghost = lead.write(T + HOUR, publishOp('s1', 'zzzzzzzzzzzzzzzzzzzzzzzzzz:9', false, lead.stamp));
    const doc = docOf([first, published, again, ghost]);
    expect(doc.versions).toHaveLength(1);
    expect(doc.setAside.map((entry) => entry.reason).sort()).toEqual(['already-published', 'unknown-revision']);
  });
});

describe('acknowledgements', () => {
  it('count once per person and version, only by their author, only of published versions', () => {
    const { first, published } = started();
    const editor = li();
    const ack = editor.write(T + HOUR, acknowledgeOp('s1', first.id, editor.stamp));
    const twice = editor.write(T + 2 * HOUR, acknowledgeOp('s1', first.id, editor.stamp));
    // Zhao's device signs an acknowledgement in Li's name: set aside.
    const forger = zhao();
    const forged = forger.write(T + HOUR, acknowledgeOp('s1', first.id, { by: WANG, at: 0 }));
    const doc = docOf([first, published, ack, twice, forged]);
    expect(doc.acknowledgements.map((entry) => entry.opId)).toEqual([ack.id]);
    expect(doc.setAside).toEqual(expect.arrayContaining([
      { opId: twice.id, reason: 'repeated' },
      { opId: forged.id, reason: 'not-own-acknowledgement' },
    ]));
    const draft = editor.write(T + 3 * HOUR, reviseOp('s1', { parents: [first.id], title: 't', body: 'x', checklist: [] }, editor.stamp));
    const early = editor.write(T + 3 * HOUR, acknowledgeOp('s1', draft.id, editor.stamp));
    expect(docOf([first, published, draft, early]).setAside).toEqual([{ opId: early.id, reason: 'not-published' }]);
  });
});
