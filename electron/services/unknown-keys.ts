/**
 * Keys a caller sent that the schema did not keep, at any depth. Zod refuses unknown keys of a
 * `.strict()` object and silently drops them from a plain one, so a nested object would take
 * `{kind: 'embedded', zzz: 1}` while the top level refuses `zzz`. Comparing what was sent with
 * what the schema returned gives one rule for every level of every operation, whoever wrote its
 * schema: a key that was dropped was not understood, and the call is refused.
 */
export interface DroppedKey {
  /** The object holding the key, as zod's issues name it ('sharedFolder', 'draft.followUps.0'). */
  readonly path: string;
  readonly key: string;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function droppedKeys(sent: unknown, kept: unknown, path: readonly (string | number)[] = [], found: DroppedKey[] = []): DroppedKey[] {
  if (Array.isArray(sent) && Array.isArray(kept) && sent.length === kept.length) {
    sent.forEach((item, index) => droppedKeys(item, kept[index], [...path, index], found));
  } else if (isPlainObject(sent) && isPlainObject(kept)) {
    for (const key of Object.keys(sent)) {
      // An undefined value carries nothing (Electron's IPC keeps such keys, JSON drops them).
      if (sent[key] === undefined) continue;
      if (Object.hasOwn(kept, key)) droppedKeys(sent[key], kept[key], [...path, key], found);
      else found.push({ path: path.join('.'), key });
    }
  }
  return found;
}
