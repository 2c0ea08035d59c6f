import fc from 'fast-check';
import type { Op } from '../../shared/sync';
import { ALICE, BOB, CAROL, DAY, MONDAY_9AM, TestDevice } from './devices';

/**
 * Random histories of three devices with skewed clocks writing to a few notes and prize requests.
 * `seen` links and corrections point at random earlier ops (or nowhere), so the fold is tested on
 * causal structure the app would never produce, not only on tidy histories.
 */
const DEVICES = [ALICE, BOB, CAROL] as const;
const HOUR = 60 * 60 * 1000;

const actionArb = fc.record({
  device: fc.integer({ min: 0, max: 2 }),
  afterMs: fc.integer({ min: 0, max: DAY }),
  target: fc.integer({ min: 0, max: 2 }),
  kind: fc.constantFrom('note', 'prize'),
  variant: fc.integer({ min: 0, max: 5 }),
  text: fc.constantFrom('早班', '晚班', 'draft', 'final', ''),
  picks: fc.array(fc.nat(), { maxLength: 3 }),
  heard: fc.array(fc.nat(), { maxLength: 4 }),
});

export const historyArb = fc
  .record({
    skews: fc.tuple(
      fc.integer({ min: -2 * DAY, max: 3 * HOUR }),
      fc.integer({ min: -2 * DAY, max: 3 * HOUR }),
      fc.integer({ min: -2 * DAY, max: 3 * HOUR }),
    ),
    actions: fc.array(actionArb, { minLength: 1, maxLength: 60 }),
  })
  .map(({ skews, actions }) => buildOps(skews, actions));

type Action = typeof actionArb extends fc.Arbitrary<infer A> ? A : never;

function buildOps(skews: readonly number[], actions: readonly Action[]): Op[] {
  const devices = DEVICES.map((id) => new TestDevice(id));
  const ops: Op[] = [];
  let wall = MONDAY_9AM;
  for (const action of actions) {
    wall += action.afterMs;
    const device = devices[action.device]!;
    const now = wall + skews[action.device]!;
    // Partial sync: the device has heard of a few earlier ops.
    for (const pick of action.heard) if (ops.length > 0) device.clock.observe(ops[pick % ops.length]!.hlc, now);
    const entity = action.kind === 'note' ? `note:n${action.target}` : `prizeRequest:p${action.target}`;
    // Mostly links within the entity, as the app makes them; the first pick may point anywhere.
    const sameEntity = ops.filter((op) => op.entity === entity);
    const pool = (index: number) => (index === 0 || sameEntity.length === 0 ? ops : sameEntity);
    const pickHlcs = ops.length === 0 ? [] : action.picks.map((pick, index) => pool(index)[pick % pool(index).length]!.hlc);
    const pickId = sameEntity.length > 0 ? sameEntity[(action.picks[0] ?? 0) % sameEntity.length]!.id : undefined;
    const data = action.kind === 'note' ? noteData(action, pickHlcs, pickId) : prizeData(action, pickHlcs);
    ops.push(device.op(now, data.type, entity, data.data));
  }
  return ops;
}

function noteData(action: Action, seen: string[], someId: string | undefined) {
  switch (action.variant) {
    case 0:
      return { type: 'note.set', data: { set: { title: action.text }, seen: { title: seen } } };
    case 1:
      return { type: 'note.set', data: { set: { title: action.text, body: action.text }, seen: { body: seen } } };
    case 2:
      return { type: 'note.deleted', data: { seen } };
    case 3:
      return { type: 'note.restored', data: { seen } };
    case 4:
      return { type: 'note.commented', data: someId ? { text: action.text, corrects: someId } : { text: action.text } };
    default:
      // Newer version's type, and a broken op, in turn.
      return action.text === '' ? { type: 'note.pinned', data: { on: true } } : { type: 'note.set', data: { set: 7 } };
  }
}

function prizeData(action: Action, seen: string[]) {
  const types = ['prize.requested', 'prize.approved', 'prize.rejected', 'prize.paid', 'prize.commented', 'prize.requested'];
  const type = types[action.variant]!;
  const extra =
    type === 'prize.requested'
      ? { amount: action.variant === 5 ? -1 : action.text.length + 1 }
      : type === 'prize.rejected' || type === 'prize.commented'
        ? { reason: action.text, text: action.text }
        : {};
  return { type, data: { ...extra, seen } };
}

/** A delivery plan: which copies arrive, in which order, in which batches. */
export const deliveryArb = fc.record({
  order: fc.array(fc.nat(), { minLength: 1, maxLength: 80 }),
  duplicates: fc.array(fc.nat(), { maxLength: 20 }),
  batchSizes: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 10 }),
});

export type Delivery = typeof deliveryArb extends fc.Arbitrary<infer D> ? D : never;

export function deliver<T>(items: readonly T[], plan: Delivery): T[][] {
  const copies = [...items, ...plan.duplicates.map((pick) => items[pick % items.length]!)];
  const shuffled = copies
    .map((item, index) => ({ item, key: plan.order[index % plan.order.length]! * copies.length + index }))
    .sort((a, b) => a.key - b.key)
    .map(({ item }) => item);
  const batches: T[][] = [];
  for (let start = 0, turn = 0; start < shuffled.length; turn += 1) {
    const size = plan.batchSizes[turn % plan.batchSizes.length]!;
    batches.push(shuffled.slice(start, start + size));
    start += size;
  }
  return batches;
}
