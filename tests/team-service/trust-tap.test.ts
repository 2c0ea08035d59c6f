import { describe, expect, it } from 'vitest';
import { tapTrust } from '../../electron/services/team/trust-tap';
import { createSyncState } from '../../shared/sync';
import { trustPlugin, type TeamRoot } from '../../shared/team';
import { ed25519KeyPair } from '../sync/node-crypto';

const team: TeamRoot = { rootDeviceId: 'r'.repeat(26), rootPublicKey: ed25519KeyPair().publicKey };

describe('the trust tap', () => {
  it('hands the service the plug as it is, keeping only its last answer', () => {
    const plug = trustPlugin(team);
    const tapped = tapTrust(() => plug);
    const seen = tapped.source({ ...team, format: 'baton/team@1', teamId: 't'.repeat(26), name: '运营组', created: '2026-01-05T00:00:00.000Z' });
    expect(seen.rosterKinds).toEqual(plug.rosterKinds);
    // One refilter round suffices for this plug; a tap that dropped this made the app pass over every op twice.
    expect(seen.judgesHeldOps).toBe(true);
    expect(seen.publicKeyFor?.(team.rootDeviceId)).toBe(team.rootPublicKey);
    expect(tapped.latest()).toBeNull();
    seen.filterFor(createSyncState([]), new Map());
    expect(tapped.latest()?.roster.rootDeviceId).toBe(team.rootDeviceId);
  });
});
