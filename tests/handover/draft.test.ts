import { describe, expect, it } from 'vitest';
import { HANDOVER_DRAFT_FORMAT, HandoverDraft, followUp, handover, prefillDraft, submissionFromDraft, type DraftFollowUp, type FollowUpState, type SubmitContext } from '../../shared/handover';
import { DEFAULT_TEAM_SETTINGS } from '../../shared/team-settings';
import type { Op } from '../../shared/sync';
import { ALICE, TestDevice } from '../sync/devices';
import { HOUR, LI, MINUTE, WANG, createFollowUp, editFollowUp, followUpData, replica, sections, shanghai } from './harness';

const NOW = shanghai('2026-01-05', '15:40');
const settings = DEFAULT_TEAM_SETTINGS;

function followUps(ops: readonly Op[]): FollowUpState[] {
  return replica(ops).list(followUp).map((entry) => entry.state);
}

const device = new TestDevice(ALICE);
const openOne = createFollowUp(device, shanghai('2026-01-05', '09:00'), 'f-open', followUpData({ dueAt: shanghai('2026-01-06', '12:00') }));
const closedOne = createFollowUp(device, shanghai('2026-01-05', '09:00'), 'f-closed');
const closing = editFollowUp(device, replica([closedOne]), shanghai('2026-01-05', '09:30'), 'f-closed', WANG, { status: 'dropped' });
const known = [openOne, closedOne, closing];

function submitContext(overrides: Partial<SubmitContext> = {}): SubmitContext {
  let counter = 0;
  return {
    now: NOW,
    settings,
    author: WANG,
    handoverId: 'h-new',
    newFollowUpId: () => `f-new-${(counter += 1)}`,
    followUps: followUps(known),
    ...overrides,
  };
}

const escalationItem: DraftFollowUp = {
  draftId: 'd1',
  title: '微博投诉：快递破损',
  owner: LI,
  dueAt: null,
  category: 'escalation',
  departmentId: 'customer-service',
  escalation: { weiboLink: 'https://weibo.com/1234567890/AbCdEfGhI', screenshotSha256: null, escalatedAt: shanghai('2026-01-05', '14:30') },
};

describe('a new draft', () => {
  it('proposes the current shift and carries the open follow-ups over', () => {
    const draft = prefillDraft({ now: NOW, settings, followUps: followUps(known) });
    expect(draft).toEqual({
      format: HANDOVER_DRAFT_FORMAT,
      date: '2026-01-05',
      shiftTypeId: 'early',
      sections: sections(),
      attachments: [],
      followUps: [],
      carriedFollowUpIds: ['f-open'],
      updatedAt: NOW,
    });
    expect(HandoverDraft.parse(JSON.parse(JSON.stringify(draft)))).toEqual(draft);
  });

  it('takes the checklist when the SOPs give one', () => {
    const checklist = [{ id: 'c1', text: '10:00 产品微博', done: true }];
    expect(prefillDraft({ now: NOW, settings, followUps: [], checklist }).checklist).toEqual(checklist);
  });

  it('autosaves whatever was typed, even far over the limits', () => {
    const draft = {
      ...prefillDraft({ now: NOW, settings, followUps: [] }),
      sections: sections({ fans: '投诉'.repeat(1_000_000) }),
      followUps: [{ ...escalationItem, title: '', owner: null, departmentId: 'no-such-department' }],
    };
    expect(HandoverDraft.safeParse(draft).success).toBe(true);
  });
});

describe('submitting a draft', () => {
  it('gives the follow-ups to create and the note, which fold as written', () => {
    const draft = {
      ...prefillDraft({ now: NOW, settings, followUps: followUps(known) }),
      sections: sections({ summary: '本班发布微博两条，一条投诉已升级客服部。' }),
      followUps: [escalationItem],
    };
    const result = submissionFromDraft(draft, submitContext());
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const { handover: note, followUps: created } = result.value;
    expect(created).toHaveLength(1);
    expect(created[0]!.id).toBe('f-new-1');
    expect(created[0]!.data).toMatchObject({
      title: '微博投诉：快递破损',
      owner: LI,
      category: 'escalation',
      department: 'customer-service',
      handoverId: 'h-new',
      createdBy: WANG,
      // Escalated at 14:30: the 'Weibo first' deadline runs from then, not from submission.
      dueAt: shanghai('2026-01-05', '16:30'),
      escalation: { escalatedBy: WANG, escalatedAt: shanghai('2026-01-05', '14:30'), deadlineAt: shanghai('2026-01-05', '16:30') },
    });
    expect(note).toMatchObject({
      date: '2026-01-05',
      shiftTypeId: 'early',
      shiftStartAt: shanghai('2026-01-05', '08:00'),
      shiftEndAt: shanghai('2026-01-05', '16:00'),
      author: WANG,
      at: NOW,
      followUpIds: ['f-new-1', 'f-open'],
    });

    // As the service will write them: follow-ups first, then the note, JSON round-tripped.
    const ops = [
      ...known,
      ...created.map((item) => device.op(NOW, 'followUp.created', `followUp:${item.id}`, JSON.parse(JSON.stringify(item.data)))),
      device.op(NOW, 'handover.submitted', 'handover:h-new', JSON.parse(JSON.stringify(note))),
    ];
    const view = replica(ops);
    expect(view.get(handover, 'h-new')?.note?.sections.summary).toBe('本班发布微博两条，一条投诉已升级客服部。');
    expect(view.get(followUp, 'f-new-1')?.current?.handoverId).toBe('h-new');
  });

  it('lists what was open when the draft was started and what is open when submitted', () => {
    const later = createFollowUp(device, shanghai('2026-01-05', '15:00'), 'f-later', followUpData({ dueAt: shanghai('2026-01-06', '12:00') }));
    const draft = { ...prefillDraft({ now: NOW - HOUR, settings, followUps: followUps(known) }), sections: sections({ summary: '正常' }) };
    const result = submissionFromDraft(draft, submitContext({ followUps: followUps([...known, later]) }));
    expect(result.ok && result.value.handover.followUpIds).toEqual(['f-open', 'f-later']);
  });

  it('reports every problem at once, with where it is, and keeps the draft as it was', () => {
    const draft = {
      ...prefillDraft({ now: NOW, settings, followUps: [] }),
      shiftTypeId: 'middle',
      followUps: [
        { ...escalationItem, escalation: { weiboLink: '', screenshotSha256: null, escalatedAt: null } },
        { ...escalationItem, draftId: 'd2', category: 'other' as const, dueAt: NOW - 2 * HOUR, escalation: null },
      ],
    };
    const before = JSON.stringify(draft);
    const result = submissionFromDraft(draft, submitContext());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((entry) => [entry.code, entry.path])).toEqual([
      ['all-sections-empty', ['sections']],
      ['unknown-shift-type', ['shiftTypeId']],
      ['escalation-needs-evidence', ['followUps', 0, 'escalation']],
      ['due-in-past', ['followUps', 1, 'dueAt']],
    ]);
    expect(JSON.stringify(draft)).toBe(before);
  });

  it('a note may be submitted late, for a shift that has ended', () => {
    const draft = { ...prefillDraft({ now: NOW, settings, followUps: [] }), sections: sections({ summary: '补交' }) };
    const result = submissionFromDraft(draft, submitContext({ now: NOW + 20 * HOUR + MINUTE }));
    expect(result.ok && result.value.handover.shiftTypeId).toBe('early');
  });
});
