import { z } from 'zod';
import {
  concurrentClashes,
  correctsSchema,
  defineCapability,
  foldLog,
  foldLww,
  foldTombstone,
  lwwSetSchema,
  opsOfType,
  seenSchema,
  tombstoneSchema,
} from '../../shared/sync';

/** A note: editable title and body, deletable, with a comment log. Stands in for real capabilities. */
export const note = defineCapability({
  kind: 'note',
  ops: {
    'note.set': lwwSetSchema({ title: z.string().max(200), body: z.string() }),
    'note.deleted': tombstoneSchema,
    'note.restored': tombstoneSchema,
    'note.commented': z.object({ text: z.string(), corrects: correctsSchema.optional() }),
  },
  reduce(ops) {
    const comments = foldLog(opsOfType(ops, 'note.commented'));
    return {
      fields: foldLww(opsOfType(ops, 'note.set')),
      tombstone: foldTombstone(opsOfType(ops, 'note.set', 'note.deleted', 'note.restored'), {
        deleted: 'note.deleted',
        restored: 'note.restored',
      }),
      comments: comments.entries.map((entry) => {
        const texts = comments.revisionsOf(entry, (op) => op.data.text);
        return { id: entry.id, text: texts[texts.length - 1], corrected: texts.length > 1 };
      }),
      orphanCorrections: comments.orphans.map((op) => op.id),
    };
  },
});

type PrizeStatus = 'requested' | 'approved' | 'rejected' | 'paid';

/** A prize request workflow: requested → approved | rejected; approved → paid. */
export const prizeRequest = defineCapability({
  kind: 'prizeRequest',
  ops: {
    'prize.requested': z.object({ amount: z.number().int().positive(), seen: seenSchema }),
    'prize.approved': z.object({ seen: seenSchema }),
    'prize.rejected': z.object({ reason: z.string(), seen: seenSchema }),
    'prize.paid': z.object({ seen: seenSchema }),
    'prize.commented': z.object({ text: z.string(), seen: seenSchema }),
  },
  reduce(ops) {
    let status: PrizeStatus | null = null;
    let amount = 0;
    const outOfTurn: string[] = [];
    for (const op of ops) {
      if (op.type === 'prize.commented') continue;
      const next = transition(status, op.type);
      if (next === null) outOfTurn.push(op.id);
      else status = next;
      if (op.type === 'prize.requested') amount = op.data.amount;
    }
    const clashes = concurrentClashes(ops, (a, b) => cannotBothHold(a.type, b.type));
    return {
      status,
      amount,
      outOfTurn,
      needsReview: clashes.length > 0,
      clashes: clashes.map(([a, b]) => [a.id, b.id]),
    };
  },
});

function cannotBothHold(a: string, b: string): boolean {
  const verdicts = new Set([a, b]);
  return (a === 'prize.paid' && b === 'prize.paid') || (verdicts.has('prize.approved') && verdicts.has('prize.rejected'));
}

function transition(status: PrizeStatus | null, type: string): PrizeStatus | null {
  if (type === 'prize.requested') return status === null ? 'requested' : null;
  if (type === 'prize.approved') return status === 'requested' ? 'approved' : null;
  if (type === 'prize.rejected') return status === 'requested' ? 'rejected' : null;
  return status === 'approved' ? 'paid' : null;
}
