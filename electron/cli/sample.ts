import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { LanguageSchema } from '../../shared/settings/schema';
import { createAppServices } from '../services/app-services';
import { createFileLogger } from '../services/log';
import { createConfSettingsStore } from '../services/settings/conf-store';
import { cliPlatform } from './create-team';

export const sampleUsage = 'usage: baton sample --shared <dir> --profile <dir> [--lang zh-CN|en]';

/**
 * `baton sample`: the sample team, made in a command (for a demo or a test) in a folder that holds
 * no team yet, for the profile's computer: `serve --profile <same> --shared <same>` then opens it
 * as the sample's lead, banner and all. Prints one JSON line: the team id, its name, who I am.
 */
export async function sampleCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { shared: { type: 'string' }, profile: { type: 'string' }, lang: { type: 'string' } }, strict: true });
  const language = LanguageSchema.safeParse(values.lang ?? 'zh-CN');
  if (!values.shared || !values.profile || !language.success) {
    process.stderr.write(`--shared and --profile are required; --lang is zh-CN or en\n${sampleUsage}\n`);
    return 2;
  }
  const profileDir = resolve(values.profile);
  const sharedDir = resolve(values.shared);
  const services = createAppServices({
    profileDir,
    appVersion: version,
    platform: cliPlatform,
    settingsStore: createConfSettingsStore(profileDir, version),
    log: createFileLogger(profileDir),
    sharedDir,
    syncOptions: { watch: false },
  });
  try {
    await services.sync.ready;
    const settings = await services.sampleTeam.open({ language: language.data, sharedDir });
    const status = services.sync.getStatus();
    process.stdout.write(`${JSON.stringify({ teamId: status.teamId, teamName: status.teamName, sharedDir, memberName: settings.memberName })}\n`);
    return 0;
  } finally {
    await services.close();
  }
}
