// The app's top: the first run or the frame with its screens, below the boot and the notices.
import { useEffect } from 'react';
import { FirstRun } from './first-run/FirstRun';
import { useLanguageSync } from './app/language/use-language-sync';
import { Frame } from './app/frame/Frame';
import { LoadFailed } from './app/LoadFailed';
import { Loading } from './app/Loading';
import { NoticeArea } from './app/notices/NoticeArea';
import { useBoot } from './app/stores/boot-store';
import { followSettingsChanges, useSettings } from './app/stores/settings-store';
import { useThemeSync } from './app/theme/use-theme-sync';

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
