import { describe, expect, it } from 'vitest';
import { notificationsToShow, shiftBriefing } from '../../shared/briefing';
import { acknowledge } from '../handover/harness';
import { TestDevice } from '../sync/devices';
import { ZHAO, at, healthySync, stateWith } from './seeded-team';

const brief = (time: string, extra = stateWith()) => shiftBriefing({ state: extra, me: ZHAO, now: at(time), sync: healthySync });
const all = { notified: new Set<string>(), enabled: () => true };

describe('what the briefing notifies', () => {
  it('a note waiting for my acknowledgement, once; an escalation only when about to breach', () => {
    const first = notificationsToShow(null, brief('08:05'), all);
    expect(first.map((item) => item.key)).toEqual(['handover:late-0104']);
    expect(first[0]).toMatchObject({ kind: 'handover', subject: '李强', place: { screen: 'handover', item: 'late-0104' } });
    // Deadline 09:30: at 09:05 it is 25 minutes away.
    const later = notificationsToShow(brief('08:05'), brief('09:05'), all);
    expect(later.map((item) => [item.key, item.kind, item.subject])).toEqual([['escalation:escalated', 'escalation', '投诉：赠品未收到']]);
    // Past the deadline it is overdue, no longer "about to breach".
    expect(notificationsToShow(null, brief('09:31'), all).map((item) => item.kind)).toEqual(['handover']);
  });

  it('never repeats what was notified before, nor a kind turned off, nor what was signed', () => {
    expect(notificationsToShow(null, brief('09:05'), { notified: new Set(['handover:late-0104']), enabled: () => true }).map((item) => item.kind)).toEqual(['escalation']);
    expect(notificationsToShow(null, brief('09:05'), { notified: new Set(), enabled: (kind) => kind !== 'escalation' }).map((item) => item.kind)).toEqual(['handover']);
    const signed = stateWith([acknowledge(new TestDevice('dddddddddddddddddddddddddd'), at('08:04'), 'late-0104', ZHAO)]);
    expect(notificationsToShow(null, brief('08:05', signed), all)).toEqual([]);
  });
});
