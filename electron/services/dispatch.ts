import type { z } from 'zod';
import type { OperationName } from '../../shared/api/names';
import { operations, type Operations } from '../../shared/api/contract';
import type { OperationSpecs } from '../../shared/api/define-operations';
import { ApiFailure, type ApiResult } from '../../shared/api/result';
import type { Logger } from './log';

/**
 * The handlers of a capability's operations object (`HandlersOf<typeof handoverOperations>`): each
 * gets its input as checked at the door and answers what the output schema describes.
 */
export type HandlersOf<Ops extends OperationSpecs> = {
  [K in keyof Ops]: (input: z.output<Ops[K]['input']>) => Promise<z.output<Ops[K]['output']>>;
};

/** The dispatch table: every operation of the contract, each capability's handlers spread in. */
export type Handlers = HandlersOf<Operations>;

const known = new Set<string>(Object.keys(operations));

export interface DispatchOptions {
  /**
   * Check every answer against its output schema (an answer that does not fit becomes 'internal'
   * with a log line). On in tests, so that a view and its schema cannot drift apart.
   */
  readonly checkOutputs?: boolean;
}

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
  options: DispatchOptions = {},
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
    const value = await handler(parsed.data);
    if (options.checkOutputs) {
      const answer = operations[op].output.safeParse(value);
      if (!answer.success) {
        log.error('api', `${op} answered outside its output schema: ${answer.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
        return { ok: false, error: { code: 'internal', message: `${op} failed; details are in the log` } };
      }
    }
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ApiFailure) {
      return { ok: false, error: { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) } };
    }
    log.error('api', `${op} failed`, error);
    return { ok: false, error: { code: 'internal', message: `${op} failed; details are in the log` } };
  }
}
