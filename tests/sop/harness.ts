import type { Op, SyncState } from '../../shared/sync';
import type { Person } from '../../shared/team-settings';
import type { Role } from '../../shared/team/roles';
import { shiftChecklist, sop, sopDocs, type ChecklistDef, type SopDoc, type SopTeam, type SopState } from '../../shared/sop';
import type { OpDraft as OpDraftLike } from '../../shared/sync';
import { ALICE, BOB, CAROL, TestDevice } from '../sync/devices';
import { LI, WANG, ZHAO, foldedReplica } from '../support/sample-team';

/** The sample team (tests/support/sample-team.ts): Wang leads (device Alice), Li and Zhao are editors. */
export { HOUR, LI, MINUTE, WANG, ZHAO, shanghai } from '../support/sample-team';

export const DEVICE_OF: Record<string, string> = { [ALICE]: WANG.memberId, [BOB]: LI.memberId, [CAROL]: ZHAO.memberId };

/** Leads hold lead and editor, the others editor, unless `roles` says otherwise for someone. */
export function team(leads: readonly string[] = [WANG.memberId], roles: Readonly<Record<string, Role[]>> = {}): SopTeam {
  const people = [WANG, LI, ZHAO];
  return {
    memberOfDevice: (deviceId) => DEVICE_OF[deviceId] ?? null,
    leadCount: leads.length,
    members: people.map((person) => ({ ...person, roles: roles[person.memberId] ?? (leads.includes(person.memberId) ? ['lead', 'editor'] : ['editor']) })),
  };
}

export const replica = (ops: readonly Op[] = []): SyncState => foldedReplica([sop, shiftChecklist], ops);

export function docsOf(ops: readonly Op[], sopTeam: SopTeam | null = team()): SopDoc[] {
  return sopDocs(replica(ops).list(sop).map((entry) => entry.state as SopState), sopTeam);
}

export function docOf(ops: readonly Op[], sopTeam: SopTeam | null = team()): SopDoc {
  return docsOf(ops, sopTeam)[0]!;
}

/** A device writing the builders' drafts, with its member's name in the data. */
export class Writer {
  readonly device: TestDevice;
  constructor(
    deviceId: string,
    readonly person: Person,
  ) {
    this.device = new TestDevice(deviceId);
  }
  get stamp() {
    return { by: this.person, at: 0 };
  }
  write(wallMs: number, draft: OpDraftLike): Op {
    return this.device.op(wallMs, draft.type, draft.entity, { ...draft.data, at: wallMs });
  }
}

export const wang = () => new Writer(ALICE, WANG);
export const li = () => new Writer(BOB, LI);
export const zhao = () => new Writer(CAROL, ZHAO);

export function postItem(overrides: Partial<ChecklistDef> = {}): ChecklistDef {
  return {
    id: 'product-posts',
    title: '产品博文',
    kind: 'post',
    contentType: 'product',
    times: ['10:00', '15:00'],
    everyMinutes: null,
    shiftTypeIds: ['early'],
    days: 'weekdays',
    holidays: 'skip',
    ...overrides,
  };
}
