import { z } from 'zod';

/** Codes the renderer turns into readable messages; never a stack trace. */
export const apiErrorCodes = [
  'invalid-input',
  'unknown-operation',
  'unavailable',
  'not-found',
  'forbidden',
  'conflict',
  'too-large',
  'unsupported',
  'internal',
] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];

export const ApiErrorSchema = z.object({
  code: z.enum(apiErrorCodes),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown by a service to answer with a typed error instead of 'internal'. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: ApiError['issues'],
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}
