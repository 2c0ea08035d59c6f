import { useEffect } from 'react';
import { FirstRun } from '../first-run/FirstRun';
import { useLanguageSync } from '../i18n/use-language';
import { Frame } from './frame/Frame';
import { LoadFailed } from './LoadFailed';
import { Loading } from './Loading';
import { NoticeArea } from './notices/NoticeArea';
import { useBoot } from './stores/boot-store';
import { followSettingsChanges, useSettings } from './stores/settings-store';
import { useThemeSync } from './theme/use-theme-sync';

function Content() {
  const phase = useBoot((s) => s.phase);
  const firstRunDone = useSettings((s) => s.settings?.firstRunDone ?? false);
  if (phase.kind === 'loading') return <Loading />;
  if (phase.kind === 'failed') return <LoadFailed error={phase.error} />;
  return firstRunDone ? <Frame /> : <FirstRun />;
}

export function App() {
  useLanguageSync();
  useThemeSync();
  // Listening starts before the first read, so no change can slip between the two.
  useEffect(() => {
    const stop = followSettingsChanges();
    void useBoot.getState().start();
    return stop;
  }, []);
  return (
    <>
      <Content />
      <NoticeArea />
    </>
  );
}
