import { useState } from 'react';
import { baton } from '../bridge/baton';
import { reportError } from '../app/errors/report-error';
import { notify } from '../app/notices/notices-store';
import { settingsFromService } from '../app/stores/settings-store';
import { useLanguage } from '../i18n/use-language';

/**
 * Opening and leaving the sample team, for the first run's offer and the banner: the service
 * switches the folder and answers with this computer's settings, which the app follows at once.
 */
export function useSampleTeam() {
  const language = useLanguage();
  const [busy, setBusy] = useState(false);
  const run = async (call: () => ReturnType<typeof baton.leaveSampleTeam>, done: 'sampleTeam.opened' | 'sampleTeam.left') => {
    setBusy(true);
    const result = await settingsFromService(call);
    setBusy(false);
    if (!result.ok) return reportError(result.error);
    notify('success', (t) => t(done));
  };
  return {
    busy,
    open: () => run(() => baton.openSampleTeam({ language }), 'sampleTeam.opened'),
    leave: () => run(() => baton.leaveSampleTeam({}), 'sampleTeam.left'),
  };
}
