import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alice, bob, campaignInput, requestInput, syncAll, TestTeam } from './helpers';

const PHONE = '13812341234';
const ADDRESS = '上海市徐汇区漕溪北路88号';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('a prize request from request to closing, on two computers', () => {
  it('approves, fulfils, keeps contacts out of the log, records each reveal, and deletes the file after the retention', async () => {
    const team = new TestTeam();
    const a = await team.open(alice, ['editor'], { create: true });
    const b = await team.open(bob, ['lead', 'editor']);
    await syncAll(a, b);

    const campaign = b.service.saveCampaign(null, campaignInput(bob));
    if (!campaign.ok) throw new Error(JSON.stringify(campaign.issues));
    await syncAll(b, a);
    const submitted = await a.service.submit(requestInput(campaign.id, [{ prize: '蓝牙耳机', quantity: 2, unitValueFen: 19_999 }]), null);
    if (!submitted.ok) throw new Error(JSON.stringify(submitted.issues));
    await syncAll(a, b);
    expect(b.service.getOverview().waiting.map((item) => item.request.id)).toEqual([submitted.id]);
    expect(() => a.service.decide(submitted.id, 0, 'approve', '')).toThrow(/not waiting for you/);
    expect(b.service.decide(submitted.id, 0, 'approve', '')).toMatchObject({ ok: true });
    await syncAll(b, a);
    const approved = a.service.getRequest(submitted.id);
    expect(approved.view.status).toBe('approved');
    expect(approved.campaignBudget).toMatchObject({ committedFen: 39_998, spentFen: 0, remainingFen: 60_002 });

    expect(a.service.importWinners(submitted.id, 'weibo name,prize\n"broken,1\n')).toMatchObject({ ok: false, issues: [{ code: 'bad-csv' }] });
    expect(a.service.importWinners(submitted.id, `${'粉丝,1\n'.repeat(10_000)}`)).toMatchObject({ ok: false, issues: [{ code: 'too-many' }] });
    expect(a.service.getRequest(submitted.id).view.winners).toEqual([]);
    expect(a.service.importWinners(submitted.id, '微博昵称,奖品\n小蓝,1\n阿紫,蓝牙耳机\n')).toMatchObject({ ok: true, added: 2 });
    const [first] = a.service.getRequest(submitted.id).view.winners;
    expect(await a.service.storeContact(submitted.id, first!.id, PHONE, ADDRESS)).toMatchObject({ ok: true });
    await syncAll(a, b);

    const contact = b.service.getRequest(submitted.id).view.winners[0]!.contact!;
    expect(contact.masked).toEqual({ phone: '138****1234', address: '上海市徐汇区****' });
    expect(b.service.reveal(submitted.id, first!.id)).toEqual({ phone: PHONE, address: ADDRESS });
    await syncAll(b, a);
    expect(a.service.getRequest(submitted.id).view.winners[0]!.reveals.map((reveal) => reveal.by.name)).toEqual(['老王']);

    const privateFile = join(team.sharedDir, 'baton', 'devices', a.sync.deviceId, 'private', `${contact.fileId}.json`);
    expect(existsSync(privateFile)).toBe(true);
    for (const winner of a.service.getRequest(submitted.id).view.winners) a.service.ship(submitted.id, winner.id, '顺丰', `SF${winner.id}`);
    expect(a.service.closeRequest(submitted.id)).toMatchObject({ ok: true });
    await syncAll(a, b);
    expect(b.service.getRequest(submitted.id).view.status).toBe('closed');
    expect(b.service.getRequest(submitted.id).campaignBudget?.spentFen).toBe(39_998);
    // The contact files do not disturb the sync: nothing set aside.
    expect(a.sync.getStatus().setAside).toEqual([]);

    team.clock += 29 * 86_400_000;
    a.service.housekeeping();
    expect(existsSync(privateFile)).toBe(true);
    team.clock += 2 * 86_400_000;
    a.service.housekeeping();
    expect(existsSync(privateFile)).toBe(false);
    await syncAll(a, b);
    expect(b.service.getRequest(submitted.id).view.winners[0]!.contact?.purged).toBe(true);
    expect(() => b.service.reveal(submitted.id, first!.id)).toThrow(/no contact details/);
    // The log never held them: no file left in the shared folder or the profiles has the number.
    for (const file of filesUnder(team.root)) expect(readFileSync(file).includes(PHONE), file).toBe(false);
  });
});
