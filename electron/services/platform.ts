import type { PdfOutcome } from '../../shared/api/contract';

/** What only the host can do: Electron uses native dialogs and the shell, the web host cannot. */
export interface Platform {
  readonly host: 'electron' | 'web';
  readonly versions: Record<string, string>;
  readonly canPickFolder: boolean;
  pickFolder(): Promise<string | null>;
  /** Called only with URLs already checked to be http(s). */
  openExternal(url: string): Promise<boolean>;
  showInFolder(path: string): Promise<boolean>;
  /** Asks where to save, then prints the window to that PDF; `fileName` is already safe for any file system. */
  savePdf(fileName: string): Promise<PdfOutcome>;
  /** An OS notification; false where the host has none (the web host: the page uses the browser's). */
  notify(title: string, body: string): Promise<boolean>;
}
