/**
 * Canonical JSON: object keys sorted by code unit, no whitespace, `undefined` properties left out
 * (as JSON.stringify does). Two replicas hash equal states to equal bytes only if the text is
 * canonical, so anything that JSON would silently mangle (Map, Date, NaN, class instances) is
 * refused loudly instead: it is a reducer bug that would otherwise show up as a hash mismatch.
 */
export function canonicalJson(value: unknown): string {
  try {
    return write(value);
  } catch (error) {
    if (error instanceof NotJson) throw new TypeError(`$${error.path}: ${error.message}`);
    throw error;
  }
}

/** Carries the path outwards as the stack unwinds, so the happy path builds no path strings. */
class NotJson extends Error {
  path = '';
}

function write(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new NotJson(`${value} is not JSON`);
      return JSON.stringify(value);
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value) ? writeArray(value) : writeObject(value);
    default:
      throw new NotJson(`a ${typeof value} is not JSON`);
  }
}

function writeArray(value: readonly unknown[]): string {
  let text = '[';
  // An index loop visits holes, which JSON writes as null.
  for (let index = 0; index < value.length; index += 1) {
    if (index > 0) text += ',';
    text += within(index, value[index] ?? null);
  }
  return `${text}]`;
}

function writeObject(value: object): string {
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new NotJson(`a ${value.constructor?.name ?? 'non-plain object'} is not JSON`);
  }
  const record = value as Record<string, unknown>;
  let text = '{';
  for (const key of Object.keys(record).sort()) {
    const item = record[key];
    if (item === undefined) continue;
    if (text.length > 1) text += ',';
    text += `${JSON.stringify(key)}:${within(key, item)}`;
  }
  return `${text}}`;
}

function within(step: string | number, value: unknown): string {
  try {
    return write(value);
  } catch (error) {
    if (error instanceof NotJson) error.path = (typeof step === 'number' ? `[${step}]` : `.${step}`) + error.path;
    throw error;
  }
}
