import { describe, expect, it } from 'vitest';
import { teamCapabilities } from '../../shared/capabilities';
import { SAMPLE_MEMBER_KEYS, writeSampleHistory } from '../../shared/sample-team';
import { standInPack, standInPackSchema } from '../../shared/stand-in';
import { currentShift, DEFAULT_SHIFT_TYPES, DEFAULT_TIME_ZONE } from '../../shared/team-settings';
import type { Op } from '../../shared/sync';
import { TestDevice } from '../sync/devices';
import { foldedReplica } from '../support/sample-team';

/** The sample's story folded without files: one test device per member, ops in the order told. */
function sampleState(language: 'zh-CN' | 'en', now: number) {
  const devices = Object.fromEntries(SAMPLE_MEMBER_KEYS.map((key) => [key, new TestDevice(key.padEnd(26, 'x'))]));
  const memberIds = Object.fromEntries(SAMPLE_MEMBER_KEYS.map((key) => [key, `m-${key}`])) as Record<(typeof SAMPLE_MEMBER_KEYS)[number], string>;
  const ops: Op[] = [];
  writeSampleHistory({ language, now, memberIds, myName: null }, (author, at, draft) => {
    const op = devices[author.key]!.op(at, draft.type, draft.entity, draft.data);
    ops.push(op);
    return op;
  });
  return foldedReplica(teamCapabilities, ops);
}

describe("the sample team's departments", () => {
  const now = Date.parse('2026-12-07T09:00:00+08:00');
  const shift = currentShift(now, DEFAULT_SHIFT_TYPES, DEFAULT_TIME_ZONE)!;

  it("give the stand-in pack someone to call in each, in the sample's language", () => {
    for (const [language, expected] of [
      ['zh-CN', /^客服主管 赵婷 138 0013 5521/],
      ['en', /^CS lead Tina Zhao 138 0013 5521/],
    ] as const) {
      const pack = standInPackSchema.parse(standInPack({ state: sampleState(language, now), roster: null, shift, now }));
      expect(pack.contacts.departments.map((department) => department.id)).toEqual(['customer-service', 'marketing', 'ecommerce', 'legal']);
      expect(pack.contacts.departments.every((department) => department.contact !== null && department.contact.length > 0)).toBe(true);
      expect(pack.contacts.departments[0]!.contact).toMatch(expected);
    }
  });
});
