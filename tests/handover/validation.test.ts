import { describe, expect, it } from 'vitest';
import type { Attachment } from '../../shared/attachments';
import { MAX_ATTACHMENTS, MAX_SECTION_CHARS, MAX_TITLE_CHARS, validateAddendum, validateComment, validateFollowUpChanges, validateFollowUpInput, validateSections, type FollowUpInput } from '../../shared/handover';
import { DEFAULT_TEAM_SETTINGS, validateTeamSettingsChange } from '../../shared/team-settings';
import { HOUR, MINUTE, WANG, sections, shanghai } from './harness';

const NOW = shanghai('2026-01-05', '10:00');
const context = { now: NOW, settings: DEFAULT_TEAM_SETTINGS };
const codes = (issues: ReadonlyArray<{ code: string }>) => issues.map((entry) => entry.code);

const input: FollowUpInput = {
  title: '回复粉丝私信',
  owner: WANG,
  dueAt: NOW + HOUR,
  category: 'other',
  departmentId: null,
  escalation: null,
};
const escalation: FollowUpInput = {
  ...input,
  category: 'escalation',
  dueAt: null,
  departmentId: 'customer-service',
  escalation: { weiboLink: 'https://m.weibo.cn/status/5012345678901234', screenshotSha256: null, escalatedAt: null },
};

describe('note sections', () => {
  it('a paste of megabytes is reported with the limit, and left as it was', () => {
    const pasted = '微博'.repeat(1_500_000);
    const draft = sections({ summary: '正常', fans: pasted });
    expect(validateSections(draft)).toEqual([
      { code: 'too-long', path: ['sections', 'fans'], params: { max: MAX_SECTION_CHARS, length: 3_000_000 } },
    ]);
    expect(draft.fans).toBe(pasted);
  });

  it('every section blank (spaces, new lines, the full-width space) is an empty note', () => {
    expect(validateSections(sections({ summary: ' \n\u3000', posts: '\t' }))).toEqual([
      { code: 'all-sections-empty', path: ['sections'], params: {} },
    ]);
    expect(validateSections(sections({ opinion: '无舆情' }))).toEqual([]);
  });

  it('addenda and comments need words, within their limits', () => {
    expect(codes(validateAddendum({ text: '  ', attachments: [] }))).toEqual(['required']);
    expect(codes(validateAddendum({ text: 'x'.repeat(MAX_SECTION_CHARS + 1), attachments: [] }))).toEqual(['too-long']);
    const many = new Array<Attachment>(MAX_ATTACHMENTS + 1).fill({ sha256: 'a'.repeat(64), name: 'a.png', mime: 'image/png', size: 1 });
    expect(validateAddendum({ text: '补充', attachments: many })).toEqual([
      { code: 'too-many', path: ['attachments'], params: { max: MAX_ATTACHMENTS, count: MAX_ATTACHMENTS + 1 } },
    ]);
    expect(codes(validateComment(''))).toEqual(['required']);
    expect(validateComment('已处理')).toEqual([]);
  });
});

