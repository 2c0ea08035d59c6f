import { z } from 'zod';
import type { Capability, OpSchemas } from './capability';
import { entityRef } from './op';

/**
 * An edit as a capability's builder makes it and a service records it (`sync.record(drafts)`);
 * the writing device gives it its id and hlc.
 */
export interface OpDraft {
  readonly type: string;
  readonly entity: string;
  readonly data: Record<string, unknown>;
}

/** A builder was given data its op's schema refuses: a bug in the caller, caught before it is published. */
export class OpDataError extends Error {
  constructor(
    readonly opType: string,
    readonly issues: string,
  ) {
    super(`${opType}: the data does not fit the op's schema, nothing was written:\n${issues}`);
    this.name = 'OpDataError';
  }
}

/**
 * What a builder takes: the schema's input, read-only all the way down (callers hand over the
 * folded state's read-only values), and a record's entries may be missing (`seen` of a field
 * nobody wrote).
 */
export type DraftData<T> =
  T extends ReadonlyArray<infer U>
    ? ReadonlyArray<DraftData<U>>
    : T extends object
      ? { readonly [K in keyof T]: DraftData<T[K]> | (string extends keyof T ? undefined : never) }
      : T;

/**
 * One op of `capability` on its entity `<kind>:<id>`, its `data` checked against the schema the
 * capability declares for `type`. The data is written as given: the check only proves that every
 * device will fold it, rather than publish it and have it refused everywhere.
 */
export function opDraft<O extends OpSchemas, T extends keyof O & string>(
  capability: Capability<unknown, O>,
  type: T,
  id: string,
  data: DraftData<z.input<O[T]>>,
): OpDraft {
  const schema = capability.ops[type];
  if (schema === undefined) throw new OpDataError(type, `${capability.kind} has no op type ${type}`);
  const checked = schema.safeParse(data);
  if (!checked.success) throw new OpDataError(type, z.prettifyError(checked.error));
  // Every op's data is an object (the op schema says so); the schema just checked this one.
  return { type, entity: entityRef(capability.kind, id), data: data as Record<string, unknown> };
}

/** `handover.submitted` → `submitted`: the builder's name, within its capability. */
type Verb<T extends string> = T extends `${string}.${infer V}` ? V : never;

export type OpBuilders<O extends OpSchemas> = {
  readonly [T in keyof O & string as Verb<T>]: (id: string, data: DraftData<z.input<O[T]>>) => OpDraft;
};

/**
 * The typed builders of a capability, one per op type, named by the part after the kind
 * (`handoverOps.submitted(id, data)`, `teamSettingsOps.set('team', data)`), so that an op type's
 * name exists once: as a key of the capability's `ops`.
 */
export function opBuilders<O extends OpSchemas>(capability: Capability<unknown, O>): OpBuilders<O> {
  const builders: Record<string, (id: string, data: never) => OpDraft> = {};
  for (const type of Object.keys(capability.ops) as Array<keyof O & string>) {
    const verb = type.slice(type.indexOf('.') + 1);
    if (verb in builders) throw new RangeError(`${capability.kind}: two op types end in .${verb}`);
    builders[verb] = (id: string, data: DraftData<z.input<O[typeof type]>>) => opDraft(capability, type, id, data);
  }
  return builders as OpBuilders<O>;
}
