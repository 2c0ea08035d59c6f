import { z } from 'zod';
import type { SyncCrypto } from '../../../../shared/sync/crypto';
import { DEVICE_ID_PATTERN } from '../../../../shared/sync/device-id';
import { isPlainObject, type Op } from '../../../../shared/sync/op';
import { ed25519SigSchema, sha256HexSchema, signedHashMessage } from '../../../../shared/sync/segment-format';
import type { DormantEntity, HeldEntity, OpVerdict } from '../../../../shared/sync/sync-state';
import { deviceFileSchema, type DeviceFile } from '../../../../shared/sync/team-files';
import { ingestedFileSchema, type IngestedFile } from '../read/ingested-file';
import { inSharedMemory, surveyOffThread, type SnapshotSurvey } from './off-thread-survey';
import { asBuffer, lastLineStart, lineText, newlineFrom } from './utf16-lines';

/**
 * The folded snapshot format, `baton/snapshot@1`: every op a fold holds, grouped by entity in fold
 * order with what the schemas made of each, and the files they came from. A computer that starts
 * from one takes those files as read: no reading, verifying or validating of each op again.
 *
 * Lines of UTF-16LE text, each ending in "\n":
 *   line 1          header   {"format":"baton/snapshot@1","teamId","deviceId","createdAt","schemas","opCount","entityCount"}
 *   line 2          files    [ …ingested files… ]     the files whose ops it holds: a reader need not read them
 *   line 3          devices  [ …device.json files… ]  the keys those files were verified with
 *   lines 4…n-1     one entity each: [entity,[[id,hlc,type,data]…](,verdicts)]
 *   line n          trailer  {"sha256","sig"}
 * `sha256` covers the bytes of every line before the trailer; `sig` is the writer's Ed25519
 * signature of `baton/snapshot@1 <sha256>` (as a segment's). UTF-16LE because turning it into a
 * string is a copy, where decoding UTF-8 (mostly Chinese) costs nearly as much as parsing it. A
 * line per entity lets a reader fold one entity's ops while the next is parsed, instead of holding
 * the whole parsed file and its copy at once. An op is a tuple (the line names its entity once):
 * parsing keys costs more than the arrays save. `verdicts` maps the index of each op that does not
 * simply count as written to `{"t":data}` (counted as its schema returned it), `{"u":1}` (unknown
 * to the writer) or `{"i":reason}` (broke its schema).
 */
export const FOLDED_SNAPSHOT_FORMAT = 'baton/snapshot@1';
/** Larger than any team's three years (M: ~160 MB); a larger file is not read. */
export const MAX_SNAPSHOT_BYTES = 1024 * 1024 * 1024;

const headerSchema = z.strictObject({
  format: z.literal(FOLDED_SNAPSHOT_FORMAT),
  teamId: z.string().min(1),
  deviceId: z.string().regex(DEVICE_ID_PATTERN),
  createdAt: z.number().int().nonnegative(),
  /** schemaFingerprint of the writer's capabilities: verdicts are taken only under the same schemas. */
  schemas: sha256HexSchema,
  opCount: z.number().int().nonnegative(),
  entityCount: z.number().int().nonnegative(),
});
export type SnapshotHeader = z.output<typeof headerSchema>;

const trailerSchema = z.strictObject({ sha256: sha256HexSchema, sig: ed25519SigSchema });
const filesSchema = z.array(ingestedFileSchema);
const devicesSchema = z.array(deviceFileSchema);

export interface SnapshotContent {
  readonly teamId: string;
  readonly deviceId: string;
  readonly createdAt: number;
  readonly schemas: string;
  readonly files: readonly IngestedFile[];
  readonly devices: readonly DeviceFile[];
  readonly entities: readonly HeldEntity[];
}

export interface EncodedSnapshot {
  readonly bytes: Buffer;
  readonly sha256: string;
  readonly fileName: string;
  readonly header: SnapshotHeader;
}

