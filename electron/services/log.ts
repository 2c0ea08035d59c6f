import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { capEcho } from './echo';

export type LogLevel = 'info' | 'warn' | 'error';
export interface Logger {
  info(area: string, message: string): void;
  warn(area: string, message: string): void;
  error(area: string, message: string, error?: unknown): void;
}

/** A line holds a message and, for an error, its stack and causes: a few KB; anything longer is cut. */
export const MAX_LOG_LINE_CHARS = 16 * 1024;
/** baton.log is renamed baton.log.1 (and .1 to .2 ...) when it passes this size. */
export const LOG_ROTATE_BYTES = 5 * 1024 * 1024;
/** Old files kept: baton.log.1 to baton.log.3. */
export const LOG_KEEP_OLD = 3;

/** The error, its stack and the errors that caused it: an 'internal' answer says the details are here. */
function describe(error: unknown, depth = 0): string {
  if (!(error instanceof Error)) return String(error);
  // A stack starts with the name and message; file system errors of promises carry no frames.
  const text = error.stack?.startsWith(`${error.name}: `) ? error.stack : `${error.name}: ${error.message}${error.stack ? `\n${error.stack}` : ''}`;
  return error.cause === undefined || depth >= 4 ? text : `${text}\nCaused by: ${describe(error.cause, depth + 1)}`;
}

/** baton.log → baton.log.1 → … → baton.log.<keep>; the oldest is overwritten by the next. */
function rotate(file: string, keep: number): void {
  for (let index = keep - 1; index >= 1; index -= 1) {
    try {
      renameSync(`${file}.${index}`, `${file}.${index + 1}`);
    } catch {
      // That old file does not exist (yet).
    }
  }
  renameSync(file, `${file}.1`);
}

const sizeOf = (file: string) => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

/**
 * One line per event in `<profile>/logs/baton.log`, mirrored to stderr (stdout belongs to the
 * hosts' machine-readable output). Lines are capped and the file is rotated by size, so that a
 * flood of bad calls cannot fill the disk.
 */
export function createFileLogger(profileDir: string, options: { echo?: boolean; rotateBytes?: number; keepOld?: number } = {}): Logger {
  const dir = join(profileDir, 'logs');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'baton.log');
  const rotateBytes = options.rotateBytes ?? LOG_ROTATE_BYTES;
  let size = sizeOf(file);
  const write = (level: LogLevel, area: string, message: string) => {
    const line = `${new Date().toISOString()} ${level.toUpperCase()} [${capEcho(area, 40)}] ${capEcho(message, MAX_LOG_LINE_CHARS)}\n`;
    const bytes = Buffer.byteLength(line);
    try {
      if (size > 0 && size + bytes > rotateBytes) {
        rotate(file, options.keepOld ?? LOG_KEEP_OLD);
        size = 0;
      }
      appendFileSync(file, line);
      size += bytes;
    } catch {
      // A full disk must not take the app down with it; stderr still has the line.
    }
    if (options.echo ?? true) process.stderr.write(line);
  };
  return {
    info: (area, message) => write('info', area, message),
    warn: (area, message) => write('warn', area, message),
    error: (area, message, error) => write('error', area, error === undefined ? message : `${message}: ${describe(error)}`),
  };
}
