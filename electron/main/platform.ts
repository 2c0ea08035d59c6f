import { stat, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { Notification, app, dialog, shell, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { isExternalWebUrl } from '../../shared/security/csp';
import type { Platform } from '../services/platform';

function runtimeVersions(): Record<string, string> {
  const wanted = ['electron', 'chrome', 'node', 'v8'] as const;
  return Object.fromEntries(wanted.flatMap((key) => (process.versions[key] ? [[key, process.versions[key]]] : [])));
}

/** The desktop's abilities: native folder picker and save dialog, the system shell, print to PDF. */
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
    async savePdf(fileName) {
      const window = currentWindow();
      if (!window) return { outcome: 'canceled' };
      const options: SaveDialogOptions = {
        defaultPath: join(app.getPath('documents'), fileName),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const choice = await dialog.showSaveDialog(window, options);
      if (choice.canceled || !choice.filePath) return { outcome: 'canceled' };
      // The window shows the note; its print stylesheet turns it into a document (no nav, no buttons).
      const pdf = await window.webContents.printToPDF({ pageSize: 'A4', preferCSSPageSize: true });
      await writeFile(choice.filePath, pdf);
      return { outcome: 'saved', path: choice.filePath };
    },
    async notify(title, body) {
      if (!Notification.isSupported()) return false;
      // Clicking it brings the window back, where the briefing shows the thing.
      const notification = new Notification({ title, body });
      notification.on('click', () => {
        const window = currentWindow();
        if (window?.isMinimized()) window.restore();
        window?.focus();
      });
      notification.show();
      return true;
    },
  };
}
