import type { BatonTransport } from '../../shared/api/contract';
import type { EventName } from '../../shared/api/names';
import type { ApiResult } from '../../shared/api/result';

/**
 * The bridge over the loopback web host: operations are POSTs, pushes arrive as server-sent
 * events. The token comes with the first URL; the host also sets it as a cookie for EventSource.
 */
export function createHttpTransport(): BatonTransport {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) sessionStorage.setItem('baton-token', fromUrl);
  const token = fromUrl ?? sessionStorage.getItem('baton-token') ?? '';
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;

  const connect = (event: EventName) => {
    source ??= new EventSource('/api/events');
    source.addEventListener(event, (message) => {
      const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
      for (const listener of listeners.get(event) ?? []) listener(payload);
    });
  };

  return {
    async invoke(name, input): Promise<ApiResult<unknown>> {
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
