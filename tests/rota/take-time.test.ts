import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverRequestOp, coverTakeOp, monthDraft, publishMonthOp, rotaWorldOf, slotSetOp, type RotaWorld } from '../../shared/rota';
import { acknowledgeOp, publishOp, reviseOp, setMetaOp } from '../../shared/sop';
import { sopBriefsIn, sopDocsIn, type SopTeam } from '../../shared/sop/queries';
import type { Op } from '../../shared/sync';
import { qualifiesBy } from '../../electron/services/rota/sop-qualifies';
import { LEAD, LEAD2, LI, PEOPLE, RotaTeam, WANG, ZHAO, authorOf, members, type Person } from './harness';

/**
 * Cover eligibility's SOP rule is judged at the take's time: a take refused because the taker had
 * not acknowledged the shift's SOPs stays refused once they acknowledge, so it can never bump a
 * colleague who took the cover validly in between.
 */

const SOP_TEAM: SopTeam = {
  memberOfDevice: (deviceId) => PEOPLE.find((person) => person.device === deviceId)?.memberId ?? null,
  leadCount: PEOPLE.filter((person) => person.roles.includes('lead')).length,
  members: PEOPLE.map(({ memberId, name, roles }) => ({ memberId, name, roles })),
};
const stamp = (person: Person, at: number) => ({ by: { memberId: person.memberId, name: person.name }, at });

/** The world as the app builds it: the SOP briefs of the same fold (docs of those a take at an instant needs) decide who qualifies. */
function worldOf(team: RotaTeam, ops: readonly Op[] = team.ops): RotaWorld {
  const state = team.state(ops);
  return rotaWorldOf(state, { members: members(), authorOf }, qualifiesBy(sopBriefsIn(state, SOP_TEAM), (ids) => sopDocsIn(state, ids, SOP_TEAM)));
}

/** Wang on the early shifts of 1–3 March, published; an SOP required for the early shift; Wang asks cover of 2 March. */
class CoverScene {
  readonly team = new RotaTeam();
  private revision: string | null = null;

  constructor() {
    const { team } = this;
    for (const date of ['2026-03-01', '2026-03-02', '2026-03-03']) {
      team.write(LEAD, slotSetOp(undefined, date, 'early', { primary: [WANG.memberId], backup: null }));
    }
    team.write(LEAD, publishMonthOp('2026-03', monthDraft(team.world(), '2026-03'), team.clock));
    team.write(LEAD, setMetaOp(null, 'early-sop', { shiftTypeIds: ['early'] }, stamp(LEAD, team.clock)));
    team.write(WANG, coverRequestOp('c1', { date: '2026-03-02', shiftTypeId: 'early', memberId: WANG.memberId }, '', team.clock));
  }

  /** Wang writes a new revision of the SOP and a lead publishes it (Wang wrote it: the publication counts). */
  publish(minor: boolean): void {
    const [revised] = this.team.write(WANG, reviseOp('early-sop', { parents: this.revision ? [this.revision] : [], title: '早班巡查', body: `版本 ${this.team.clock}`, checklist: [] }, stamp(WANG, this.team.clock)));
    this.revision = revised!.id;
    this.team.write(LEAD, publishOp('early-sop', this.revision, minor, stamp(LEAD, this.team.clock)));
  }

  /** `person` acknowledges the version published last; nothing when nothing is. */
  acknowledge(person: Person): boolean {
    if (!this.published) return false;
    this.team.write(person, acknowledgeOp('early-sop', this.revision!, stamp(person, this.team.clock)));
    return true;
  }

  take(person: Person): void {
    this.team.write(person, coverTakeOp('c1', this.team.clock));
  }

  private get published(): boolean {
    return this.team.ops.some((op) => op.type === 'sop.published');
  }

  cover(ops?: readonly Op[]) {
    return worldOf(this.team, ops).covers[0]!;
  }
}

