import { join } from 'node:path';
import type { briefingOperations } from '../../../shared/api/briefing-contract';
import type { exportOperations } from '../../../shared/api/export-contract';
import { ApiFailure } from '../../../shared/api/result';
import type { ReadonlySyncState } from '../../../shared/sync/trust-plug';
import type { HandlersOf } from '../dispatch';
import { exportState } from '../export/export-folder';
import { ExportPlaceError } from '../export/write-export';
import type { BriefingService } from './briefing-service';

/** The briefing, and the OS notifications the renderer decides on from it (`notify`: the host's). */
export function briefingHandlers(service: BriefingService, notify: (title: string, body: string) => Promise<boolean>): HandlersOf<typeof briefingOperations> {
  return {
    getBriefing: async ({ noticesSeenAt }) => service.get(noticesSeenAt ?? 0),
    showNotification: async ({ title, body }) => ({ shown: await notify(title, body) }),
  };
}

export interface ExportSource {
  readonly state: () => ReadonlySyncState;
  readonly teamName: () => string | null;
  readonly sharedDir: () => string;
  /** The export folder and each file written there, for "Show in folder". */
  readonly written: (...paths: string[]) => void;
}

/** Settings → Export everything: the app's own fold, written where the person chose. */
export function exportHandlers(source: ExportSource): HandlersOf<typeof exportOperations> {
  return {
    exportTeamData: async ({ path }) => {
      try {
        const files = await exportState(source.state(), source.teamName(), path, source.sharedDir(), Date.now());
        // The folder last: of a very large export, the oldest files are forgotten first, never the folder.
        source.written(...files.map((file) => join(path, ...file.split('/'))), path);
        return { path, files: files.length };
      } catch (error) {
        if (error instanceof ExportPlaceError) throw new ApiFailure('forbidden', error.message);
        throw error;
      }
    },
  };
}