export interface DecodedSnapshot {
  readonly header: SnapshotHeader;
  readonly files: readonly IngestedFile[];
  readonly devices: readonly DeviceFile[];
  /**
   * Parsed while iterated, once: throws on a malformed line or when the lines do not add up to
   * the header's counts (after the last one), so a fold filled from it must be dropped then.
   */
  readonly entities: Iterable<HeldEntity | DormantEntity>;
  /** The sha256 its signed trailer names (an index of it names the same). */
  readonly sha256: string;
  /**
   * Whether the bytes hash to what the signed trailer says. Bytes in shared memory (a large file,
   * reader-fs) are hashed on another thread while the entities are parsed: a fold filled from the
   * snapshot is kept only once this is true.
   */
  readonly intact: Promise<boolean>;
  /** The snapshot's size in bytes. */
  readonly size: number;
  /** Where each entity line lies (for the local cache's index); surveyed on another thread. */
  readonly survey: () => Promise<SnapshotSurvey>;
}

const SNAPSHOT_NAME = /^(\d{15})-([0-9a-f]{8})\.snap$/;

export const isSnapshotName = (name: string): boolean => SNAPSHOT_NAME.test(name);

const signedMessage = (sha256: string) => signedHashMessage(FOLDED_SNAPSHOT_FORMAT, sha256);

export function encodeSnapshot(content: SnapshotContent, privateKeyPem: string, crypto: SyncCrypto): EncodedSnapshot {
  const lines = content.entities.map(({ entity, ops, verdicts }) =>
    JSON.stringify(verdicts ? [entity, ops.map(storedOp), mapValues(verdicts, storedVerdict)] : [entity, ops.map(storedOp)]),
  );
  const header = headerSchema.parse({
    format: FOLDED_SNAPSHOT_FORMAT,
    teamId: content.teamId,
    deviceId: content.deviceId,
    createdAt: content.createdAt,
    schemas: content.schemas,
    opCount: content.entities.reduce((sum, entity) => sum + entity.ops.length, 0),
    entityCount: lines.length,
  });
  const body = Buffer.from(`${[JSON.stringify(header), JSON.stringify(content.files), JSON.stringify(content.devices), ...lines].join('\n')}\n`, 'utf16le');
  const sha256 = crypto.sha256Hex(body);
  const trailer = Buffer.from(`${JSON.stringify({ sha256, sig: crypto.sign(privateKeyPem, signedMessage(sha256)) })}\n`, 'utf16le');
  const fileName = `${String(content.createdAt).padStart(15, '0')}-${sha256.slice(0, 8)}.snap`;
  return { bytes: Buffer.concat([body, trailer]), sha256, fileName, header };
}

/** Where an encoded snapshot's entity lines lie (for the local cache's index), surveyed on another thread. */
export function surveyEncoded(encoded: EncodedSnapshot): Promise<SnapshotSurvey> {
  return surveyOffThread(inSharedMemory(encoded.bytes.subarray(0, lastLineStart(encoded.bytes))), { whole: false, lines: true });
}

/** The header in a snapshot's first bytes, unverified (for deciding when to write the next one); null if unreadable. */
export function snapshotHeaderOf(firstBytes: Uint8Array): SnapshotHeader | null {
  const bytes = asBuffer(firstBytes);
  const end = newlineFrom(bytes, 0);
  const header = end < 0 ? null : parsed(headerSchema, lineText(bytes, 0, end), 'header');
  return header?.ok ? header.value : null;
}

/** `outdated`: written by a version with other op schemas, as happens after an update; anything else is damage or forgery. */
export type SnapshotVerdict =
  | { readonly ok: true; readonly snapshot: DecodedSnapshot }
  | { readonly ok: false; readonly detail: string; readonly outdated?: true };

export interface SnapshotExpectation {
  readonly teamId: string;
  readonly schemas: string;
  /** The key the snapshot must be signed with, for the device its header names. */
  readonly publicKeyFor: (deviceId: string) => string | undefined;
}

export const DAMAGED = 'its hash does not match (damaged)';