describe('a cover take is judged by what the taker had acknowledged when they took it', () => {
  it('a refused take does not start to count when its taker acknowledges, and does not bump the colleague who took it since', () => {
    const scene = new CoverScene();
    scene.publish(false);
    scene.take(ZHAO);
    expect(scene.cover()).toMatchObject({ status: 'open', takenBy: null, refusedTakes: [{ memberId: ZHAO.memberId, reason: 'not-eligible', why: [{ code: 'sop-not-acknowledged' }] }] });

    scene.acknowledge(LEAD);
    scene.take(LEAD);
    scene.acknowledge(ZHAO);
    for (const ops of [scene.team.ops, [...scene.team.ops].reverse()]) {
      const cover = scene.cover(ops);
      expect(cover).toMatchObject({ status: 'covered', takenBy: LEAD.memberId });
      expect(cover.refusedTakes).toMatchObject([{ memberId: ZHAO.memberId, reason: 'not-eligible', why: [{ code: 'sop-not-acknowledged' }] }]);
    }
  });

  it('a refused take stays refused even with nobody else taking; the colleague, having acknowledged, takes it again', () => {
    const scene = new CoverScene();
    scene.publish(false);
    scene.take(ZHAO);
    scene.acknowledge(ZHAO);
    expect(scene.cover()).toMatchObject({ status: 'open', takenBy: null });
    scene.take(ZHAO);
    expect(scene.cover()).toMatchObject({ status: 'covered', takenBy: ZHAO.memberId, refusedTakes: [{ memberId: ZHAO.memberId, reason: 'not-eligible' }] });
  });

  it('a new major version published after a valid take does not undo it; a minor one asks nothing of a later taker', () => {
    const scene = new CoverScene();
    scene.publish(false);
    scene.acknowledge(ZHAO);
    scene.take(ZHAO);
    scene.publish(false);
    expect(scene.cover()).toMatchObject({ status: 'covered', takenBy: ZHAO.memberId });

    const minor = new CoverScene();
    minor.publish(false);
    minor.acknowledge(LEAD2);
    minor.publish(true);
    minor.take(LEAD2);
    expect(minor.cover()).toMatchObject({ status: 'covered', takenBy: LEAD2.memberId });
  });

  it('an open cover lists who may take it as things stand now: an acknowledgement counts at once', () => {
    const scene = new CoverScene();
    scene.publish(false);
    const qualifiesNow = () => worldOf(scene.team).lookup.qualifies(ZHAO.memberId, 'early');
    expect(qualifiesNow()).toBe(false);
    scene.acknowledge(ZHAO);
    expect(qualifiesNow()).toBe(true);
  });
});

type Step = { kind: 'publish'; minor: boolean } | { kind: 'acknowledge'; who: Person } | { kind: 'take'; who: Person };

const TAKERS = [LEAD, ZHAO, LEAD2];
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('publish' as const), minor: fc.boolean() }),
  fc.record({ kind: fc.constant('acknowledge' as const), who: fc.constantFrom(...TAKERS) }),
  fc.record({ kind: fc.constant('take' as const), who: fc.constantFrom(...TAKERS) }),
);

describe('property: the holder is the first taker qualified at their take, and later acknowledgements change nothing', () => {
  it('holds for any sequence of publications, acknowledgements and takes, in any arrival order', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 12 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (steps, seed) => {
        const scene = new CoverScene();
        // The model: versions published so far (minor or not) and the version each person acknowledged.
        const versions: boolean[] = [];
        const acknowledged = new Map<string, number>();
        let expected: string | null = null;
        for (const step of steps) {
          if (step.kind === 'publish') {
            scene.publish(step.minor);
            versions.push(step.minor);
          } else if (step.kind === 'acknowledge') {
            if (scene.acknowledge(step.who)) acknowledged.set(step.who.memberId, versions.length - 1);
          } else {
            scene.take(step.who);
            const required = versions.reduce((last, minor, index) => (index === 0 || !minor ? index : last), -1);
            if (expected === null && (acknowledged.get(step.who.memberId) ?? -1) >= required) expected = step.who.memberId;
          }
        }
        expect(scene.cover().takenBy).toBe(expected);

        // Everyone acknowledges now: nothing about who holds changes, in any arrival order.
        for (const person of [...TAKERS, LI]) scene.acknowledge(person);
        const shuffled = [...scene.team.ops].sort((a, b) => hash(a.id, seed) - hash(b.id, seed));
        expect(scene.cover(shuffled).takenBy).toBe(expected);
      }),
      { numRuns: 60 },
    );
  });
});

/** A stable pseudo-random order of ops per seed. */
function hash(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 2654435761) >>> 0;
  return h;
}
