/**
 * A computer whose clock reads a chosen instant: the web host process runs with Date.now moved
 * by a fixed offset (time still flows), so "what does Baton propose at 04:12 team time" can be
 * asked without waiting for 04:12. Only the test's host process is affected.
 */
export function clockNodeOptions(at: number): string {
  const source = `const offset = ${at} - Date.now(); const real = Date.now.bind(Date); Date.now = () => real() + offset;`;
  return `--import=data:text/javascript,${encodeURIComponent(source)}`;
}

/** An instant given as wall-clock time in Asia/Shanghai (UTC+8, no DST), the team's default zone. */
export function shanghaiTime(date: string, time: string): number {
  return Date.parse(`${date}T${time}:00+08:00`);
}
