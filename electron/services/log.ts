import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type LogLevel = 'info' | 'warn' | 'error';
export interface Logger {
  info(area: string, message: string): void;
  warn(area: string, message: string): void;
  error(area: string, message: string, error?: unknown): void;
}

/** The error, its stack and the errors that caused it: an 'internal' answer says the details are here. */
function describe(error: unknown, depth = 0): string {
  if (!(error instanceof Error)) return String(error);
  // A stack starts with the name and message; file system errors of promises carry no frames.
  const text = error.stack?.startsWith(`${error.name}: `) ? error.stack : `${error.name}: ${error.message}${error.stack ? `\n${error.stack}` : ''}`;
  return error.cause === undefined || depth >= 4 ? text : `${text}\nCaused by: ${describe(error.cause, depth + 1)}`;
}

/**
 * One line per event in `<profile>/logs/baton.log`, mirrored to stderr (stdout belongs to the
 * hosts' machine-readable output).
 */
export function createFileLogger(profileDir: string, options: { echo?: boolean } = {}): Logger {
  const dir = join(profileDir, 'logs');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'baton.log');
  const write = (level: LogLevel, area: string, message: string) => {
    const line = `${new Date().toISOString()} ${level.toUpperCase()} [${area}] ${message}\n`;
    try {
      appendFileSync(file, line);
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
