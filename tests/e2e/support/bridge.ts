import type { Computer } from './fixtures';

/** An operation of the bridge, called from the page as the UI would; a failure fails the test. */
export async function call<T>(computer: Computer, name: string, input: unknown = {}): Promise<T> {
  const result = await computer.api(name, input);
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}
