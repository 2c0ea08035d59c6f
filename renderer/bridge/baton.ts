import { createBatonApi } from '../../shared/api/client';
import type { BatonApi } from '../../shared/api/contract';
import { createHttpTransport } from './http-transport';

declare global {
  interface Window {
    /** Present inside Electron, where the preload exposes it. */
    baton?: BatonApi;
  }
}

/** The renderer's only way to the services: the preload bridge, or the web host's HTTP twin. */
export const baton: BatonApi = window.baton ?? createBatonApi(createHttpTransport());
