import { useTranslation } from 'react-i18next';
import { CheckIcon } from './icons';
import { formatTime } from '../format';
import { useLanguage } from '../../i18n/use-language';
import { useSaveStatus } from './save-status-store';

/** A quiet confirmation beside a section's title, announced politely to screen readers. */
export function SaveStatus({ section }: { section: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const status = useSaveStatus((s) => s.sections[section]);
  return (
    <p className="save-status" role="status">
      {status?.kind === 'saved' && (
        <>
          <CheckIcon />
          {t('app.saved', { time: formatTime(status.at, language) })}
        </>
      )}
    </p>
  );
}
