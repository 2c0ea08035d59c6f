import Papa from 'papaparse';
import {
  SECTION_KEYS,
  followUp,
  isCreated,
  submittedHandovers,
  handover,
  type SectionKey,
  type SubmittedHandover,
} from '../handover/queries';
import type { TeamSettings } from '../team-settings';
import { isoInZone, safeFileName } from './time';
import type { ExportFile, ExportInput } from './types';

const SECTION_TITLES: Record<SectionKey, string> = {
  summary: '本班概况 Summary',
  posts: '发布情况 Posts',
  fans: '粉丝互动与投诉 Fans and complaints',
  opinion: '舆情 Public opinion',
  campaigns: '活动进展 Campaigns',
  nextShift: '下一班注意事项 For the next shift',
};

const shiftLabel = (settings: TeamSettings, id: string) => {
  const type = settings.shiftTypes.find((candidate) => candidate.id === id);
  return type ? `${type.name['zh-CN']} ${type.name.en} (${type.start}–${type.end})` : id;
};

/** YAML front matter values: JSON strings are valid YAML scalars and escape everything. */
const yaml = (value: string) => JSON.stringify(value);

function noteMarkdown(state: SubmittedHandover, settings: TeamSettings): string {
  const { note } = state;
  const zone = settings.timeZone;
  const lines = [
    '---',
    `id: ${yaml(state.id)}`,
    `date: ${note.date}`,
    `shift: ${yaml(shiftLabel(settings, note.shiftTypeId))}`,
    `shift_start: ${isoInZone(note.shiftStartAt, zone)}`,
    `shift_end: ${isoInZone(note.shiftEndAt, zone)}`,
    `author: ${yaml(note.author.name)}`,
    `submitted: ${isoInZone(note.at, zone)}`,
    `acknowledged_by: [${state.acknowledgements.map((ack) => yaml(`${ack.by.name} ${isoInZone(ack.at, zone)}`)).join(', ')}]`,
    `follow_ups: [${note.followUpIds.map(yaml).join(', ')}]`,
    '---',
    '',
    `# 交接班记录 Handover note: ${note.date} ${shiftLabel(settings, note.shiftTypeId)}`,
  ];
  for (const key of SECTION_KEYS) {
    if (note.sections[key].trim() === '') continue;
    lines.push('', `## ${SECTION_TITLES[key]}`, '', note.sections[key].trim());
  }
  if (note.checklist && note.checklist.length > 0) {
    lines.push('', '## 检查清单 Checklist', '', ...note.checklist.map((item) => `- [${item.done ? 'x' : ' '}] ${item.text}`));
  }
  if (note.attachments.length > 0) {
    lines.push('', '## 附件 Attachments', '', ...note.attachments.map((file) => `- ${file.name} (blobs/${file.sha256.slice(0, 2)}/${file.sha256})`));
  }
  for (const addendum of state.addenda) {
    lines.push('', `## 补充说明 Addendum: ${addendum.author.name}, ${isoInZone(addendum.at, zone)}`, '', addendum.text);
  }
  return `${lines.join('\n')}\n`;
}

/** Every submitted note as Markdown with front matter, one file each under handovers/. */
export function exportHandovers({ state, settings }: ExportInput): ExportFile[] {
  const notes = submittedHandovers(state.list(handover).map((entry) => entry.state)).reverse();
  return notes.map((note, index) => ({
    path: `handovers/${note.note.date}-${safeFileName(note.note.shiftTypeId)}-${safeFileName(note.id)}.md`,
    content: noteMarkdown(note, settings),
    ...(index === 0 ? { describe: { zh: 'handovers/：每份交接班记录一个 Markdown 文件（文件头是日期、班次、作者、签收人）。', en: 'handovers/: one Markdown file per handover note (front matter: date, shift, author, who acknowledged).' } } : {}),
  }));
}

export const FOLLOW_UP_COLUMNS = [
  'id', 'title', 'category', 'status', 'owner', 'due', 'department', 'created_by', 'created_at', 'handover_id',
  'escalated_at', 'weibo_first_deadline', 'weibo_link', 'comments',
] as const;

/** Every follow-up, open or closed, as one CSV (UTF-8 with a BOM, so that Excel shows Chinese). */
export function exportFollowUps({ state, settings }: ExportInput): ExportFile[] {
  const zone = settings.timeZone;
  const department = (id: string | null) => (id ? (settings.departments.find((d) => d.id === id)?.name['zh-CN'] ?? id) : '');
  const rows = state
    .list(followUp)
    .map((entry) => entry.state)
    .filter(isCreated)
    .sort((a, b) => a.current.createdAt - b.current.createdAt || (a.id < b.id ? -1 : 1))
    .map(({ id, current, comments }) => [
      id, current.title, current.category, current.status, current.owner.name, isoInZone(current.dueAt, zone), department(current.department),
      current.createdBy.name, isoInZone(current.createdAt, zone), current.handoverId ?? '',
      current.escalation ? isoInZone(current.escalation.escalatedAt, zone) : '',
      current.escalation ? isoInZone(current.escalation.deadlineAt, zone) : '',
      current.escalation?.weiboLink ?? '', String(comments.length),
    ]);
  return [{
    path: 'follow-ups.csv',
    content: csv([...FOLLOW_UP_COLUMNS], rows),
    describe: { zh: 'follow-ups.csv：所有待跟进事项（含已完成和投诉升级的“微博优先”截止时间）。', en: "follow-ups.csv: every follow-up, open or closed, with escalations' Weibo-first deadlines." },
  }];
}

/** CSV with a header row, CRLF line ends and a UTF-8 BOM: what spreadsheets open correctly. */
export function csv(columns: string[], rows: string[][]): string {
  return `\uFEFF${Papa.unparse({ fields: columns, data: rows }, { newline: '\r\n' })}\r\n`;
}
