import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOpId } from '../../shared/sync';
import { note } from '../sync/example-capabilities';
import { computer, filesIn, listing, logDir, noteEdit, publishedOps, startService, teamFolder } from './helpers';

/** A profile copied whole to a second computer (a disk image, a backup restored elsewhere). */
function copyProfile(profileDir: string, sharedDir: string) {
  const place = computer(sharedDir, 'copy');
  cpSync(profileDir, place.profileDir, { recursive: true });
  return place;
}

describe('a copied profile', () => {
  it('is detected by the copy, which takes a new device id, moves its unpublished edits and overwrites nothing', async () => {
    const { sharedDir, founder, founderPlace } = await teamFolder();
    founder.record([noteEdit('before the copy', 'k0')]);
    await founder.flushNow();
    const oldId = founder.deviceId;
    const copyPlace = copyProfile(founderPlace.profileDir, sharedDir);
    const copy = startService(copyPlace);
    await copy.ready;
    expect(copy.deviceId).toBe(oldId);

    // Both write as the same device: the same op counter, different edits.
    const [onCopy] = copy.record([noteEdit('written on the copy', 'k-copy')]);
    const [onOriginal] = founder.record([noteEdit('written on the original', 'k-orig')]);
    expect(onCopy!.id).toBe(onOriginal!.id);
    await founder.flushNow();
    const oldFolder = listing(join(sharedDir, 'baton', 'devices', oldId));

    await copy.syncNow();
    const status = copy.getStatus();
    expect(copy.deviceId).not.toBe(oldId);
    expect(status.deviceId).toBe(copy.deviceId);
    expect(status.notices).toContainEqual(
      expect.objectContaining({ kind: 'device-cloned', data: { oldDeviceId: oldId, newDeviceId: copy.deviceId } }),
    );
    // The copy's edit was published under the new id, in the new device's folder.
    const moved = [...publishedOps(sharedDir, copy.deviceId).values()].flat();
    expect(moved.map((op) => [parseOpId(op.id)!.deviceId, op.entity])).toEqual([[copy.deviceId, 'note:k-copy']]);
    expect(JSON.parse(readFileSync(join(sharedDir, 'baton', 'devices', copy.deviceId, 'device.json'), 'utf8'))).toMatchObject({
      deviceId: copy.deviceId,
      memberName: 'Alice',
    });
    // The old device's folder is exactly as the original left it.
    expect(listing(join(sharedDir, 'baton', 'devices', oldId))).toEqual(oldFolder);
    const identity = JSON.parse(readFileSync(join(copyPlace.profileDir, 'sync', 'identity.json'), 'utf8'));
    expect(identity.replaced.map((entry: { deviceId: string }) => entry.deviceId)).toEqual([oldId]);

    // Both computers see both edits, and agree.
    await founder.syncNow();
    await copy.syncNow();
    for (const service of [founder, copy]) {
      expect(service.state.get(note, 'k-copy')).toMatchObject({ fields: { title: { value: 'written on the copy' } } });
      expect(service.state.get(note, 'k-orig')).toMatchObject({ fields: { title: { value: 'written on the original' } } });
    }
    expect(founder.deviceId).toBe(oldId);
    expect(founder.getStatus().stateHash).toBe(copy.getStatus().stateHash);
  });

  it('is detected by both when both published as the same device before either looked; no edit stays hidden', async () => {
    const { sharedDir, founder, founderPlace } = await teamFolder();
    founder.record([noteEdit('first', 'f1')]);
    await founder.flushNow();
    const oldId = founder.deviceId;
    const copy = startService(copyProfile(founderPlace.profileDir, sharedDir));
    await copy.ready;
    founder.record([noteEdit('a', 'fa')]);
    copy.record([noteEdit('b', 'fb')]);
    // Publish without a poll in between: the first seals seq 2; so does the second.
    await Promise.all([founder.flushNow(), copy.flushNow()]);
    await founder.syncNow();
    await copy.syncNow();
    expect(filesIn(logDir(sharedDir, oldId)).length).toBeGreaterThanOrEqual(2);
    expect(founder.deviceId === oldId && copy.deviceId === oldId).toBe(false);
    await founder.syncNow();
    await copy.syncNow();
    for (const service of [founder, copy]) {
      for (const id of ['f1', 'fa', 'fb']) expect(service.state.get(note, id)).toBeDefined();
    }
    expect(founder.getStatus().stateHash).toBe(copy.getStatus().stateHash);
  });
});
