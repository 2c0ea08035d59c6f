import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { publishedRevision, sop, sopDocs, sopTeamOf, type SopDoc, type SopState } from '../../../shared/sop';
import type { AppSyncConfig } from '../sync/app-sync-config';
import { foldFolder } from '../sync/folder-fold';
import { nodeCrypto } from '../sync/node-crypto';
import { nodeReaderFs } from '../sync/reader-fs';
import { tapTrust } from '../team/trust-tap';

/**
 * `baton sop export`: every published SOP as a Markdown file a person can read without Baton,
 * its metadata in front matter (each value JSON, which YAML reads too). Reads the team folder
 * from scratch with the app's capabilities and trust plug, so it exports what every device shows.
 */

export type SopExportReport =
  | { readonly available: false; readonly reason: string; readonly detail: string }
  | { readonly available: true; readonly written: readonly string[] };

export function exportedMarkdown(doc: SopDoc): string | null {
  const published = publishedRevision(doc);
  if (!published) return null;
  const { revision, publication, version } = published;
  const fields: Record<string, unknown> = {
    id: doc.id,
    title: revision.title,
    area: doc.meta.area,
    version,
    revision: revision.opId,
    publishedAt: new Date(publication.at).toISOString(),
    publishedBy: publication.by.name,
    minorChange: publication.minor,
    author: revision.by.name,
    owner: doc.meta.owner?.name ?? null,
    backupOwner: doc.meta.backupOwner?.name ?? null,
    reviewBy: doc.meta.reviewBy,
    requiredRoles: doc.meta.requiredRoles,
    shiftTypes: doc.meta.shiftTypeIds,
    checklist: revision.checklist,
  };
  const front = Object.entries(fields).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  return `---\n${front.join('\n')}\n---\n# ${revision.title}\n\n${revision.body.endsWith('\n') ? revision.body : `${revision.body}\n`}`;
}

export async function exportSops(sharedDir: string, outDir: string, config: AppSyncConfig): Promise<SopExportReport> {
  const tap = config.trust ? tapTrust(config.trust) : null;
  const folded = await foldFolder(sharedDir, tap ? { ...config, trust: tap.source } : config, nodeReaderFs, nodeCrypto);
  if (!folded.available) return { available: false, reason: folded.reason, detail: folded.detail };
  const roster = tap?.latest()?.roster ?? null;
  const states = folded.fold.state.list(sop).map((entry) => entry.state as SopState);
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const doc of sopDocs(states, roster && sopTeamOf(roster))) {
    const text = exportedMarkdown(doc);
    if (text === null) continue;
    const name = `${doc.meta.area}-${doc.id}.md`;
    await writeFile(join(outDir, name), text, 'utf8');
    written.push(name);
  }
  return { available: true, written: written.sort() };
}
