import { stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { dialog, shell, type BrowserWindow, type OpenDialogOptions } from 'electron';
import { isExternalWebUrl } from '../../shared/security/csp';
import type { Platform } from '../services/platform';

function runtimeVersions(): Record<string, string> {
  const wanted = ['electron', 'chrome', 'node', 'v8'] as const;
  return Object.fromEntries(wanted.flatMap((key) => (process.versions[key] ? [[key, process.versions[key]]] : [])));
}

/** The desktop's abilities: native folder picker and the system shell. */
export function electronPlatform(currentWindow: () => BrowserWindow | null): Platform {
  return {
    host: 'electron',
    versions: runtimeVersions(),
    canPickFolder: true,
    async pickFolder() {
      const options: OpenDialogOptions = { properties: ['openDirectory', 'createDirectory'] };
      const window = currentWindow();
      // Attached to the window so the dialog is modal to it and cannot get lost behind it.
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async openExternal(url) {
      // Checked again here: the shell would also launch file:, smb: or custom-scheme handlers.
      if (!isExternalWebUrl(url)) return false;
      await shell.openExternal(url);
      return true;
    },
    async showInFolder(path) {
      if (!isAbsolute(path)) return false;
      try {
        await stat(path);
      } catch {
        return false;
      }
      shell.showItemInFolder(path);
      return true;
    },
  };
}
