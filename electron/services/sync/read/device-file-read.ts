import { deviceFileSchema, type DeviceFile } from '../../../../shared/sync/team-files';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export type DeviceFileVerdict =
  | { readonly ok: true; readonly device: DeviceFile }
  | { readonly ok: false; readonly detail: string };

/** A device.json is only a claim, and must at least be about the folder it sits in. */
export function judgeDeviceFile(bytes: Uint8Array, folderDeviceId: string): DeviceFileVerdict {
  let json: unknown;
  try {
    json = JSON.parse(utf8.decode(bytes));
  } catch (error) {
    return { ok: false, detail: `not JSON (${(error as Error).message})` };
  }
  const parsed = deviceFileSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  }
  if (parsed.data.deviceId !== folderDeviceId) {
    return { ok: false, detail: `it names device ${parsed.data.deviceId}, the folder is ${folderDeviceId}` };
  }
  return { ok: true, device: parsed.data };
}
