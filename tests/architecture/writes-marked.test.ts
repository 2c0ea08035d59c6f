import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { operations } from '../../shared/api/contract';

/**
 * An edit made while the team is still opening would be built from a state that has not read what
 * it continues: operations marked `writes` wait for the open (dispatch's `beforeWrite`). An
 * operation that answers whether its edit is `queued` records one, so it must be marked.
 */
describe('operations that record edits', () => {
  it('are marked `writes`, so that they wait while the team is opening', () => {
    const answersQueued = Object.entries(operations).filter(([, spec]) => JSON.stringify(z.toJSONSchema(spec.output, { unrepresentable: 'any', io: 'output' })).includes('"queued"'));
    expect(answersQueued.length).toBeGreaterThan(30);
    expect(answersQueued.filter(([, spec]) => !('writes' in spec && spec.writes)).map(([name]) => name)).toEqual([]);
  });

  it('leave reads unmarked: they answer at once with what is known', () => {
    const marked = Object.entries(operations).filter(([, spec]) => 'writes' in spec && spec.writes).map(([name]) => name);
    expect(marked.filter((name) => /^(get|list|search|diff|preview|export)[A-Z]/.test(name))).toEqual([]);
  });
});
