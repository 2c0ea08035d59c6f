import { describe, expect, it, vi } from 'vitest';
import { note } from '../sync/example-capabilities';
import { computer, noteEdit, startService, teamFolder } from './helpers';

describe('noticing changes in the folder', () => {
  it('picks them up by polling alone, with no file events at all', async () => {
    const { sharedDir, founder } = await teamFolder();
    const bob = startService(computer(sharedDir, 'bob'), { memberName: 'Bob', watch: false, pollIntervalMs: 50 });
    await bob.ready;
    founder.record([noteEdit('polled', 'p1')]);
    await founder.flushNow();
    await vi.waitFor(() => expect(bob.state.get(note, 'p1')).toBeDefined(), { timeout: 20_000 });
  });

  it('polls early on a file event, long before the next poll is due', async () => {
    const { sharedDir, founder } = await teamFolder();
    const bob = startService(computer(sharedDir, 'bob'), { memberName: 'Bob', watch: true, pollIntervalMs: 3_600_000 });
    await bob.ready;
    founder.record([noteEdit('watched', 'w1')]);
    await founder.flushNow();
    await vi.waitFor(() => expect(bob.state.get(note, 'w1')).toBeDefined(), { timeout: 20_000 });
  });
});
