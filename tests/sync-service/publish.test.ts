import { existsSync, readFileSync } from 'node:fs';
import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { PublishFs } from '../../electron/services/sync/write/publisher';
import { isBatonTempName } from '../../electron/services/sync/durable-fs';
import { deviceFileSchema, parseSegmentFileName } from '../../shared/sync';
import { note } from '../sync/example-capabilities';
import { computer, filesIn, logDir, noteEdit, publishedOps, startService, teamFolder } from './helpers';

const deviceState = (profileDir: string, teamId: string) =>
  JSON.parse(readFileSync(join(profileDir, 'sync', 'teams', teamId, 'device-state.json'), 'utf8')) as { segments: Array<{ seq: number; fileName: string }> };
const outboxText = (profileDir: string) => readFileSync(join(profileDir, 'sync', 'outbox.jsonl'), 'utf8');

describe('publishing the outbox', () => {
  it('seals every outbox op into one segment, verifies it, records it, then clears the outbox', async () => {
    const { sharedDir, founder, founderPlace } = await teamFolder();
    const ops = founder.record([noteEdit('一', 'p1'), noteEdit('二', 'p2')]);
    ops.push(...founder.record([noteEdit('三', 'p3')]));
    await founder.flushNow();

    const published = publishedOps(sharedDir, founder.deviceId);
    expect([...published.keys()]).toHaveLength(1);
    const [name, inFile] = [...published.entries()][0]!;
    expect(parseSegmentFileName(name)).toMatchObject({ kind: 'sealed', seq: 1 });
    expect(inFile).toEqual(ops);
    expect(outboxText(founderPlace.profileDir)).toBe('');
    const status = founder.getStatus();
    expect(status).toMatchObject({ available: true, pendingOutbox: 0, teamName: '运营组' });
    expect(deviceState(founderPlace.profileDir, status.teamId!).segments).toMatchObject([{ seq: 1, fileName: name }]);
    // A copy to publish again should the folder lose it.
    expect(readFileSync(join(founderPlace.profileDir, 'sync', 'teams', status.teamId!, 'own-segments', name))).toEqual(
      readFileSync(join(logDir(sharedDir, founder.deviceId), name)),
    );
    const device = deviceFileSchema.parse(JSON.parse(readFileSync(join(sharedDir, 'baton', 'devices', founder.deviceId, 'device.json'), 'utf8')));
    expect(device).toMatchObject({ deviceId: founder.deviceId, memberName: 'Alice', appVersion: '0.1.0-test' });
  });

  it('chains segments: the next one names the previous one as prev', async () => {
    const { sharedDir, founder } = await teamFolder();
    founder.record([noteEdit('a')]);
    await founder.flushNow();
    founder.record([noteEdit('b')]);
    await founder.flushNow();
    const names = filesIn(logDir(sharedDir, founder.deviceId));
    expect(names.map((name) => parseSegmentFileName(name))).toMatchObject([{ kind: 'sealed', seq: 1 }, { kind: 'sealed', seq: 2 }]);
    const second = readFileSync(join(logDir(sharedDir, founder.deviceId), names[1]!), 'utf8');
    expect(JSON.parse(second.split('\n')[0]!).prev.slice(0, 8)).toBe(names[0]!.slice(13, 21));
  });

  it('keeps the outbox when the segment does not read back right, and publishes the same bytes later', async () => {
    let lie = true;
    const publishFs: PublishFs = {
      rename,
      readFile: async (path) => {
        const bytes = await readFile(path);
        if (lie) bytes[bytes.length - 5] ^= 1;
        return bytes;
      },
    };
    const { sharedDir, founder: _founder, founderPlace } = await teamFolder();
    await _founder.close();
    const service = startService(founderPlace, { publishFs });
    await service.ready;
    service.record([noteEdit('must not be lost', 'v1')]);
    await service.flushNow();
    expect(service.getStatus()).toMatchObject({ pendingOutbox: 1, lastPublishAt: null });
    expect(service.getStatus().notices.map((notice) => notice.kind)).toContain('publish-failed');
    expect(outboxText(founderPlace.profileDir)).toContain('must not be lost');
    const firstTry = filesIn(logDir(sharedDir, service.deviceId));

    lie = false;
    service.record([noteEdit('recorded meanwhile', 'v2')]);
    await service.flushNow();
    expect(service.getStatus().pendingOutbox).toBe(0);
    const published = publishedOps(sharedDir, service.deviceId);
    // The first segment was published as sealed (not re-sealed with more ops under the same seq).
    expect(filesIn(logDir(sharedDir, service.deviceId))).toEqual([...firstTry, ...[...published.keys()].slice(firstTry.length)]);
    expect([...published.values()].map((ops) => ops.map((op) => op.entity))).toEqual([['note:v1'], ['note:v2']]);
  });

  it('retries a rename refused with EPERM for a while, losing nothing', async () => {
    let refusals = 0;
    const publishFs: PublishFs = {
      rename: async (from, to) => {
        if (to.endsWith('.jsonl') && refusals < 3) {
          refusals += 1;
          throw Object.assign(new Error('held by a virus scanner'), { code: 'EPERM' });
        }
        await rename(from, to);
      },
      readFile: (path) => readFile(path),
    };
    const { sharedDir, founder: first, founderPlace } = await teamFolder();
    await first.close();
    const service = startService(founderPlace, { publishFs });
    await service.ready;
    const ops = service.record([noteEdit('稳住')]);
    await service.flushNow();
    expect(refusals).toBe(3);
    expect([...publishedOps(sharedDir, service.deviceId).values()]).toEqual([ops]);
    expect(service.getStatus().pendingOutbox).toBe(0);
  });

  it('keeps the outbox while the rename is refused for longer, leaves no temp file, and publishes later', async () => {
    let refuse = true;
    const publishFs: PublishFs = {
      rename: async (from, to) => {
        if (refuse && to.endsWith('.jsonl')) throw Object.assign(new Error('busy'), { code: 'EBUSY' });
        await rename(from, to);
      },
      readFile: (path) => readFile(path),
    };
    const { sharedDir, founder: first, founderPlace } = await teamFolder();
    await first.close();
    const service = startService(founderPlace, { publishFs, renameRetries: 2 });
    await service.ready;
    const ops = service.record([noteEdit('等一等')]);
    await service.flushNow();
    expect(service.getStatus().pendingOutbox).toBe(1);
    expect(filesIn(logDir(sharedDir, service.deviceId)).filter(isBatonTempName)).toEqual([]);
    expect(filesIn(logDir(sharedDir, service.deviceId))).toEqual([]);
    refuse = false;
    await service.syncNow();
    expect([...publishedOps(sharedDir, service.deviceId).values()]).toEqual([ops]);
  });

  it('publishes on its own, the edits recorded together in one segment', async () => {
    const { sharedDir, founder: first, founderPlace } = await teamFolder();
    await first.close();
    const service = startService(founderPlace, { flushDelayMs: 20 });
    await service.ready;
    service.record([noteEdit('x1')]);
    service.record([noteEdit('x2')]);
    service.record([noteEdit('x3')]);
    await vi.waitFor(() => expect(service.getStatus().pendingOutbox).toBe(0), { timeout: 10_000 });
    expect([...publishedOps(sharedDir, service.deviceId).values()].map((ops) => ops.length)).toEqual([3]);
  });

  it('shows the edits of one computer on another, and both fold to the same state', async () => {
    const { sharedDir, founder } = await teamFolder();
    const other = startService(computer(sharedDir, 'bob'), { memberName: 'Bob' });
    await other.ready;
    founder.record([noteEdit('Alice 写的', 'shared-note')]);
    await founder.flushNow();
    other.record([noteEdit('Bob 写的', 'bob-note')]);
    await other.syncNow();
    await founder.syncNow();
    expect(other.state.get(note, 'shared-note')).toMatchObject({ fields: { title: { value: 'Alice 写的' } } });
    expect(founder.state.get(note, 'bob-note')).toMatchObject({ fields: { title: { value: 'Bob 写的' } } });
    expect(founder.getStatus().stateHash).toBe(other.getStatus().stateHash);
    const devices = founder.getStatus().devices.map((device) => [device.memberName, device.segments]);
    expect(devices.sort()).toEqual([['Alice', 1], ['Bob', 1]]);
    expect(existsSync(join(sharedDir, 'baton', 'devices', other.deviceId, 'device.json'))).toBe(true);
  });
});
