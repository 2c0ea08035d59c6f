import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineCapability, opDeviceId, type TeamFile, type TrustPlug, type TrustSource } from '../../shared/sync';
import { note } from '../sync/example-capabilities';
import { computer, deviceKey, noteEdit, startService, teamFolder } from './helpers';

/** A tiny roster: one entity listing banned devices. Stands in for shared/team. */
const roster = defineCapability({
  kind: 'roster',
  ops: { 'roster.banned': z.object({ deviceId: z.string() }) },
  reduce: (ops) => ({ banned: ops.map((op) => op.data.deviceId).sort() }),
});

interface Calls {
  teams: TeamFile[];
  filters: Array<ReadonlyMap<string, string>>;
}

/** Ops count when their device has a device.json and is not banned; roster ops always count. */
function tinyTrust(calls: Calls, keys: Record<string, string> = {}): TrustSource {
  return (team) => {
    calls.teams.push(team);
    const plug: TrustPlug = {
      rosterKinds: ['roster'],
      filterFor(state, devices) {
        calls.filters.push(devices);
        const banned = new Set((state.get('roster:main') as { banned: string[] } | undefined)?.banned ?? []);
        return (op) => {
          if (op.entity.startsWith('roster:')) return true;
          if (!devices.has(opDeviceId(op))) return 'no device.json';
          return banned.has(opDeviceId(op)) ? 'banned' : true;
        };
      },
      publicKeyFor: (deviceId) => keys[deviceId],
    };
    return plug;
  };
}

describe('the trust hook', () => {
  it('refilters after a batch touches a roster kind, on every device alike', async () => {
    const { sharedDir, founder: plain } = await teamFolder();
    await plain.close();
    const calls: Calls = { teams: [], filters: [] };
    const trust = tinyTrust(calls);
    const alice = startService(computer(sharedDir, 'alice'), { capabilities: [note, roster], trust, memberName: 'Alice' });
    const bob = startService(computer(sharedDir, 'bob'), { capabilities: [note, roster], trust, memberName: 'Bob' });
    await Promise.all([alice.ready, bob.ready]);
    expect(calls.teams[0]).toMatchObject({ name: '运营组' });

    bob.record([noteEdit('Bob 的交接', 'by-bob')]);
    await bob.syncNow();
    await alice.syncNow();
    expect(alice.state.get(note, 'by-bob')).toBeDefined();
    expect(calls.filters.at(-1)?.has(bob.deviceId)).toBe(true);

    const before = calls.filters.length;
    alice.record([{ type: 'roster.banned', entity: 'roster:main', data: { deviceId: bob.deviceId } }]);
    expect(calls.filters.length).toBeGreaterThan(before);
    expect(alice.state.get(note, 'by-bob')).toBeUndefined();

    await alice.syncNow();
    await bob.syncNow();
    expect(bob.state.get(note, 'by-bob')).toBeUndefined();
    expect(bob.getStatus().stateHash).toBe(alice.getStatus().stateHash);
  });

  it('does not refilter for a batch without roster ops', async () => {
    const { sharedDir } = await teamFolder();
    const calls: Calls = { teams: [], filters: [] };
    const alice = startService(computer(sharedDir, 'alice'), { capabilities: [note, roster], trust: tinyTrust(calls) });
    await alice.ready;
    const before = calls.filters.length;
    alice.record([noteEdit('plain edit')]);
    expect(calls.filters.length).toBe(before);
  });

  it('verifies a device with the key the trust layer vouches for, over its device.json, and again when that key changes', async () => {
    const { sharedDir, founder } = await teamFolder();
    const bob = startService(computer(sharedDir, 'bob'), { memberName: 'Bob' });
    await bob.ready;
    bob.record([noteEdit('signed by Bob', 'b')]);
    await bob.syncNow();
    // The trust layer holds another key for Bob (say, the one its roster approved): his files fail.
    const keys: Record<string, string> = { [bob.deviceId]: deviceKey(sharedDir, founder.deviceId) };
    const calls: Calls = { teams: [], filters: [] };
    const carol = startService(computer(sharedDir, 'carol'), {
      capabilities: [note, roster],
      trust: tinyTrust(calls, keys),
      memberName: 'Carol',
    });
    await carol.ready;
    expect(carol.state.get(note, 'b')).toBeUndefined();
    expect(carol.getStatus().setAside.map((file) => file.reason)).toEqual(['bad-signature']);

    // The trust layer learns Bob's real key (say, his approval arrives): the file is looked at again.
    keys[bob.deviceId] = deviceKey(sharedDir, bob.deviceId);
    await carol.syncNow();
    expect(carol.state.get(note, 'b')).toBeDefined();
    expect(carol.getStatus().setAside).toEqual([]);
  });
});
