import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertIcon, CheckIcon, CloseIcon } from '../ui/icons';
import { useNotices, type NoticeTone } from './notices-store';
import './notices.css';

const icons: Record<NoticeTone, ComponentType> = { success: CheckIcon, error: AlertIcon };

/** Bottom corner messages that never block the work; errors are announced at once. */
export function NoticeArea() {
  const { t } = useTranslation();
  const notices = useNotices((s) => s.notices);
  const dismiss = useNotices((s) => s.dismiss);
  return (
    <section className="notices" aria-label={t('notices.region')}>
      {notices.map((notice) => {
        const Icon = icons[notice.tone];
        return (
          <div key={notice.id} className={`notice notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
            <Icon />
            <p className="notice__text">{notice.message(t)}</p>
            <button type="button" className="icon-button" onClick={() => dismiss(notice.id)} aria-label={t('notices.dismiss')}>
              <CloseIcon />
            </button>
          </div>
        );
      })}
    </section>
  );
}
