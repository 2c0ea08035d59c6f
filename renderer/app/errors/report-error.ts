import type { ApiError } from '../../../shared/api/result';
import type { MessageKey } from '../../i18n/resources';
import { notify } from '../notices/notices-store';
import { describeError } from './describe-error';

/** Messages that name what could not be done and take the reason as {{reason}}. */
type FailedAction = Extract<MessageKey, `errors.couldNot${string}`>;

/**
 * A failed operation as an error notice: "Not saved: <why, in plain words>", or just the why when
 * no action is named. Worded at display time, so it follows a language switch.
 */
export function reportError(error: ApiError, action?: FailedAction): void {
  notify('error', (t) => {
    const reason = describeError(error, t).summary;
    return action ? t(action, { reason }) : reason;
  });
}
