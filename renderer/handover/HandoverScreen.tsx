import { useEffect } from 'react';
import { HISTORY_PLACE, WRITE_PLACE } from '../../shared/briefing/types';
import { useTranslation } from 'react-i18next';
import { takeItem, usePlaceItem } from '../app/nav/nav-store';
import { HistoryView } from './HistoryView';
import { MyLastNote } from './MyLastNote';
import { NoteView } from './NoteView';
import { PreviousShift } from './PreviousShift';
import { WriteView } from './WriteView';
import { openNote, showTab, useHandover, useHandoverFeed, type HandoverTab } from './handover-store';
import './handover.css';

const TABS: readonly HandoverTab[] = ['write', 'history'];

/** 交接班: the previous shift's notes to acknowledge, the note being written, and the history. */
export function HandoverScreen() {
  const { t } = useTranslation();
  useHandoverFeed();
  const tab = useHandover((s) => s.tab);
  // Opened at one note (from the briefing): show that note.
  const item = usePlaceItem('handover');
  useEffect(() => {
    if (item === null) return;
    takeItem();
    if (item === WRITE_PLACE) showTab('write');
    else if (item === HISTORY_PLACE) showTab('history');
    else openNote(item);
  }, [item]);
  // A note opened is a page of the history: the tab says where the person is.
  const marked = tab === 'note' ? 'history' : tab;
  return (
    <div className="handover">
      <PreviousShift />
      <MyLastNote />
      <div className="tabs no-print" role="tablist" aria-label={t('handover.nav')}>
        {TABS.map((id) => (
          <button key={id} type="button" role="tab" aria-selected={marked === id} className={marked === id ? 'tabs__tab tabs__tab--on' : 'tabs__tab'} onClick={() => showTab(id)}>
            {t(id === 'write' ? 'handover.tab.write' : 'handover.tab.history')}
          </button>
        ))}
      </div>
      {tab === 'write' && <WriteView />}
      {tab === 'history' && <HistoryView />}
      {tab === 'note' && <NoteView />}
    </div>
  );
}