describe('follow-ups', () => {
  it('a complete one passes', () => {
    expect(validateFollowUpInput(input, context)).toEqual([]);
    expect(validateFollowUpInput(escalation, context)).toEqual([]);
  });

  it('a due time in the past is refused, a minute of picker rounding is not', () => {
    expect(validateFollowUpInput({ ...input, dueAt: NOW - HOUR }, context)).toEqual([
      { code: 'due-in-past', path: ['dueAt'], params: { dueAt: NOW - HOUR, now: NOW } },
    ]);
    expect(validateFollowUpInput({ ...input, dueAt: NOW - 30_000 }, context)).toEqual([]);
    expect(codes(validateFollowUpChanges({ dueAt: NOW - HOUR }, context))).toEqual(['due-in-past']);
  });

  it('keeping a due time or department the follow-up holds is not a move, even once passed or retired', () => {
    const settings = {
      ...DEFAULT_TEAM_SETTINGS,
      departments: DEFAULT_TEAM_SETTINGS.departments.map((department) => ({ ...department, retired: department.id === 'legal' })),
    };
    // Two people changed both fields at once; both due times have passed since.
    const fields = {
      dueAt: { value: NOW - HOUR, hlc: 'b', conflicts: [{ value: NOW - 2 * HOUR, hlc: 'a' }] },
      department: { value: 'pr', hlc: 'b', conflicts: [{ value: 'legal', hlc: 'a' }] },
    };
    expect(validateFollowUpChanges({ dueAt: NOW - 2 * HOUR, department: 'legal' }, { now: NOW, settings }, fields)).toEqual([]);
    expect(validateFollowUpChanges({ dueAt: NOW - HOUR }, { now: NOW, settings }, fields)).toEqual([]);
    expect(codes(validateFollowUpChanges({ dueAt: NOW - 3 * HOUR, department: 'legal' }, { now: NOW, settings }, { dueAt: fields.dueAt }))).toEqual([
      'due-in-past',
      'unknown-department',
    ]);
  });

  it('title, owner and due time are required; the title has a limit', () => {
    expect(validateFollowUpInput({ ...input, title: ' ', owner: null, dueAt: null }, context).map((entry) => [entry.code, entry.path])).toEqual([
      ['required', ['title']],
      ['required', ['owner']],
      ['required', ['dueAt']],
    ]);
    expect(validateFollowUpInput({ ...input, title: 'x'.repeat(MAX_TITLE_CHARS + 1) }, context)).toEqual([
      { code: 'too-long', path: ['title'], params: { max: MAX_TITLE_CHARS, length: MAX_TITLE_CHARS + 1 } },
    ]);
    expect(codes(validateFollowUpChanges({ title: '' }, context))).toEqual(['required']);
  });

  it('departments come from the team list; retired ones are not offered', () => {
    const settings = {
      ...DEFAULT_TEAM_SETTINGS,
      departments: DEFAULT_TEAM_SETTINGS.departments.map((department) => ({ ...department, retired: department.id === 'legal' })),
    };
    expect(validateFollowUpInput({ ...input, departmentId: 'legal' }, { now: NOW, settings })).toEqual([
      { code: 'unknown-department', path: ['departmentId'], params: { departmentId: 'legal' } },
    ]);
    expect(codes(validateFollowUpChanges({ department: 'pr' }, context))).toEqual(['unknown-department']);
    expect(validateFollowUpChanges({ department: null, status: 'done' }, context)).toEqual([]);
  });

  it('an escalation names the department and carries the Weibo link or a screenshot', () => {
    expect(validateFollowUpInput({ ...escalation, departmentId: null }, context).map((entry) => [entry.code, entry.path])).toEqual([
      ['required', ['departmentId']],
    ]);
    const noEvidence = { ...escalation, escalation: { weiboLink: ' ', screenshotSha256: null, escalatedAt: null } };
    expect(codes(validateFollowUpInput(noEvidence, context))).toEqual(['escalation-needs-evidence']);
    const screenshot = { ...escalation, escalation: { weiboLink: '', screenshotSha256: 'b'.repeat(64), escalatedAt: null } };
    expect(validateFollowUpInput(screenshot, context)).toEqual([]);
    const badLink = { ...escalation, escalation: { weiboLink: 'weibo.com/123', screenshotSha256: null, escalatedAt: null } };
    expect(validateFollowUpInput(badLink, context)).toEqual([{ code: 'not-a-link', path: ['escalation', 'weiboLink'], params: {} }]);
    const longLink = { ...escalation, escalation: { weiboLink: `https://weibo.com/${'x'.repeat(2000)}`, screenshotSha256: null, escalatedAt: null } };
    expect(codes(validateFollowUpInput(longLink, context))).toEqual(['too-long']);
  });

  it('an escalation may be recorded after the fact, not ahead of time', () => {
    const earlier = { ...escalation, escalation: { ...escalation.escalation!, escalatedAt: NOW - 3 * HOUR } };
    expect(validateFollowUpInput(earlier, context)).toEqual([]);
    const ahead = { ...escalation, escalation: { ...escalation.escalation!, escalatedAt: NOW + 10 * MINUTE } };
    expect(validateFollowUpInput(ahead, context)).toEqual([
      { code: 'out-of-range', path: ['escalation', 'escalatedAt'], params: { max: NOW } },
    ]);
  });
});

describe('team settings changes', () => {
  const early = DEFAULT_TEAM_SETTINGS.shiftTypes[0]!;

  it('reports each problem with its code and where it is', () => {
    expect(validateTeamSettingsChange({ escalationMinutes: 90, timeZone: 'Europe/Berlin' })).toEqual([]);
    expect(validateTeamSettingsChange({ shiftTypes: [early, early] })).toEqual([{ code: 'duplicate-id', path: ['shiftTypes'], params: {} }]);
    expect(validateTeamSettingsChange({ shiftTypes: [{ ...early, retired: true }] })).toEqual([
      { code: 'no-active-shift-type', path: ['shiftTypes'], params: {} },
    ]);
    expect(validateTeamSettingsChange({ shiftTypes: [{ ...early, end: '08:00' }] })).toEqual([
      { code: 'shift-start-equals-end', path: ['shiftTypes', 0, 'end'], params: {} },
    ]);
    expect(validateTeamSettingsChange({ timeZone: 'Beijing' })).toEqual([{ code: 'unknown-time-zone', path: ['timeZone'], params: {} }]);
    expect(validateTeamSettingsChange({ escalationMinutes: 0 })).toEqual([{ code: 'out-of-range', path: ['escalationMinutes'], params: { min: 1 } }]);
    expect(validateTeamSettingsChange({ departments: [] })).toEqual([]);
    expect(codes(validateTeamSettingsChange({ shiftTypes: [{ ...early, start: '8:00' }] }))).toEqual(['invalid']);
    expect(codes(validateTeamSettingsChange({ shiftTypes: [{ ...early, name: { 'zh-CN': '', en: 'Early' } }] }))).toEqual(['required']);
  });
});
