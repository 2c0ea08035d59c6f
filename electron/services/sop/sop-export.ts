import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Attachment } from '../../../shared/attachments';
import { exportedPicturePath, publishedRevision, resolvePictures, sop, sopDocs, sopTeamOf, type SopDoc, type SopState } from '../../../shared/sop';
import type { AppSyncConfig } from '../sync/app-sync-config';
import { readSharedBlob } from '../sync/blob-store';
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
  | { readonly available: true; readonly written: readonly string[]; readonly missingPictures: readonly MissingPicture[] };

/** The bytes of a blob, null while it has not arrived (`readSharedBlob`). */
export type BlobReader = (sha256: string) => Promise<Uint8Array | null>;

/** A file of the SOP export, its path relative to the folder the Markdown files go in. */
export interface SopExportFile {
  readonly path: string;
  readonly content: string | Uint8Array;
}

/** A picture an SOP shows whose blob is not in the shared folder (yet): its place says so in the text. */
export interface MissingPicture {
  readonly file: string;
  readonly picture: string;
}

/**
 * The published version as Markdown. `link(picture)` is where the export put the picture's file
 * (relative to the Markdown), null when it could not: the reference then becomes a note in the
 * text instead of a link that leads nowhere.
 */
export function exportedMarkdown(doc: SopDoc, link: (picture: Attachment) => string | null = () => null): string | null {
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
  const body = resolvePictures(
    revision.body,
    (sha256) => {
      const picture = revision.pictures.find((candidate) => candidate.sha256 === sha256);
      return picture ? link(picture) : null;
    },
    (caption) => `*（图片未能导出 picture not exported: ${caption}）*`,
  );
  return `---\n${front.join('\n')}\n---\n# ${revision.title}\n\n${body.endsWith('\n') ? body : `${body}\n`}`;
}

/**
 * Every published SOP as `<area>-<id>.md`, and the pictures they show copied next to them under
 * `pictures/` (each once), linked relatively so the folder reads anywhere without Baton.
 */
export async function sopExportFiles(docs: readonly SopDoc[], readBlob: BlobReader): Promise<{ files: SopExportFile[]; missingPictures: MissingPicture[] }> {
  const markdown: SopExportFile[] = [];
  const pictures = new Map<string, SopExportFile>();
  const missingPictures: MissingPicture[] = [];
  for (const doc of docs) {
    const shown = publishedRevision(doc)?.revision.pictures ?? [];
    const copied = new Set<string>();
    for (const picture of shown) {
      const path = exportedPicturePath(picture);
      const bytes = pictures.has(path) ? null : await readBlob(picture.sha256);
      if (bytes) pictures.set(path, { path, content: bytes });
      if (pictures.has(path)) copied.add(picture.sha256);
    }
    const path = `${doc.meta.area}-${doc.id}.md`;
    const text = exportedMarkdown(doc, (picture) => (copied.has(picture.sha256) ? exportedPicturePath(picture) : null));
    if (text === null) continue;
    markdown.push({ path, content: text });
    missingPictures.push(...shown.filter((picture) => !copied.has(picture.sha256)).map((picture) => ({ file: path, picture: picture.name })));
  }
  return { files: [...markdown, ...pictures.values()], missingPictures };
}

export async function exportSops(sharedDir: string, outDir: string, config: AppSyncConfig): Promise<SopExportReport> {
  const tap = config.trust ? tapTrust(config.trust) : null;
  const folded = await foldFolder(sharedDir, tap ? { ...config, trust: tap.source } : config, nodeReaderFs, nodeCrypto);
  if (!folded.available) return { available: false, reason: folded.reason, detail: folded.detail };
  const roster = tap?.latest()?.roster ?? null;
  const states = folded.fold.state.list(sop).map((entry) => entry.state as SopState);
  const { files, missingPictures } = await sopExportFiles(sopDocs(states, roster && sopTeamOf(roster)), (sha256) => readSharedBlob(sharedDir, sha256));
  for (const file of files) {
    const target = join(outDir, ...file.path.split('/'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.content);
  }
  return { available: true, written: files.map((file) => file.path).sort(), missingPictures };
}
