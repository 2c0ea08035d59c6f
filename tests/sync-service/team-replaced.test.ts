import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { teamFileSchema, type TeamFile } from '../../shared/sync/team-files';
import { replaceRoot, type ReplacedRoot } from '../support/replaced-root';
import { note } from '../sync/example-capabilities';
import { computer, noteEdit, startService, stopService, teamFolder, testLog } from './helpers';

const teamFileOf = (sharedDir: string): TeamFile => teamFileSchema.parse(JSON.parse(readFileSync(join(sharedDir, 'baton', 'team.json'), 'utf8')));

function writeAll(sharedDir: string, replaced: ReplacedRoot): void {
  for (const [path, text] of replaced.files) {
    mkdirSync(dirname(join(sharedDir, path)), { recursive: true });
    writeFileSync(join(sharedDir, path), text);
  }
}

/** Issue 16, item 2: team.json replaced by another team's (another id and root), not only another root key. */
describe("team.json replaced by another team's", () => {
  it('a computer that joined refuses the folder with a clear reason and a log line, keeps its team, and does not open it after a restart either', async () => {
    const { sharedDir, founder, founderPlace } = await teamFolder();
    const memberPlace = computer(sharedDir, 'member');
    const memberLog = testLog();
    const member = startService(memberPlace, { memberName: 'Bob', log: memberLog });
    await member.ready;
    founder.record([noteEdit('早班交接', 'r1')]);
    await founder.flushNow();
    await member.syncNow();
    const real = teamFileOf(sharedDir);
    const before = member.getStatus();
    expect(before).toMatchObject({ available: true, teamId: real.teamId });

    const replaced = replaceRoot(real, { newTeamId: true });
    writeAll(sharedDir, replaced);
    member.record([noteEdit('晚班交接', 'r1')]);
    const refused = await member.syncNow();
    expect(refused).toMatchObject({ available: false, unavailableReason: 'team-replaced', teamId: real.teamId, pendingOutbox: 1 });
    expect(refused.unavailableDetail).toContain(`another team (${replaced.team.teamId}`);
    expect(memberLog.lines).toContainEqual(expect.stringMatching(/^warn \[sync\] the shared folder is unavailable \(team-replaced: baton\/team\.json names another team/));
    // The joined team's data stays shown (with the edit made meanwhile); nothing of the other team's.
    expect(member.state.get(note, 'r1')?.fields.title?.value).toBe('晚班交接');
    expect(readFileSync(join(sharedDir, 'baton', 'team.json'), 'utf8')).toContain(replaced.team.teamId);

    // Started again while the folder holds the other team.json: still refused, still the joined team.
    await stopService(member);
    const again = startService(memberPlace, { memberName: 'Bob' });
    await again.ready;
    expect(again.getStatus()).toMatchObject({ available: false, unavailableReason: 'team-replaced', teamId: real.teamId, pendingOutbox: 1 });
    expect(again.getStatus().stateHash).not.toBe(before.stateHash);

    // The team's own team.json back: the edit waiting is published and the founder sees it.
    writeFileSync(join(sharedDir, 'baton', 'team.json'), readFileSync(join(founderPlace.profileDir, 'sync', 'teams', real.teamId, 'team.json')));
    expect(await again.syncNow()).toMatchObject({ available: true, teamId: real.teamId, pendingOutbox: 0 });
    await founder.syncNow();
    expect(founder.getStatus().stateHash).toBe(again.getStatus().stateHash);
  });

  it("this computer's own new team in a folder where it knew another one is opened", async () => {
    const { sharedDir, founder } = await teamFolder();
    const old = teamFileOf(sharedDir).teamId;
    // The folder emptied and a new team made there by this same computer.
    rmSync(join(sharedDir, 'baton', 'team.json'));
    await founder.syncNow();
    const { team } = await founder.createTeam({ teamName: '新组', memberName: 'Alice' });
    expect(team.teamId).not.toBe(old);
    expect(founder.getStatus()).toMatchObject({ available: true, teamId: team.teamId });
  });
});
