import type { Platform } from '../services/platform';

/** In a browser tab there is no native dialog or shell: the UI offers a path field, and the browser's print, instead. */
export const webPlatform: Platform = {
  host: 'web',
  versions: { node: process.versions.node, v8: process.versions.v8 },
  canPickFolder: false,
  pickFolder: async () => null,
  openExternal: async () => false,
  showInFolder: async () => false,
  savePdf: async () => ({ outcome: 'unsupported' }),
  notify: async () => false,
};