/** Checks, in order: shape, team and schemas, integrity (or, off-thread, `intact`), authenticity, then (as it is read) the body's shape. */
export function decodeSnapshot(bytes: Uint8Array, expect: SnapshotExpectation, crypto: SyncCrypto): SnapshotVerdict {
  if (bytes.length > MAX_SNAPSHOT_BYTES) return refuse(`${bytes.length} bytes; the limit is ${MAX_SNAPSHOT_BYTES}`);
  if (bytes.length % 2 !== 0) return refuse('not UTF-16 text (an odd number of bytes)');
  // Lines are decoded one at a time: one 160 MB string would sit in the heap through the whole
  // start and make every garbage collection meanwhile a full one.
  const buffer = asBuffer(bytes);
  const trailerStart = lastLineStart(buffer);
  const head = decodeHead(buffer, expect);
  if (!head.ok) return head;
  if (trailerStart < head.entitiesFrom) return refuse('incomplete (no trailer)');
  const trailer = decodeTrailer(buffer.subarray(trailerStart), head.header, expect, crypto);
  if (!trailer.ok) return trailer;
  const signed = bytes.subarray(0, trailerStart);
  const shared = signed.buffer instanceof SharedArrayBuffer;
  if (!shared && crypto.sha256Hex(signed) !== trailer.sha256) return refuse(DAMAGED);
  // The lines are surveyed only when an index is written (after the start): the start waits for the hash alone.
  const intact = shared
    ? surveyOffThread(signed, { whole: true, lines: false }).then(
        ({ sha256 }) => sha256 === trailer.sha256,
        () => false,
      )
    : Promise.resolve(true);
  const survey = () => surveyOffThread(inSharedMemory(signed), { whole: false, lines: true });
  const entities = entityLines(buffer, head.entitiesFrom, trailerStart, head.header);
  return { ok: true, snapshot: { header: head.header, files: head.files, devices: head.devices, entities, sha256: trailer.sha256, intact, size: bytes.length, survey } };
}

export type SnapshotHead =
  | { readonly ok: true; readonly header: SnapshotHeader; readonly files: readonly IngestedFile[]; readonly devices: readonly DeviceFile[]; readonly entitiesFrom: number }
  | { readonly ok: false; readonly detail: string; readonly outdated?: true };

/** The three head lines (header, files, devices) at the start of `bytes`, checked against `expect`. */
export function decodeHead(bytes: Uint8Array, expect: Omit<SnapshotExpectation, 'publicKeyFor'>): SnapshotHead {
  const buffer = asBuffer(bytes);
  const line = (from: number, to: number) => lineText(buffer, from, to);
  const headerEnd = newlineFrom(buffer, 0);
  const filesEnd = headerEnd < 0 ? -1 : newlineFrom(buffer, headerEnd + 2);
  const devicesEnd = filesEnd < 0 ? -1 : newlineFrom(buffer, filesEnd + 2);
  if (devicesEnd < 0) return refuse('incomplete (no trailer)');
  const header = parsed(headerSchema, line(0, headerEnd), 'header');
  if (!header.ok) return header;
  if (header.value.teamId !== expect.teamId) return refuse(`it belongs to team ${header.value.teamId}`);
  if (header.value.schemas !== expect.schemas) return { ok: false, detail: 'written by a version of Baton with other op schemas', outdated: true };
  const files = parsed(filesSchema, line(headerEnd + 2, filesEnd), 'the file list');
  if (!files.ok) return files;
  const devices = parsed(devicesSchema, line(filesEnd + 2, devicesEnd), 'the device list');
  if (!devices.ok) return devices;
  return { ok: true, header: header.value, files: files.value, devices: devices.value, entitiesFrom: devicesEnd + 2 };
}

