export type { SyncCrypto } from './crypto';
export { DEVICE_ID_PATTERN, deviceIdFromRandom, isDeviceId } from './device-id';
export {
  HybridClock,
  MAX_COUNTER,
  MAX_WALL_MS,
  clockSkewMs,
  formatHlc,
  hlcSchema,
  parseHlc,
  type ClockJump,
  type Hlc,
} from './hlc';
export {
  entityRef,
  formatOpId,
  opDeviceId,
  opIdSchema,
  opSchema,
  parseOpId,
  splitEntity,
  type Op,
} from './op';
export { canonicalJson } from './canonical';
export { MAX_SEGMENT_BYTES, SEGMENT_FORMAT, type SegmentHeader } from './segment-format';
export { encodeSegment, type EncodedSegment, type SegmentDraft } from './segment-encode';
export { decodeSegment, type DecodedSegment, type SegmentRejection } from './segment-decode';
export {
  nameMatchesSegment,
  parseSegmentFileName,
  compactedFileName,
  segmentFileName,
  type SegmentFileName,
} from './segment-name';
export { conflictCopyOriginal, isSyncEngineTempName } from './foreign-files';
export { COMPACTION_POLICY, planCompaction, type CompactionPlan, type CompactionPolicy, type LogFile } from './compaction';
export { CausalGraph, MAX_SEEN, entityGraph, seenSchema, type CausalEvent } from './causal';
export {
  defineCapability,
  opsOfType,
  type AnyCapability,
  type Capability,
  type OpSchemas,
  type ReduceContext,
  type TypedOp,
} from './capability';
export { OpDataError, opBuilders, opDraft, type DraftData, type OpBuilders, type OpDraft } from './op-draft';
export { conflictingFields, foldLww, lwwSetData, lwwSetSchema, type LwwField, type LwwFields, type LwwSet, type LwwValue } from './lww';
export { correctsSchema, foldLog, type FoldedLog, type LogOp } from './log';
export { foldTombstone, tombstoneSchema, type OpRef, type Tombstone } from './tombstone';
export { concurrentClashes, type WorkflowEvent } from './workflow';
export { createSyncState } from './fold';
export {
  SNAPSHOT_FORMAT,
  type ApplyResult,
  type EntityEntry,
  type EntitySummary,
  type StoredSummary,
  type SummariesToStore,
  type FoldSnapshot,
  type HeldEntity,
  type OpClash,
  type OpVerdict,
  type OpFilter,
  type ReduceFailure,
  type SetAsideOp,
  type SyncState,
} from './sync-state';
export {
  DEVICE_FILE_FORMAT,
  TEAM_FILE_FORMAT,
  deviceFileSchema,
  teamFileSchema,
  teamFileText,
  type DeviceFile,
  type TeamFile,
} from './team-files';
export type { ReadonlySyncState, TrustPlug, TrustSource } from './trust-plug';
