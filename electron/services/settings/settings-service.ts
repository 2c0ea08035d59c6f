import { SettingsSchema, defaultSettings, type Settings, type SettingsPatch, type WindowState } from '../../../shared/settings/schema';
import type { Logger } from '../log';
import type { SettingsStore } from './store-options';

/**
 * Per-computer settings: read through the zod schema so a hand-edited or damaged file falls back
 * to defaults field by field instead of taking the app down.
 */
export class SettingsService {
  private current: Settings;
  private readonly listeners = new Set<(settings: Settings) => void>();

  constructor(
    private readonly store: SettingsStore,
    private readonly log: Logger,
  ) {
    this.current = this.readStore();
  }

  get(): Settings {
    return this.current;
  }

  update(patch: SettingsPatch | { window: WindowState } | Partial<Settings>): Settings {
    const next = SettingsSchema.parse({ ...this.current, ...patch });
    this.store.set(next);
    this.current = next;
    for (const listener of this.listeners) listener(next);
    return next;
  }

  onChange(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private readStore(): Settings {
    const raw = this.store.store;
    const whole = SettingsSchema.safeParse(raw);
    if (whole.success) return whole.data;
    const repaired: Record<string, unknown> = { ...defaultSettings };
    for (const [key, fieldSchema] of Object.entries(SettingsSchema.shape)) {
      const field = fieldSchema.safeParse(raw[key]);
      if (field.success) repaired[key] = field.data;
      else this.log.warn('settings', `setting "${key}" was unreadable; using the default`);
    }
    return SettingsSchema.parse(repaired);
  }
}
