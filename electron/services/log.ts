import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type LogLevel = 'info' | 'warn' | 'error';
export interface Logger {
  info(area: string, message: string): void;
  warn(area: string, message: string): void;
  error(area: string, message: string, error?: unknown): void;
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}${error.stack ? `\n${error.stack}` : ''}`;
  return String(error);
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
