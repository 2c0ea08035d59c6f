import type { Logger } from '../../electron/services/log';

export interface MemoryLog extends Logger {
  readonly lines: string[];
}

/** A logger that keeps its lines, so a failing test can print what the services said. */
export function memoryLog(): MemoryLog {
  const lines: string[] = [];
  return {
    lines,
    info: (area, message) => lines.push(`info [${area}] ${message}`),
    warn: (area, message) => lines.push(`warn [${area}] ${message}`),
    error: (area, message, error) => lines.push(`error [${area}] ${message}${error ? `: ${String(error)}` : ''}`),
  };
}
