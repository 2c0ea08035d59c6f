import { z } from 'zod';
import { oneLine } from '../text/one-line';

export const languages = ['zh-CN', 'en'] as const;
export const LanguageSchema = z.enum(languages);
export type Language = z.infer<typeof LanguageSchema>;

export const ThemeSchema = z.enum(['light', 'dark', 'system']);
export type Theme = z.infer<typeof ThemeSchema>;

/** Where the team's data lives: a folder the team shares, or Baton's own folder on this computer. */
export const SharedFolderChoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('embedded') }),
  z.object({ kind: z.literal('path'), path: z.string().min(1).max(4096) }),
]);
export type SharedFolderChoice = z.infer<typeof SharedFolderChoiceSchema>;

/** A person's name on this computer: one line of well-formed text (shared/text/one-line.ts), like every name. */
export const MemberNameSchema = oneLine(z.string().trim().min(1).max(40));

export const WindowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

/** Which kinds of OS notification this computer shows (shared/briefing/notify.ts names the kinds). */
export const NotificationSettingsSchema = z.object({
  handover: z.boolean(),
  escalation: z.boolean(),
  // Added later: a computer's stored settings without them get them on.
  cover: z.boolean().default(true),
  approval: z.boolean().default(true),
  sop: z.boolean().default(true),
});
export type NotificationSettings = z.infer<typeof NotificationSettingsSchema>;

/** What was notified already (keys of shared/briefing/notify.ts), newest last: never said twice. */
export const MAX_NOTIFIED_KEYS = 500;
export const NotifiedKeysSchema = z.array(z.string().max(200)).max(MAX_NOTIFIED_KEYS);

/**
 * A sample team open on this computer (its folder, Baton's own or the CLI's), and what the first
 * run had settled before it, given back when the person leaves the sample.
 */
export const SampleTeamSettingSchema = z.object({
  path: z.string().min(1).max(4096),
  before: z.object({ firstRunDone: z.boolean(), memberName: z.string().max(40).nullable() }),
});
export type SampleTeamSetting = z.infer<typeof SampleTeamSettingSchema>;

/** Per-computer settings only: team data never lives here. */
export const SettingsSchema = z.object({
  /** null follows the operating system's language. */
  language: LanguageSchema.nullable(),
  theme: ThemeSchema,
  sharedFolder: SharedFolderChoiceSchema,
  /** Who I am on this computer. */
  memberName: z.string().max(40).nullable(),
  firstRunDone: z.boolean(),
  pollIntervalSeconds: z.number().int().min(1).max(300),
  window: WindowStateSchema,
  notifications: NotificationSettingsSchema,
  notifiedKeys: NotifiedKeysSchema,
  // Added later: stored settings without it have no sample open.
  sample: SampleTeamSettingSchema.nullable().default(null),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const defaultSettings: Settings = {
  language: null,
  theme: 'system',
  sharedFolder: { kind: 'embedded' },
  memberName: null,
  firstRunDone: false,
  pollIntervalSeconds: 5,
  window: { width: 1280, height: 820, maximized: false },
  notifications: { handover: true, escalation: true, cover: true, approval: true, sop: true },
  notifiedKeys: [],
  sample: null,
};

/** What the renderer may change; the window state belongs to the shell. */
export const SettingsPatchSchema = z
  .object({
    language: LanguageSchema.nullable(),
    theme: ThemeSchema,
    sharedFolder: SharedFolderChoiceSchema,
    memberName: MemberNameSchema,
    pollIntervalSeconds: z.number().int().min(1).max(300),
    notifications: NotificationSettingsSchema,
    notifiedKeys: NotifiedKeysSchema,
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
