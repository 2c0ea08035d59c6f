import type { BatonTransport } from '../../shared/api/contract';
import type { EventName } from '../../shared/api/names';
import type { ApiResult } from '../../shared/api/result';

/**
 * The bridge over the loopback web host: operations are POSTs, pushes arrive as server-sent
 * events. The token comes with the first URL; the host also sets it as a cookie for EventSource.
 */
/** How long an operation waits for the event stream to open before it goes ahead anyway. */
const STREAM_WAIT_MS = 3000;

export function createHttpTransport(): BatonTransport {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) sessionStorage.setItem('baton-token', fromUrl);
  const token = fromUrl ?? sessionStorage.getItem('baton-token') ?? '';
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;
  // Until the host holds the event stream, a change made elsewhere is pushed to nobody here: an
  // answer given meanwhile could be older than a change never pushed. Operations wait for the
  // stream (or its failure, or a few seconds) once one is asked for.
  let streamReady: Promise<void> = Promise.resolve();

  const connect = (event: EventName) => {
    if (!source) {
      const opening = new EventSource('/api/events');
      source = opening;
      streamReady = new Promise((resolve) => {
        opening.addEventListener('open', () => resolve(), { once: true });
        opening.addEventListener('error', () => resolve(), { once: true });
        setTimeout(resolve, STREAM_WAIT_MS);
      });
    }
    source.addEventListener(event, (message) => {
      const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
      for (const listener of listeners.get(event) ?? []) listener(payload);
    });
  };

  return {
    async invoke(name, input): Promise<ApiResult<unknown>> {
      await streamReady;
      try {
        const response = await fetch(`/api/op/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Baton-Token': token },
          body: JSON.stringify(input),
        });
        return (await response.json()) as ApiResult<unknown>;
      } catch (error) {
        return { ok: false, error: { code: 'unavailable', message: error instanceof Error ? error.message : String(error) } };
      }
    },
    subscribe(event, listener) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
        connect(event);
      }
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}
