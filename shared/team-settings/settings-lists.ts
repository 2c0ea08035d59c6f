/**
 * The lists a lead edits (shift types, departments) as a form sends them: items without an id are
 * new, and get one here, never typed by the person. An item the form left out is kept, retired:
 * old notes and follow-ups still name it, and new ones are no longer offered it.
 */

export type WithOptionalId<T extends { id: string }> = Omit<T, 'id'> & { readonly id?: string | undefined };

export function settingsList<T extends { id: string; retired?: boolean | undefined }>(
  edited: ReadonlyArray<WithOptionalId<T>>,
  saved: readonly T[],
  newId: () => string,
): T[] {
  const taken = new Set([...saved.map((item) => item.id), ...edited.flatMap((item) => (item.id === undefined ? [] : [item.id]))]);
  const freshId = () => {
    let id = newId();
    while (taken.has(id)) id = newId();
    taken.add(id);
    return id;
  };
  // New items keep their place, so a validation path ([field, index]) points at the row the person typed.
  const list = edited.map((item) => ({ ...item, id: item.id ?? freshId() }) as T);
  const kept = new Set(list.map((item) => item.id));
  return [...list, ...saved.filter((item) => !kept.has(item.id)).map((item) => ({ ...item, retired: true }))];
}
