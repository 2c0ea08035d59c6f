import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactedFileName, parseSegmentFileName, planCompaction, segmentFileName, type CompactionPolicy, type LogFile } from '../../shared/sync';

const sha = (n: number) => n.toString(16).padStart(64, '0');
const sealed = (seq: number, size = 1000): LogFile => ({ name: segmentFileName(seq, sha(seq)), size });
const compacted = (first: number, last: number, size: number): LogFile => ({ name: compactedFileName(first, last, sha(first * 1000 + last)), size });
const policy: CompactionPolicy = { minRun: 4, maxBytes: 10_000, growBelowBytes: 3_000 };
const seqs = (files: readonly LogFile[]) =>
  files.map((file) => {
    const parsed = parseSegmentFileName(file.name)!;
    return parsed.kind === 'sealed' ? parsed.seq : `${parsed.firstSeq}-${parsed.lastSeq}`;
  });

describe('planning a compaction', () => {
  it('waits until a run of minRun sealed segments, newest excluded, is there', () => {
    expect(planCompaction([1, 2, 3, 4].map((seq) => sealed(seq)), policy).run).toBeNull();
    const plan = planCompaction([1, 2, 3, 4, 5].map((seq) => sealed(seq)), policy);
    expect(plan.run).toMatchObject({ firstSeq: 1, lastSeq: 4 });
    expect(seqs(plan.run!.files)).toEqual([1, 2, 3, 4]);
  });

  it('stops at a gap and at the size cap', () => {
    const gap = planCompaction([1, 2, 4, 5, 6, 7, 8].map((seq) => sealed(seq)), policy);
    expect(seqs(gap.run!.files)).toEqual([4, 5, 6, 7]);
    const big = planCompaction([1, 2, 3, 4, 5, 6, 7].map((seq) => sealed(seq, 3_000)), policy);
    expect(big.run).toBeNull();
  });

  it('grows a small earlier compacted file, leaves a large one be', () => {
    const small = planCompaction([compacted(1, 10, 2_000), ...[11, 12, 13, 14, 15].map((seq) => sealed(seq))], policy);
    expect(seqs(small.run!.files)).toEqual(['1-10', 11, 12, 13, 14]);
    expect(small.run).toMatchObject({ firstSeq: 1, lastSeq: 14 });
    const large = planCompaction([compacted(1, 10, 5_000), ...[11, 12, 13, 14, 15].map((seq) => sealed(seq))], policy);
    expect(seqs(large.run!.files)).toEqual([11, 12, 13, 14]);
  });

  it('lists sealed segments a compacted file already covers as leftovers, never as a run', () => {
    const plan = planCompaction([compacted(1, 10, 5_000), sealed(3), sealed(11)], policy);
    expect(plan.leftovers).toEqual([{ name: sealed(3).name, coveredBy: compacted(1, 10, 5_000).name }]);
    expect(plan.run).toBeNull();
  });

  it('lists an earlier compacted file that a wider one grew out of as a leftover, and grows only the wider one', () => {
    const plan = planCompaction([compacted(1, 10, 1_000), compacted(1, 20, 2_000), ...[21, 22, 23, 24, 25].map((seq) => sealed(seq))], policy);
    expect(plan.leftovers).toEqual([{ name: compacted(1, 10, 1_000).name, coveredBy: compacted(1, 20, 2_000).name }]);
    expect(seqs(plan.run!.files)).toEqual(['1-20', 21, 22, 23, 24]);
  });

  it('always plans a run of consecutive seqs, without the newest, within the cap', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { maxLength: 60 }), fc.array(fc.integer({ min: 1, max: 4_000 }), { minLength: 60, maxLength: 60 }), (present, sizes) => {
        const files = present.map((seq) => sealed(seq, sizes[seq - 1]!));
        const { run } = planCompaction(files, policy);
        if (!run) return;
        const runSeqs = seqs(run.files) as number[];
        expect(runSeqs.length).toBeGreaterThanOrEqual(policy.minRun);
        runSeqs.forEach((seq, index) => index > 0 && expect(seq).toBe(runSeqs[index - 1]! + 1));
        expect(runSeqs).not.toContain(Math.max(...present));
        expect(run.files.reduce((sum, file) => sum + file.size, 0)).toBeLessThanOrEqual(policy.maxBytes);
        expect([run.firstSeq, run.lastSeq]).toEqual([runSeqs[0], runSeqs.at(-1)]);
      }),
    );
  });
});
