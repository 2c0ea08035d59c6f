import { useTranslation } from 'react-i18next';
import './sop.css';
import { DocumentView } from './DocumentView';
import { EditorView } from './EditorView';
import { LibraryView } from './LibraryView';
import { MergeView } from './MergeView';
import { openSop, showLibrary, useSop, useSopFeed } from './sop-store';
import { useRevealPlace } from '../app/nav/reveal-place';

/** 运营规范: the library by area, a document with its history, the editor, and the merge of a fork. */
export function SopScreen() {
  const { t } = useTranslation();
  useSopFeed();
  // Opened at one SOP (from the briefing, a stand-in pack): its document.
  useRevealPlace('sops', openSop);
  const { tab, sopId, library } = useSop();
  if (!library) return <p className="muted">{t('sop.loading')}</p>;
  return (
    <div className="sop">
      {tab !== 'library' && (
        <button type="button" className="button sop-back" onClick={showLibrary}>
          {t('sop.backToLibrary')}
        </button>
      )}
      {tab === 'library' && <LibraryView library={library} />}
      {tab === 'document' && sopId && <DocumentView id={sopId} />}
      {tab === 'editor' && <EditorView id={sopId} />}
      {tab === 'merge' && sopId && <MergeView id={sopId} />}
    </div>
  );
}
