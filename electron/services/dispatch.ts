import type { z } from 'zod';
import { operationNames, type OperationName } from '../../shared/api/names';
import { operations, type Input, type Output } from '../../shared/api/contract';
import { ApiFailure, type ApiError, type ApiResult } from '../../shared/api/result';
import { capEcho } from './echo';
import type { Logger } from './log';
import { droppedKeys } from './unknown-keys';

export type Handlers = { [K in OperationName]: (input: Input<K>) => Promise<Output<K>> };

const known = new Set<string>(operationNames);
const MAX_ISSUES = 20;

type Issues = NonNullable<ApiError['issues']>;

// Paths and messages name what was sent (an unknown key, a record's key): capped like any echo.
const issue = (path: string, message: string) => ({ path: capEcho(path), message: capEcho(message, 300) });

function issuesOf(error: z.ZodError): Issues {
  return error.issues.slice(0, MAX_ISSUES).map((i) => issue(i.path.join('.'), i.message));
}

/** The input as the schema read it, or why it is refused: unknown keys are refused at every depth. */
function checkInput(op: OperationName, payload: unknown): { ok: true; data: unknown } | { ok: false; issues: Issues } {
  const parsed = operations[op].input.safeParse(payload ?? {});
  if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
  const dropped = droppedKeys(payload ?? {}, parsed.data);
  if (dropped.length === 0) return { ok: true, data: parsed.data };
  // The same words as zod's own refusal of an unknown key at the top level.
  return { ok: false, issues: dropped.slice(0, MAX_ISSUES).map(({ path, key }) => issue(path, `Unrecognized key: ${JSON.stringify(capEcho(key))}`)) };
}

/**
 * The single door from a transport into the services: unknown names and malformed payloads get
 * typed errors, and a crash inside a service becomes 'internal' with a log line, never a stack
 * trace for the renderer. Whatever the caller sent is echoed only cut short (echo.ts).
 */
export async function dispatch(
  handlers: Handlers,
  name: string,
  payload: unknown,
  log: Logger,
): Promise<ApiResult<unknown>> {
  if (!known.has(name)) {
    log.warn('api', `unknown operation ${JSON.stringify(capEcho(name))}`);
    return { ok: false, error: { code: 'unknown-operation', message: `Unknown operation: ${capEcho(name)}` } };
  }
  const op = name as OperationName;
  const input = checkInput(op, payload);
  if (!input.ok) {
    log.warn('api', `invalid input for ${op}: ${input.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`);
    return { ok: false, error: { code: 'invalid-input', message: `Invalid input for ${op}`, issues: input.issues } };
  }
  try {
    const handler = handlers[op] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(input.data) };
  } catch (error) {
    if (error instanceof ApiFailure) {
      return { ok: false, error: { code: error.code, message: capEcho(error.message, 500), ...(error.issues ? { issues: error.issues.slice(0, MAX_ISSUES).map((i) => issue(i.path, i.message)) } : {}) } };
    }
    log.error('api', `${op} failed`, error);
    return { ok: false, error: { code: 'internal', message: `${op} failed; details are in the log` } };
  }
}
