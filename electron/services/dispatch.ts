import type { z } from 'zod';
import { operations, type Operations } from '../../shared/api/contract';
import type { OperationSpecs } from '../../shared/api/define-operations';
import { ApiFailure, type ApiError, type ApiResult } from '../../shared/api/result';
import { capEcho } from './echo';
import type { Logger } from './log';
import { droppedKeys } from './unknown-keys';

/**
 * The handlers of a capability's operations object (`HandlersOf<typeof handoverOperations>`): each
 * gets its input as checked at the door and answers what the output schema describes.
 */
export type HandlersOf<Ops extends OperationSpecs> = {
  [K in keyof Ops]: (input: z.output<Ops[K]['input']>) => Promise<z.output<Ops[K]['output']>>;
};

/** The dispatch table: every operation of the contract, each capability's handlers spread in. */
export type Handlers = HandlersOf<Operations>;

export interface DispatchOptions {
  /**
   * Check every answer against its output schema (an answer that does not fit becomes 'internal'
   * with a log line). On in tests, so that a view and its schema cannot drift apart.
   */
  readonly checkOutputs?: boolean;
  /** Awaited before an operation that `writes` runs (the app waits for the team's open to end). */
  readonly beforeWrite?: () => Promise<void>;
}

const MAX_ISSUES = 20;

type Issues = NonNullable<ApiError['issues']>;

// Paths and messages name what was sent (an unknown key, a record's key): capped like any echo.
const issue = (path: string, message: string) => ({ path: capEcho(path), message: capEcho(message, 300) });

function issuesOf(error: z.ZodError): Issues {
  return error.issues.slice(0, MAX_ISSUES).map((i) => issue(i.path.join('.'), i.message));
}

/** The input as the schema read it, or why it is refused: unknown keys are refused at every depth. */
function checkInput(input: z.ZodType, payload: unknown): { ok: true; data: unknown } | { ok: false; issues: Issues } {
  const parsed = input.safeParse(payload ?? {});
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
export function dispatch(handlers: Handlers, name: string, payload: unknown, log: Logger, options: DispatchOptions = {}): Promise<ApiResult<unknown>> {
  return dispatchWith(operations, handlers, name, payload, log, options);
}

/** `dispatch` over any operations object and its handlers (the app's contract, or a test's). */
export async function dispatchWith<Ops extends OperationSpecs>(
  contract: Ops,
  handlers: HandlersOf<Ops>,
  name: string,
  payload: unknown,
  log: Logger,
  options: DispatchOptions = {},
): Promise<ApiResult<unknown>> {
  if (!Object.hasOwn(contract, name)) {
    log.warn('api', `unknown operation ${JSON.stringify(capEcho(name))}`);
    return { ok: false, error: { code: 'unknown-operation', message: `Unknown operation: ${capEcho(name)}` } };
  }
  const op = name as keyof Ops & string;
  const spec = contract[op]!;
  const input = checkInput(spec.input, payload);
  if (!input.ok) {
    log.warn('api', `invalid input for ${op}: ${input.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`);
    return { ok: false, error: { code: 'invalid-input', message: `Invalid input for ${op}`, issues: input.issues } };
  }
  try {
    if (spec.writes && options.beforeWrite) await options.beforeWrite();
    const handler = handlers[op] as (input: unknown) => Promise<unknown>;
    const value = await handler(input.data);
    if (options.checkOutputs) {
      const answer = spec.output.safeParse(value);
      if (!answer.success) {
        log.error('api', `${op} answered outside its output schema: ${answer.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
        return { ok: false, error: { code: 'internal', message: `${op} failed; details are in the log` } };
      }
    }
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ApiFailure) {
      return { ok: false, error: { code: error.code, message: capEcho(error.message, 500), ...(error.issues ? { issues: error.issues.slice(0, MAX_ISSUES).map((i) => issue(i.path, i.message)) } : {}) } };
    }
    log.error('api', `${op} failed`, error);
    return { ok: false, error: { code: 'internal', message: `${op} failed; details are in the log` } };
  }
}
