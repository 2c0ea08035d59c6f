import type { EventName } from '../../shared/api/names';
import type { EventPayload } from '../../shared/api/contract';

type Listener = (event: EventName, payload: unknown) => void;

/** Pushes from the services to whichever transports are listening. */
export class EventHub {
  private readonly listeners = new Set<Listener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
