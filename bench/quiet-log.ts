import type { Logger } from '../electron/services/log';

/** The service's log, kept quiet: warnings and errors are counted and the first few printed; information kept. */
export function quietLog(prefix: string): Logger & { readonly problems: string[]; readonly infos: string[] } {
  const problems: string[] = [];
  const infos: string[] = [];
  const note = (level: string, area: string, message: string, error?: unknown) => {
    const line = `${prefix} ${level} [${area}] ${message}${error === undefined ? '' : `: ${String(error)}`}`;
    if (problems.length < 5) console.error(line);
    problems.push(line);
  };
  return {
    problems,
    infos,
    info: (area, message) => infos.push(`[${area}] ${message}`),
    warn: (area, message) => note('warn', area, message),
    error: (area, message, error) => note('error', area, message, error),
  };
}
