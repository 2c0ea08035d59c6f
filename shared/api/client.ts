import { eventNames, operationNames, subscriptionName } from './names';
import type { BatonApi, BatonTransport } from './contract';

/**
 * Builds `window.baton` from a transport: one named function per operation and one subscription
 * per event. Type-only imports keep zod out of the preload bundle.
 */
export function createBatonApi(transport: BatonTransport): BatonApi {
  const api: Record<string, unknown> = {};
  for (const name of operationNames) {
    api[name] = (input: unknown) => transport.invoke(name, input ?? {});
  }
  for (const event of eventNames) {
    api[subscriptionName(event)] = (listener: (payload: unknown) => void) =>
      transport.subscribe(event, listener);
  }
  return api as BatonApi;
}
