import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { exportSops } from '../../electron/services/sop/sop-export';
import { appSyncConfig } from '../../electron/services/sync/app-sync-config';
import { tempDir } from '../sync-service/helpers';
import { call, teamOfThree } from '../team-service/team-apps';

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
