import * as Automerge from '@automerge/automerge';
import type { Op } from '../shared/sync/op';

/**
 * The peer: the same team history as Automerge changes, one change per segment (a device's ops
 * of one shift). Built through Automerge's document backend (put / insert / commit), which skips
 * re-materialising the JavaScript view after every change (building M through `change()` took
 * minutes). Strings are plain scalar strings, not per-character text: notes and comments are never
 * edited in place, and it is the cheaper choice for Automerge. For the same reason what is never
 * edited (a submitted note, a follow-up as created, an acknowledgement, a comment) is one JSON
 * string, not a map of fields; only the fields people edit (a follow-up's status, owner, due
 * time...) are fields of a map (building M field by field took half of the generator's time).
 * One actor: a many-actor history only makes Automerge's document larger and slower to load. So
 * the comparison favours the peer.
 */
type Obj = Record<string, unknown>;
type Backend = ReturnType<typeof Automerge.getBackend>;
type ObjId = Parameters<Backend['put']>[0];

const idOf = (entity: string) => entity.slice(entity.indexOf(':') + 1);

/** Writes `value` under `key` of a map, or appends it to a list (`key` null). */
function write(backend: Backend, parent: ObjId, key: string | null, value: unknown): void {
  if (Array.isArray(value)) {
    const list = key === null ? backend.pushObject(parent, []) : backend.putObject(parent, key, []);
    for (const item of value) write(backend, list, null, item);
  } else if (value !== null && typeof value === 'object') {
    const map = key === null ? backend.pushObject(parent, {}) : backend.putObject(parent, key, {});
    for (const [field, item] of Object.entries(value)) write(backend, map, field, item);
  } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) {
    const type = typeof value === 'string' ? 'str' : typeof value === 'number' ? (Number.isInteger(value) ? 'int' : 'f64') : undefined;
    if (key === null) backend.push(parent, value, type);
    else backend.put(parent, key, value, type);
  }
}

export class PeerHistory {
  private readonly backend: Backend;
  private readonly maps = new Map<string, ObjId>();
  private readonly lists = new Map<string, ObjId>();
  changes = 0;

  constructor() {
    this.backend = Automerge.getBackend(Automerge.init<Obj>({ actor: 'ba7000000000000000000000000000be' }));
    for (const key of ['members', 'settings', 'handovers', 'followUps']) this.maps.set(key, this.backend.putObject('_root', key, {}));
    this.backend.commit('init', 0);
  }

  /** One Automerge change for one segment's ops. */
  addBatch(ops: readonly Op[], wallMs: number): void {
    for (const op of ops) this.applyOp(op);
    this.backend.commit(null, Math.floor(wallMs / 1000));
    this.changes += 1;
  }

  save(): Uint8Array {
    return this.backend.save();
  }

  private child(parentKey: string, id: string, value: Obj, listField: string): void {
    const parent = this.maps.get(parentKey)!;
    const map = this.backend.putObject(parent, id, {});
    for (const [field, item] of Object.entries(value)) write(this.backend, map, field, item);
    this.maps.set(`${parentKey}:${id}`, map);
    this.lists.set(`${parentKey}:${id}`, this.backend.putObject(map, listField, []));
  }

  /** Appends an entry that is never edited: a string as it is, anything else as one JSON string. */
  private push(key: string, value: unknown): void {
    const list = this.lists.get(key);
    if (list === undefined) return;
    this.backend.push(list, typeof value === 'string' ? value : JSON.stringify(value), 'str');
  }

  private set(key: string, values: Obj): void {
    const map = this.maps.get(key);
    if (map === undefined) return;
    for (const [field, item] of Object.entries(values)) write(this.backend, map, field, item);
  }

  private applyOp(op: Op): void {
    const id = idOf(op.entity);
    const data = op.data as Obj;
    switch (op.type) {
      case 'member.approved':
        if (!this.maps.has(`members:${id}`)) this.child('members', id, { roles: data.roles }, 'devices');
        return this.push(`members:${id}`, data.deviceId as string);
      case 'member.profileSet':
        return this.set(`members:${id}`, { name: (data.set as Obj).displayName });
      case 'teamSettings.set':
        return this.set('settings', data.set as Obj);
      case 'handover.submitted':
        return this.child('handovers', id, { note: JSON.stringify(data) }, 'acks');
      case 'handover.acknowledged':
        return this.push(`handovers:${id}`, data);
      case 'followUp.created':
        return this.child('followUps', id, { created: JSON.stringify(data), status: 'open' }, 'comments');
      case 'followUp.updated':
        return this.set(`followUps:${id}`, data.set as Obj);
      case 'followUp.commented':
        return this.push(`followUps:${id}`, data);
      default:
        return;
    }
  }
}

/** Loads a saved peer document and reads what the briefing would (the lists of notes and follow-ups). */
export function loadPeer(bytes: Uint8Array): { handovers: number; followUps: number } {
  const doc = Automerge.load<Obj>(bytes);
  return { handovers: Object.keys(doc.handovers as Obj).length, followUps: Object.keys(doc.followUps as Obj).length };
}
