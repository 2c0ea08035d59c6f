/**
 * What a caller sent, as errors and log lines may repeat it: cut to a length a person can read.
 * A 10 MB key echoed whole made a 10 MB answer and a 10 MB log line; the length that was cut is
 * still said, so the log shows that something huge came in.
 */
export const MAX_ECHO_CHARS = 120;

export function capEcho(text: string, max = MAX_ECHO_CHARS): string {
  if (text.length <= max) return text;
  // Cut between code points: a lone half of a surrogate pair would make the JSON answer ill-formed.
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…(${text.length - end} more characters)`;
}
