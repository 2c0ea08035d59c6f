import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Outbox } from '../../electron/services/sync/write/outbox';
import { parseOpId } from '../../shared/sync';
import { note } from '../sync/example-capabilities';
import { computer, noteEdit, startService, stopService, tempDir, testLog } from './helpers';

const outboxFile = (profileDir: string) => join(profileDir, 'sync', 'outbox.jsonl');

describe('the outbox', () => {
  it('holds an edit on disk when record returns, even with no shared folder', async () => {
    const place = computer(join(tempDir(), 'no-such-share'));
    const service = startService(place);
    await service.ready;
    const [op] = service.record([noteEdit('早班交接', 'n1')]);
    // Read straight from the file: record() returned, so the line is there.
    const lines = readFileSync(outboxFile(place.profileDir), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!).ops[0]).toEqual(op);
    expect(service.state.get(note, 'n1')).toMatchObject({ fields: { title: { value: '早班交接' } } });
    expect(service.getStatus()).toMatchObject({ available: false, unavailableReason: 'folder-missing', pendingOutbox: 1 });
  });

  it('gives ops ids <deviceId>:<counter> and never reuses a counter after a restart', async () => {
    const place = computer(join(tempDir(), 'away'));
    const first = startService(place);
    await first.ready;
    const a = first.record([noteEdit('a'), noteEdit('b')]);
    await stopService(first);
    const second = startService(place);
    await second.ready;
    const b = second.record([noteEdit('c')]);
    const counters = [...a, ...b].map((op) => parseOpId(op.id)!);
    expect(counters.map((id) => id.deviceId)).toEqual([first.deviceId, first.deviceId, first.deviceId]);
    expect(counters.map((id) => id.counter)).toEqual([1, 2, 3]);
    expect(second.state.opsCount).toBe(3);
    expect(second.clock.now(0) > b[0]!.hlc).toBe(true);
  });

  it('drops a torn last line (a record that never returned) and keeps appending cleanly', async () => {
    const place = computer(join(tempDir(), 'away'));
    const first = startService(place);
    await first.ready;
    first.record([noteEdit('kept', 'k1')]);
    await stopService(first);
    // A crash in the middle of appending the next line.
    appendFileSync(outboxFile(place.profileDir), '{"ops":[{"id":"half');

    const log = testLog();
    const second = startService(place, { log });
    await second.ready;
    expect(second.getStatus().pendingOutbox).toBe(1);
    expect(log.lines.some((line) => line.includes('cut off'))).toBe(true);
    second.record([noteEdit('after', 'k2')]);
    const lines = readFileSync(outboxFile(place.profileDir), 'utf8').split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).map((line) => JSON.parse(line).ops.length)).toEqual([1, 1]);
  });

  it('keeps a damaged middle line for a person to see, and the lines around it', () => {
    const dir = tempDir();
    const file = join(dir, 'outbox.jsonl');
    const log = testLog();
    const good = { id: `${'a'.repeat(26)}:1`, hlc: `000000000000001-0000-${'a'.repeat(26)}`, type: 'note.set', entity: 'note:x', data: {} };
    appendFileSync(file, `${JSON.stringify({ ops: [good] })}\nnot json\n${JSON.stringify({ ops: [{ ...good, id: `${'a'.repeat(26)}:2` }] })}\n`);
    const outbox = new Outbox(file, log, () => 42);
    expect(outbox.pending.map((op) => op.id)).toEqual([`${'a'.repeat(26)}:1`, `${'a'.repeat(26)}:2`]);
    expect(readFileSync(`${file}.damaged-42`, 'utf8')).toContain('not json');
  });

  it('refuses a malformed op without writing anything', async () => {
    const place = computer(join(tempDir(), 'away'));
    const service = startService(place);
    await service.ready;
    expect(() => service.record([{ type: 'not a type', entity: 'note:x', data: {} }])).toThrow();
    expect(() => service.record([{ type: 'note.set', entity: 'note:x', data: { big: 'x'.repeat(1024 * 1024) } }])).toThrow(/larger/);
    expect(service.getStatus().pendingOutbox).toBe(0);
  });
});
