import { copyFileSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPACTION_POLICY, parseSegmentFileName } from '../../shared/sync';
import { computer, filesIn, logDir, noteEdit, publishedOps, startService, stopService, teamFolder } from './helpers';

/** Publishes `count` segments of one edit each. */
async function publishSegments(service: ReturnType<typeof startService>, count: number, tag: string): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    service.record([noteEdit(`${tag} ${index}`, `${tag}${index}`)]);
    await service.flushNow();
  }
}

const kinds = (names: readonly string[]) => names.map((name) => parseSegmentFileName(name)?.kind);
const deviceStateOf = (profileDir: string, teamId: string) =>
  JSON.parse(readFileSync(join(profileDir, 'sync', 'teams', teamId, 'device-state.json'), 'utf8')) as {
    deviceId: string;
    compactions: Array<{ fileName: string; firstSeq: number; lastSeq: number }>;
  };

describe('compacting this device’s own segments', () => {
  it('merges a run of sealed segments into one c- file holding the same ops, and deletes the originals', async () => {
    const { sharedDir, founder, founderPlace } = await teamFolder();
    const before = founder.state.opsCount;
    await publishSegments(founder, COMPACTION_POLICY.minRun + 2, 'a');

    const names = filesIn(logDir(sharedDir, founder.deviceId));
    expect(kinds(names).filter((kind) => kind === 'compacted')).toHaveLength(1);
    expect(names.length).toBeLessThan(COMPACTION_POLICY.minRun);
    const ops = [...publishedOps(sharedDir, founder.deviceId).values()].flat();
    expect(new Set(ops.map((op) => op.id)).size).toBe(ops.length);
    expect(ops).toHaveLength(founder.state.opsCount);
    expect(founder.state.opsCount).toBe(before + COMPACTION_POLICY.minRun + 2);
    const state = deviceStateOf(founderPlace.profileDir, founder.getStatus().teamId!);
    expect(state.compactions).toMatchObject([{ firstSeq: 1 }]);
  });

  it('gives a computer reading the folder for the first time, and one that read the originals, the same state', async () => {
    const { sharedDir, founder } = await teamFolder();
    const early = startService(computer(sharedDir, 'early'), { memberName: 'Bob' });
    await early.ready;
    await publishSegments(founder, COMPACTION_POLICY.minRun - 2, 'b');
    await early.pollNow();
    await publishSegments(founder, 6, 'c');
    await early.pollNow();
    const late = startService(computer(sharedDir, 'late'), { memberName: 'Carol' });
    await late.ready;

    const hash = founder.getStatus().stateHash;
    expect(early.getStatus().stateHash).toBe(hash);
    expect(late.getStatus().stateHash).toBe(hash);
    expect(early.getStatus().setAside).toEqual([]);
    expect(late.getStatus().setAside).toEqual([]);
  });

  it('keeps its device id after a restart that re-reads the folder: its compacted file is its own, not a copied profile’s', async () => {
    const { sharedDir, founder, founderPlace } = await teamFolder();
    await publishSegments(founder, COMPACTION_POLICY.minRun + 1, 'd');
    const deviceId = founder.deviceId;
    const teamId = founder.getStatus().teamId!;
    await stopService(founder);
    rmSync(join(founderPlace.profileDir, 'sync', 'teams', teamId, 'cache'), { recursive: true });
    const again = startService(founderPlace);
    await again.ready;
    again.record([noteEdit('after restart')]);
    await again.flushNow();
    expect(again.deviceId).toBe(deviceId);
    expect(kinds(filesIn(logDir(sharedDir, deviceId)))).toContain('compacted');
  });

  it('publishes the originals again when someone deletes the compacted file', async () => {
    const { sharedDir, founder } = await teamFolder();
    await publishSegments(founder, COMPACTION_POLICY.minRun + 1, 'e');
    const dir = logDir(sharedDir, founder.deviceId);
    const compacted = filesIn(dir).find((name) => parseSegmentFileName(name)?.kind === 'compacted')!;
    unlinkSync(join(dir, compacted));
    await founder.pollNow();
    const fresh = startService(computer(sharedDir, 'fresh'), { memberName: 'Dan' });
    await fresh.ready;
    expect(fresh.getStatus().stateHash).toBe(founder.getStatus().stateHash);
  });

  it('removes an original an interrupted compaction left behind, once the compacted file verifies', async () => {
    const { sharedDir, founder, founderPlace } = await teamFolder();
    await publishSegments(founder, COMPACTION_POLICY.minRun + 1, 'f');
    const dir = logDir(sharedDir, founder.deviceId);
    const teamId = founder.getStatus().teamId!;
    const first = filesIn(join(founderPlace.profileDir, 'sync', 'teams', teamId, 'own-segments'))[0]!;
    copyFileSync(join(founderPlace.profileDir, 'sync', 'teams', teamId, 'own-segments', first), join(dir, first));
    await publishSegments(founder, 1, 'g');
    expect(filesIn(dir)).not.toContain(first);
  });
});