/** The trailer line (with its "\n"): its hash, once its signature by the header's device is checked. */
export function decodeTrailer(bytes: Uint8Array, header: SnapshotHeader, expect: Pick<SnapshotExpectation, 'publicKeyFor'>, crypto: SyncCrypto): { ok: true; sha256: string } | { ok: false; detail: string } {
  const trailer = parsed(trailerSchema, lineText(asBuffer(bytes), 0, bytes.length - 2), 'trailer');
  if (!trailer.ok) return trailer;
  const key = expect.publicKeyFor(header.deviceId);
  if (!key || !crypto.verify(key, signedMessage(trailer.value.sha256), trailer.value.sig)) return refuse(`not signed by device ${header.deviceId}`);
  return { ok: true, sha256: trailer.value.sha256 };
}

/** The entity lines, parsed as they are iterated. */
function* entityLines(buffer: Buffer, from: number, to: number, header: SnapshotHeader): Generator<HeldEntity> {
  let entities = 0;
  let ops = 0;
  for (let start = from; start < to; ) {
    const end = newlineFrom(buffer, start);
    const entity = entityOfLine(buffer, start, end);
    ops += entity.ops.length;
    yield entity;
    entities += 1;
    start = end + 2;
  }
  if (entities !== header.entityCount || ops !== header.opCount) {
    throw new Error(`the snapshot holds ${entities} entities and ${ops} ops; its header says ${header.entityCount} and ${header.opCount}`);
  }
}

/** One entity line (bytes `from` up to its "\n"), shape-checked; throws if it is not one. */
export function entityOfLine(bytes: Uint8Array, from: number, to: number): HeldEntity {
  return heldEntity(JSON.parse(lineText(asBuffer(bytes), from, to)));
}

function storedOp({ id, hlc, type, data }: Op): unknown[] {
  return [id, hlc, type, data];
}

function storedVerdict(verdict: OpVerdict): unknown {
  return verdict.status === 'unknown' ? { u: 1 } : verdict.status === 'invalid' ? { i: verdict.reason } : { t: verdict.typedData };
}

function mapValues<A, B>(record: Readonly<Record<number, A>>, map: (value: A) => B): Record<string, B> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}

const UNKNOWN: OpVerdict = { status: 'unknown' };

/**
 * One entity line, shape-checked. Not each op against its schema: the hash and signature say a
 * trusted Baton wrote them, and the header's fingerprint that it judged them with our schemas.
 */
function heldEntity(item: unknown): HeldEntity {
  if (!Array.isArray(item) || typeof item[0] !== 'string' || !Array.isArray(item[1])) throw new Error('an entity line is not [name, ops]');
  const [entity, tuples, verdicts] = item as [string, unknown[], unknown];
  const ops = tuples.map((tuple): Op => {
    if (!Array.isArray(tuple) || typeof tuple[0] !== 'string' || typeof tuple[1] !== 'string' || typeof tuple[2] !== 'string' || !isPlainObject(tuple[3])) {
      throw new Error(`an op of ${entity} is not [id, hlc, type, data]`);
    }
    return { id: tuple[0], hlc: tuple[1], type: tuple[2], entity, data: tuple[3] };
  });
  if (verdicts === undefined) return { entity, ops };
  if (!isPlainObject(verdicts)) throw new Error(`the verdicts of ${entity} are not a record`);
  return { entity, ops, verdicts: Object.fromEntries(Object.entries(verdicts).map(([index, value]) => [index, verdictOf(value)])) };
}

function verdictOf(value: unknown): OpVerdict {
  if (typeof value === 'object' && value !== null) {
    if ('t' in value) return { status: 'valid', typedData: value.t };
    if ('u' in value) return UNKNOWN;
    if ('i' in value && typeof value.i === 'string') return { status: 'invalid', reason: value.i };
  }
  throw new Error('an op verdict is malformed');
}

function parsed<T>(schema: z.ZodType<T>, line: string, what: string): { ok: true; value: T } | { ok: false; detail: string } {
  try {
    const result = schema.safeParse(JSON.parse(line));
    return result.success ? { ok: true, value: result.data } : refuse(`${what}: ${z.prettifyError(result.error)}`);
  } catch {
    return refuse(`${what} is not JSON`);
  }
}

function refuse(detail: string): { ok: false; detail: string } {
  return { ok: false, detail };
}
