import { useEffect, useState, type DependencyList } from 'react';
import type { ApiError, ApiResult } from '../../../shared/api/result';
import { reportError } from '../errors/report-error';

/**
 * What a view reads from the bridge, read again whenever `deps` change. Answers arrive in any
 * order: only the latest read's applies, and one to an earlier read (before a change, for another
 * item) arriving after a newer one is dropped. null until the first answer; a null `read` (nothing
 * to read yet) keeps what it has. A failed read is reported, or given to `onError`.
 */
export function useLatestAnswer<T>(read: (() => Promise<ApiResult<T>>) | null, deps: DependencyList, onError: (error: ApiError) => void = reportError): T | null {
  const [answer, setAnswer] = useState<T | null>(null);
  useEffect(() => {
    if (!read) return;
    let current = true;
    void read().then((result) => {
      if (!current) return;
      if (result.ok) setAnswer(result.value);
      else onError(result.error);
    });
    return () => {
      current = false;
    };
    // `read` is made afresh by every render; `deps` say when the view needs another answer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return answer;
}
