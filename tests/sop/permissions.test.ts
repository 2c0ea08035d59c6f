import { describe, expect, it } from 'vitest';
import { sop, shiftChecklist } from '../../shared/sop';
import { mayWrite } from '../../shared/team';

const allOps = [...Object.keys(sop.ops), ...Object.keys(shiftChecklist.ops)];

describe('who may write which SOP op (the trust layer sets the rest aside on every device)', () => {
  it.each([
    ['sop.revised', true, true],
    ['sop.submitted', true, true],
    ['sop.published', true, false],
    ['sop.returned', true, false],
    ['sop.metaSet', true, false],
    ['sop.acknowledged', true, true],
    ['shiftChecklist.ticked', true, true],
    ['shiftChecklist.unticked', true, true],
  ])('%s: lead %s, editor %s', (type, lead, editor) => {
    expect(mayWrite(['lead'], type)).toBe(lead);
    expect(mayWrite(['editor'], type)).toBe(editor);
  });

  it('every op of the capability has a row, and a viewer or an approver writes none', () => {
    expect(allOps).toHaveLength(8);
    for (const type of allOps) {
      expect(mayWrite(['viewer'], type)).toBe(false);
      expect(mayWrite(['approver', 'admin'], type)).toBe(false);
    }
  });
});
