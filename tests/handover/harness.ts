import fc from 'fast-check';
import { lwwSetData, type Op, type SyncState } from '../../shared/sync';
import { SECTION_KEYS, followUp, handover, type FollowUpCreatedData, type FollowUpFields, type HandoverSubmittedData, type Sections } from '../../shared/handover';
import { teamSettings, type Person } from '../../shared/team-settings';
import type { TestDevice } from '../sync/devices';
import { nodeCrypto } from '../sync/node-crypto';
import { deliver, deliveryArb } from '../sync/scenario';
import { WANG, foldedReplica, shanghai } from '../support/sample-team';

/** The sample team's people and clock (tests/support/sample-team.ts), and the ops the app will write for them. */
export { HOUR, LI, MINUTE, WANG, ZHAO, shanghai } from '../support/sample-team';

export const replica = (ops: readonly Op[] = []): SyncState => foldedReplica([teamSettings, handover, followUp], ops);

/**
 * Folds `ops` in many arrival orders (batches, repeats, any order) and checks that each ends in
 * the state folding them at once gives, then runs `check` on it.
 */
export function inEveryArrivalOrder(ops: readonly Op[], check: (state: SyncState) => void = () => undefined): void {
  const reference = replica(ops).stateHash(nodeCrypto);
  fc.assert(
    fc.property(deliveryArb, (plan) => {
      const state = replica();
      for (const batch of deliver(ops, plan)) state.apply(batch);
      if (state.stateHash(nodeCrypto) !== reference) throw new Error(`a different state after ${JSON.stringify(plan)}`);
      check(state);
    }),
  );
}

export function sections(partial: Partial<Sections> = {}): Sections {
  return { ...Object.fromEntries(SECTION_KEYS.map((key) => [key, ''])), ...partial } as Sections;
}

/** The early shift of 5 Jan 2026 (08:00–16:00 Shanghai), written by Wang. */
export function noteData(overrides: Partial<HandoverSubmittedData> = {}): HandoverSubmittedData {
  return {
    date: '2026-01-05',
    shiftTypeId: 'early',
    shiftStartAt: shanghai('2026-01-05', '08:00'),
    shiftEndAt: shanghai('2026-01-05', '16:00'),
    author: WANG,
    at: shanghai('2026-01-05', '15:50'),
    sections: sections({ summary: '本班正常，微博发布两条。' }),
    attachments: [],
    followUpIds: [],
    ...overrides,
  };
}

export function submit(device: TestDevice, wallMs: number, id: string, data: HandoverSubmittedData = noteData()): Op {
  return device.op(wallMs, 'handover.submitted', `handover:${id}`, { ...data });
}

export function acknowledge(device: TestDevice, wallMs: number, id: string, by: Person): Op {
  return device.op(wallMs, 'handover.acknowledged', `handover:${id}`, { by, at: wallMs });
}

export function addendum(device: TestDevice, wallMs: number, id: string, author: Person, text: string, corrects?: string): Op {
  return device.op(wallMs, 'handover.addendum', `handover:${id}`, {
    text,
    attachments: [],
    author,
    at: wallMs,
    ...(corrects === undefined ? {} : { corrects }),
  });
}

export function followUpData(overrides: Partial<FollowUpCreatedData> = {}): FollowUpCreatedData {
  return {
    title: '回复粉丝关于物流的私信',
    owner: WANG,
    dueAt: shanghai('2026-01-05', '18:00'),
    category: 'other',
    createdBy: WANG,
    at: shanghai('2026-01-05', '10:00'),
    ...overrides,
  };
}

export function createFollowUp(device: TestDevice, wallMs: number, id: string, data: FollowUpCreatedData = followUpData()): Op {
  return device.op(wallMs, 'followUp.created', `followUp:${id}`, { ...data });
}

/** What the app does to edit a follow-up: write the change having seen what the device shows. */
export function editFollowUp(
  device: TestDevice,
  view: SyncState,
  wallMs: number,
  id: string,
  by: Person,
  changes: Partial<FollowUpFields>,
): Op {
  const current = view.get(followUp, id)?.fields;
  return device.op(wallMs, 'followUp.updated', `followUp:${id}`, { ...lwwSetData(current, changes), by, at: wallMs });
}

export function comment(device: TestDevice, wallMs: number, id: string, by: Person, text: string): Op {
  return device.op(wallMs, 'followUp.commented', `followUp:${id}`, { text, by, at: wallMs });
}
