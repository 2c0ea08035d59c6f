import { z } from 'zod';
import { DEVICE_ID_PATTERN } from './device-id';
import { HLC_PATTERN } from './hlc';

/**
 * An op is one domain event written by one device. Its `data` is only checked to be a JSON object
 * here; the capability that owns the op's type validates it when folding, so that ops of types
 * this version does not know can still be read, kept and re-folded after an upgrade.
 */

const MAX_OP_COUNTER = 999_999_999_999_999;
const OP_ID_PATTERN = /^([a-z2-7]{26}):(0|[1-9]\d{0,14})$/;
const KIND_PATTERN = /^[a-z][A-Za-z0-9]{0,31}$/;
const ENTITY_PATTERN = /^([a-z][A-Za-z0-9]{0,31}):([A-Za-z0-9._-]{1,128})$/;
const OP_TYPE_PATTERN = /^(?=.{3,64}$)[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/;

/** For op data that names another op, e.g. a log correction's `corrects`. */
export const opIdSchema = z.string().regex(OP_ID_PATTERN, 'not an op id (<deviceId>:<counter>)');

/** A JSON object (as JSON.parse makes): not an array, not a class instance. */
export const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

const FIELD_PATTERNS = [
  ['id', OP_ID_PATTERN, 'not an op id (<deviceId>:<counter>)'],
  ['hlc', HLC_PATTERN, 'not a hybrid logical clock timestamp'],
  ['type', OP_TYPE_PATTERN, 'not an op type (e.g. handover.submitted)'],
  ['entity', ENTITY_PATTERN, 'not an entity (<kind>:<id>)'],
] as const;

const OP_KEYS = ['id', 'hlc', 'type', 'entity', 'data'] as const;

/**
 * Why `value` is not an op, or null. Every op of every segment and cache read passes here, so it
 * is one plain pass (zod's object schema cost a second on 300k ops, on top of each capability's
 * own schema for `data`), and `data` is not copied.
 */
export function opProblem(value: unknown): string | null {
  if (!isPlainObject(value)) return 'not a JSON object';
  const keys = Object.keys(value);
  if (keys.length !== OP_KEYS.length || !OP_KEYS.every((key) => key in value)) {
    return `an op has exactly the keys ${OP_KEYS.join(', ')}; this one has ${keys.join(', ')}`;
  }
  for (const [field, pattern, message] of FIELD_PATTERNS) {
    const text = value[field];
    if (typeof text !== 'string' || !pattern.test(text)) return `${field}: ${message}`;
  }
  if (!isPlainObject(value.data)) return 'data: must be a JSON object';
  const id = value.id as string;
  if (!(value.hlc as string).endsWith(`-${id.slice(0, id.indexOf(':'))}`)) return 'op id and hlc name different devices';
  return null;
}

export interface OpFields {
  id: string;
  hlc: string;
  type: string;
  entity: string;
  data: Record<string, unknown>;
}

/** `opProblem` for zod boundaries (the outbox, the cache, a rescue): the same rules, as a schema. */
export const opSchema = z.custom<OpFields>().check((ctx) => {
  const problem = opProblem(ctx.value);
  if (problem !== null) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
});

export type Op = Readonly<OpFields>;

export function isKind(value: string): boolean {
  return KIND_PATTERN.test(value);
}

export function isOpType(value: string): boolean {
  return OP_TYPE_PATTERN.test(value);
}

export function formatOpId(deviceId: string, counter: number): string {
  if (!DEVICE_ID_PATTERN.test(deviceId)) throw new RangeError(`not a device id: ${deviceId}`);
  if (!Number.isInteger(counter) || counter < 0 || counter > MAX_OP_COUNTER) throw new RangeError(`bad op counter: ${counter}`);
  return `${deviceId}:${counter}`;
}

export function parseOpId(id: string): { deviceId: string; counter: number } | null {
  const match = OP_ID_PATTERN.exec(id);
  return match ? { deviceId: match[1]!, counter: Number(match[2]) } : null;
}

export function opDeviceId(op: Op): string {
  return op.id.slice(0, op.id.indexOf(':'));
}

export function entityRef(kind: string, id: string): string {
  const entity = `${kind}:${id}`;
  if (!ENTITY_PATTERN.test(entity)) throw new RangeError(`not an entity: ${entity}`);
  return entity;
}

/** Splits `<kind>:<id>`; the entity is assumed valid (ops are validated on the way in). */
export function splitEntity(entity: string): { kind: string; id: string } {
  const colon = entity.indexOf(':');
  return { kind: entity.slice(0, colon), id: entity.slice(colon + 1) };
}
