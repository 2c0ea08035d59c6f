import type { z } from 'zod';
import { operationNames, type OperationName } from '../../shared/api/names';
import { operations, type Input, type Output } from '../../shared/api/contract';
import { ApiFailure, type ApiResult } from '../../shared/api/result';
import type { Logger } from './log';

export type Handlers = { [K in OperationName]: (input: Input<K>) => Promise<Output<K>> };

const known = new Set<string>(operationNames);

function issuesOf(error: z.ZodError) {
  return error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message }));
}

/**
 * The single door from a transport into the services: unknown names and malformed payloads get
 * typed errors, and a crash inside a service becomes 'internal' with a log line, never a stack
 * trace for the renderer.
 */
export async function dispatch(
  handlers: Handlers,
  name: string,
  payload: unknown,
  log: Logger,
): Promise<ApiResult<unknown>> {
  if (!known.has(name)) {
    log.warn('api', `unknown operation ${JSON.stringify(name.slice(0, 80))}`);
    return { ok: false, error: { code: 'unknown-operation', message: `Unknown operation: ${name.slice(0, 80)}` } };
  }
  const op = name as OperationName;
  const parsed = operations[op].input.safeParse(payload ?? {});
  if (!parsed.success) {
    log.warn('api', `invalid input for ${op}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    return {
      ok: false,
      error: { code: 'invalid-input', message: `Invalid input for ${op}`, issues: issuesOf(parsed.error) },
    };
  }
  try {
    const handler = handlers[op] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof ApiFailure) {
      return { ok: false, error: { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) } };
    }
    log.error('api', `${op} failed`, error);
    return { ok: false, error: { code: 'internal', message: `${op} failed; details are in the log` } };
  }
}
