import { exportFollowUps, exportHandovers } from './handover-export';
import { isoInZone } from './time';
import type { ExportFile, ExportInput, Exporter } from './types';

/** Every capability's exporter; a capability that lands adds its own here (one line). */
export const exporters: readonly Exporter[] = [exportHandovers, exportFollowUps];

/**
 * Everything the team wrote, as files readable without Baton, and a README saying what each is.
 * `more`: files the services make with Node-only writers (the rota's .ics, the SOPs, prizes).
 */
export function exportEverything(input: ExportInput, more: readonly ExportFile[] = []): ExportFile[] {
  const files = [...exporters.flatMap((exporter) => exporter(input)), ...more];
  const described = files.filter((file) => file.describe);
  const readme = [
    `# ${input.teamName ?? 'Baton'}: 团队数据导出 / team data export`,
    '',
    `导出时间 Exported: ${isoInZone(input.now, input.settings.timeZone)}（团队时区 team time zone: ${input.settings.timeZone}）`,
    '',
    '这是接力（Baton）里团队数据的一份可读副本：不用接力也能打开。所有时间都带时区偏移。CSV 是 UTF-8（带 BOM），Excel 和 WPS 可以直接打开。',
    '',
    "A readable copy of the team's data in Baton: it opens without Baton. Every time carries its zone offset. CSV files are UTF-8 with a BOM, for Excel.",
    '',
    '## 文件 Files',
    '',
    ...described.flatMap((file) => [`- ${file.describe!.zh}`, `  ${file.describe!.en}`]),
    '',
    '共享文件夹本身的格式见 Baton 的 docs/FORMAT.md。The shared folder format itself is described in Baton\'s docs/FORMAT.md.',
    '',
  ].join('\n');
  return [{ path: 'README.md', content: readme }, ...files];
}
