// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttpTransport } from '../../renderer/bridge/http-transport';

/** An EventSource that opens when the test says so, as a host's stream does a moment after it is asked for. */
class FakeEventSource extends EventTarget {
  static last: FakeEventSource | null = null;
  constructor(readonly url: string) {
    super();
    FakeEventSource.last = this;
  }
}

const settled = () => new Promise((done) => setTimeout(done, 0));

describe('the web bridge', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends no operation until the event stream is open: an answer is never older than a change the page was not told of', async () => {
    const fetched: string[] = [];
    vi.stubGlobal('EventSource', FakeEventSource);
    vi.stubGlobal('fetch', (url: string) => {
      fetched.push(url);
      return Promise.resolve({ json: () => Promise.resolve({ ok: true, value: {} }) });
    });
    const transport = createHttpTransport();
    await transport.invoke('getAppInfo', {});
    expect(fetched).toEqual(['/api/op/getAppInfo']);
    transport.subscribe('settingsChanged', () => {});
    const read = transport.invoke('getSettings', {});
    await settled();
    expect(fetched).toEqual(['/api/op/getAppInfo']);
    FakeEventSource.last!.dispatchEvent(new Event('open'));
    await read;
    expect(fetched).toEqual(['/api/op/getAppInfo', '/api/op/getSettings']);
  });

  it('a stream that fails does not hold operations back', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    vi.stubGlobal('fetch', () => Promise.resolve({ json: () => Promise.resolve({ ok: true, value: 1 }) }));
    const transport = createHttpTransport();
    transport.subscribe('settingsChanged', () => {});
    FakeEventSource.last!.dispatchEvent(new Event('error'));
    expect(await transport.invoke('getSettings', {})).toEqual({ ok: true, value: 1 });
  });
});
