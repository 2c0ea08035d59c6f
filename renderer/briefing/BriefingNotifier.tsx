import { useEffect } from 'react';
import { notificationsToShow, type BriefingNotification } from '../../shared/briefing';
import { MAX_NOTIFIED_KEYS } from '../../shared/settings/schema';
import { useSettings } from '../app/stores/settings-store';
import { baton } from '../bridge/baton';
import { i18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/resources';
import { useBriefing, useBriefingFeed } from './briefing-store';

/** The desktop app shows it through the OS; a browser tab through the Notification API, once allowed. */
async function show(title: string, body: string): Promise<void> {
  const result = await baton.showNotification({ title, body });
  if (result.ok && result.value.shown) return;
  if (!('Notification' in window)) return;
  if (Notification.permission === 'default') await Notification.requestPermission();
  if (Notification.permission === 'granted') new Notification(title, { body });
}

function words(item: BriefingNotification): [string, string] {
  const t = i18n.t.bind(i18n);
  return [t(`briefing.notify.${item.text}.title` as MessageKey), t(`briefing.notify.${item.text}.body` as MessageKey, { subject: item.subject })];
}

/**
 * Runs above every screen and renders nothing: each new briefing is diffed with the one before
 * (shared/briefing/notify.ts), and what is new, turned on and never notified is shown once, then
 * remembered in this computer's settings.
 */
export function BriefingNotifier() {
  useBriefingFeed();
  useEffect(
    () =>
      useBriefing.subscribe((state, before) => {
        const settings = useSettings.getState().settings;
        if (!state.briefing || state.briefing === before.briefing || !settings) return;
        const fresh = notificationsToShow(before.briefing, state.briefing, {
          notified: new Set(settings.notifiedKeys),
          enabled: (kind) => settings.notifications[kind],
        });
        if (fresh.length === 0) return;
        void useSettings.getState().save({ notifiedKeys: [...settings.notifiedKeys, ...fresh.map((item) => item.key)].slice(-MAX_NOTIFIED_KEYS) });
        for (const item of fresh) void show(...words(item));
      }),
    [],
  );
  return null;
}
