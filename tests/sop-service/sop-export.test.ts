import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportFolder } from '../../electron/services/export/export-folder';
import { exportSops } from '../../electron/services/sop/sop-export';
import { appSyncConfig } from '../../electron/services/sync/app-sync-config';
import { builtCli } from '../support/cli';
import { tempDir } from '../sync-service/helpers';
import { call, teamOfThree } from '../team-service/team-apps';

const baton = builtCli();

/** A PNG header and some bytes of its own: a distinct blob per `label`. */
const png = (label: string) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(label)]);

/** A published SOP whose text shows two pictures: one stored, one whose blob never reached the folder. */
async function sopWithPictures() {
  const team = await teamOfThree();
  const { admin: lead, editor } = team;
  const put = await call<{ ok: true; attachment: { sha256: string; name: string; mime: string; size: number } }>(editor, 'putAttachment', { name: '后台截图.png', dataBase64: png('后台截图').toString('base64') });
  const absent = { ...put.attachment, sha256: createHash('sha256').update('never stored').digest('hex'), name: '没传上来.png' };
  const body = `# 发布步骤\n\n![后台截图](picture:${put.attachment.sha256})\n\n![没传上来](picture:${absent.sha256})\n`;
  const saved = await call<{ id: string; revision: string }>(editor, 'saveSopRevision', { id: null, parents: [], title: '发布操作', body, checklist: [], pictures: [put.attachment, absent], area: 'content' });
  await call(editor, 'submitSopRevision', { id: saved.id, revision: saved.revision });
  await team.syncAll();
  await call(lead, 'publishSopRevision', { id: saved.id, revision: saved.revision, minor: false });
  await team.syncAll();
  return { ...team, picture: put.attachment, bytes: png('后台截图') };
}

/** Every Markdown image link in the file, resolved against the file's folder. */
function pictureLinks(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((match) => resolve(dirname(file), match[1]!));
}

describe('SOP export', () => {
  it('exports every published SOP as Markdown with its metadata in front matter, drafts left out', async () => {
    const { admin, editor, sharedDir, syncAll } = await teamOfThree();
    await call(admin, 'addStarterSops', { language: 'en' });
    await call(editor, 'saveSopRevision', { id: null, parents: [], title: 'A draft', body: 'not published', checklist: [], area: 'team' });
    await syncAll();
    const out = join(tempDir('export'), 'sops');
    const report = await exportSops(sharedDir, out, appSyncConfig());
    if (!report.available) throw new Error(report.detail);
    expect(report.written).toHaveLength(9);
    const content = report.written.find((name) => name.startsWith('content-'))!;
    const text = readFileSync(join(out, content), 'utf8');
    expect(text).toMatch(/^---\nid: "[^"]+"\ntitle: "Daily content plan"\narea: "content"\nversion: 1\n/);
    expect(text).toContain('requiredRoles: ["editor"]');
    expect(text).toContain('\n---\n# Daily content plan\n\n## What to post, how many, when');
  });

  it('`baton sop export` copies the pictures next to the Markdown and links them relatively; a picture not in the folder is named in the text and the report', async () => {
    const { sharedDir, picture, bytes } = await sopWithPictures();
    const out = join(tempDir('sop-export-cli'), 'sops');
    const { stdout } = await baton('sop', 'export', '--shared', sharedDir, '--out', out);
    const report = JSON.parse(stdout) as { written: string[]; missingPictures: { file: string; picture: string }[] };
    const markdown = report.written.find((name) => name.endsWith('.md'))!;
    expect(report.written).toEqual([markdown, `pictures/${picture.sha256}.png`]);
    expect(report.missingPictures).toEqual([{ file: markdown, picture: '没传上来.png' }]);

    const text = readFileSync(join(out, markdown), 'utf8');
    expect(text).toContain(`![后台截图](pictures/${picture.sha256}.png)`);
    expect(text).toContain('*（图片未能导出 picture not exported: 没传上来）*');
    expect(text).not.toContain('picture:');
    const links = pictureLinks(join(out, markdown));
    expect(links).toHaveLength(1);
    expect(readFileSync(links[0]!).equals(bytes)).toBe(true);
  });

  it('the whole export carries the same pictures under sops/pictures/, and every link in sops/ resolves', async () => {
    const { sharedDir, picture, bytes } = await sopWithPictures();
    const out = join(tempDir('export-all'), 'export');
    const outcome = await exportFolder(sharedDir, out, Date.now());
    expect(outcome).toMatchObject({ available: true, files: expect.arrayContaining([`sops/pictures/${picture.sha256}.png`]) });
    const markdown = readdirSync(join(out, 'sops')).filter((name) => name.endsWith('.md'));
    const links = markdown.flatMap((name) => pictureLinks(join(out, 'sops', name)));
    expect(links).toEqual([join(out, 'sops', 'pictures', `${picture.sha256}.png`)]);
    for (const link of links) expect(existsSync(link) && readFileSync(link).equals(bytes)).toBe(true);
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toContain('sops/pictures/');
  });
});
