import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { opSchema, parseOpId, type Op } from '../../../../shared/sync/op';
import type { Logger } from '../../log';
import { appendDurableSync, writeFileAtomicSync } from '../durable-fs';

/**
 * Edits made on this computer and not yet sealed into a segment: `<profile>/sync/outbox.jsonl`,
 * one line per `record` call, appended and fsynced before `record` returns. A last line without
 * its newline is a `record` that crashed before it returned: it was never acknowledged, so it is
 * dropped (and cut off, or the next append would glue onto it).
 */
const lineSchema = z.strictObject({ ops: z.array(opSchema).min(1) });

export class Outbox {
  private ops: Op[] = [];

  constructor(
    private readonly file: string,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {
    mkdirSync(dirname(file), { recursive: true });
    this.load();
  }

  get pending(): readonly Op[] {
    return this.ops;
  }

  /** Durable when it returns: appended and fsynced as one line. */
  append(ops: readonly Op[]): void {
    if (ops.length === 0) return;
    appendDurableSync(this.file, `${JSON.stringify({ ops })}\n`);
    for (const op of ops) this.ops.push(op);
  }

  /** Forgets this device's ops up to `counter`: they are in a verified segment now. */
  dropThrough(deviceId: string, counter: number): void {
    const remaining = this.ops.filter((op) => {
      const id = parseOpId(op.id);
      return !(id && id.deviceId === deviceId && id.counter <= counter);
    });
    if (remaining.length !== this.ops.length) this.replace(remaining);
  }

  /** Rewrites the whole outbox atomically (after a publish, or when ops are re-homed). */
  replace(ops: readonly Op[]): void {
    writeFileAtomicSync(this.file, ops.length === 0 ? '' : `${JSON.stringify({ ops })}\n`);
    this.ops = [...ops];
  }

  private load(): void {
    if (!existsSync(this.file)) return;
    const text = readFileSync(this.file, 'utf8');
    const lines = text.split('\n');
    const torn = lines.pop() ?? '';
    let damaged = 0;
    for (const line of lines) {
      if (line.trim() === '') continue;
      const parsed = parseLine(line);
      if (parsed) for (const op of parsed) this.ops.push(op);
      else damaged += 1;
    }
    if (torn.length === 0 && damaged === 0) return;
    if (torn.length > 0) this.log.warn('sync', `outbox: dropped an edit whose recording was cut off (${torn.length} bytes)`);
    if (damaged > 0) {
      // Only a damaged disk does this: keep the evidence before writing the outbox clean.
      const keep = `${this.file}.damaged-${this.now()}`;
      copyFileSync(this.file, keep);
      this.log.error('sync', `outbox: ${damaged} unreadable line(s), kept in ${keep}`);
    }
    this.replace(this.ops);
  }
}

function parseLine(line: string): readonly Op[] | null {
  try {
    const parsed = lineSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data.ops : null;
  } catch {
    return null;
  }
}
