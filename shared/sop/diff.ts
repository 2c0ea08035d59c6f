import { diffLines } from 'diff';
import { diff3Merge } from 'node-diff3';

/**
 * Diffs a person reads (history, "what changed since you last acknowledged") and the three-way
 * merge of a fork. Line based: an SOP is edited a paragraph or a list item at a time.
 */

export interface DiffLine {
  readonly kind: 'same' | 'added' | 'removed';
  readonly text: string;
}

/** Line by line, unchanged runs kept (the screen folds long ones). */
export function readableDiff(before: string, after: string): DiffLine[] {
  const lines: DiffLine[] = [];
  for (const part of diffLines(before, after)) {
    const kind = part.added ? 'added' : part.removed ? 'removed' : 'same';
    const text = part.value.endsWith('\n') ? part.value.slice(0, -1) : part.value;
    for (const line of text.split('\n')) lines.push({ kind, text: line });
  }
  return lines;
}

export function diffCounts(lines: readonly DiffLine[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const line of lines) {
    if (line.kind === 'added') added += 1;
    else if (line.kind === 'removed') removed += 1;
  }
  return { added, removed };
}

export type MergeChunk =
  | { readonly kind: 'agreed'; readonly lines: readonly string[] }
  | { readonly kind: 'conflict'; readonly base: readonly string[]; readonly ours: readonly string[]; readonly theirs: readonly string[] };

/**
 * The three-way merge of two versions of a text from their base: the changes only one side made
 * are taken, the places both changed are conflicts for a person to settle. Nothing is resolved
 * here by picking a side.
 */
export function threeWayMerge(base: string, ours: string, theirs: string): MergeChunk[] {
  const chunks: MergeChunk[] = [];
  for (const region of diff3Merge(ours.split('\n'), base.split('\n'), theirs.split('\n'))) {
    if (region.ok) chunks.push({ kind: 'agreed', lines: region.ok });
    else if (region.conflict) {
      chunks.push({ kind: 'conflict', base: region.conflict.o, ours: region.conflict.a, theirs: region.conflict.b });
    }
  }
  return chunks;
}

/** Each conflict settled by the person: 'ours', 'theirs', 'both' (ours then theirs) or their own text. */
export type ConflictChoice = 'ours' | 'theirs' | 'both' | { readonly text: string };

export function mergedText(chunks: readonly MergeChunk[], choices: readonly ConflictChoice[]): string {
  const lines: string[] = [];
  let conflict = 0;
  for (const chunk of chunks) {
    if (chunk.kind === 'agreed') {
      lines.push(...chunk.lines);
      continue;
    }
    const choice = choices[conflict] ?? 'both';
    conflict += 1;
    if (choice === 'ours') lines.push(...chunk.ours);
    else if (choice === 'theirs') lines.push(...chunk.theirs);
    else if (choice === 'both') lines.push(...chunk.ours, ...chunk.theirs);
    else lines.push(choice.text);
  }
  return lines.join('\n');
}
