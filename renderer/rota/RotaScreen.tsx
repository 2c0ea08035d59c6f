import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RotaSettingsView } from '../../shared/api/rota-views';
import { formatInZone } from '../app/format';
import { useRevealPlace } from '../app/nav/reveal-place';
import { baton } from '../bridge/baton';
import { useLanguage } from '../i18n/use-language';
import { ChecksList } from './ChecksList';
import { EmptyRota, unplannedMonths } from './EmptyRota';
import { Fairness } from './Fairness';
import { useZoneNote } from './format';
import { MonthGrid } from './MonthGrid';
import { MyShifts } from './MyShifts';
import { PatternEditor } from './PatternEditor';
import { Requests } from './Requests';
import { RotaFiles } from './RotaFiles';
import { RotaSettings } from './RotaSettings';
import { addDays, afterWrite, setRotaView, shiftMonth, useRota, useRotaFeed, type RotaTab } from './rota-store';
import { SlotEditor, editorKey } from './SlotEditor';
import { WeekView } from './WeekView';
import { WhatChanged } from './WhatChanged';
import { UnlessArriving } from '../sync/StillArriving';

function LeadSettings() {
  const view = useRota((s) => s.view);
  const [settings, setSettings] = useState<RotaSettingsView | null>(null);
  const load = useCallback(() => void baton.getRotaSettings({}).then((result) => result.ok && setSettings(result.value)), []);
  useEffect(load, [load]);
  if (!settings || !view) return null;
  return (
    <>
      <RotaSettings key={JSON.stringify(settings.rules)} settings={settings} onSaved={load} />
      <PatternEditor view={view} settings={settings} onSaved={load} />
    </>
  );
}

/** The duty rota: month and week, one person's shifts, requests, checks, fairness, and the lead's settings. */
export function RotaScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  useRotaFeed();
  // Opened at a leave, cover or swap request (from the briefing): the requests, that one marked.
  useRevealPlace('rota', () => setRotaView({ tab: 'requests' }));
  const { tab, month, weekFrom, view, requests, selected, error } = useRota();
  const zoneNote = useZoneNote(view?.timeZone);
  const tabs: RotaTab[] = ['month', 'week', 'shifts', 'requests', 'checks', 'fairness', ...(view?.me.lead ? (['settings'] as const) : [])];
  const selectedSlot = view?.days.flatMap((day) => day.slots).find((slot) => slot.key === selected);
  const monthInfo = view?.months.find((entry) => entry.month === month);
  const openCovers = requests?.covers.filter((cover) => cover.status === 'open').length ?? 0;
  const unplanned = view && (tab === 'month' || tab === 'week') ? unplannedMonths(view) : [];
  return (
    <div className="rota">
      <div className="bar">
        <nav className="rota-tabs" aria-label={t('rota.nav')}>
          {tabs.map((id) => (
            <button key={id} type="button" className={`rota-tab${tab === id ? ' rota-tab--current' : ''}`} aria-current={tab === id ? 'page' : undefined} onClick={() => setRotaView({ tab: id })}>
              {t(`rota.tabs.${id}`)}
              {id === 'requests' && openCovers > 0 && <span className="rota-count">{openCovers}</span>}
              {id === 'checks' && (view?.checks.length ?? 0) > 0 && <span className="rota-count">{view?.checks.length}</span>}
            </button>
          ))}
        </nav>
        <div className="rota-range">
          {tab === 'week' ? (
            <>
              <button type="button" className="button" aria-label={t('rota.previous')} onClick={() => setRotaView({ weekFrom: addDays(weekFrom, -7) })}>‹</button>
              <span className="rota-range__label">{t('rota.weekOf', { date: weekFrom })}</span>
              <button type="button" className="button" aria-label={t('rota.next')} onClick={() => setRotaView({ weekFrom: addDays(weekFrom, 7) })}>›</button>
            </>
          ) : (
            <>
              <button type="button" className="button" aria-label={t('rota.previous')} onClick={() => setRotaView({ month: shiftMonth(month, -1), selected: null })}>‹</button>
              <span className="rota-range__label" data-testid="rota-month">{month}</span>
              <button type="button" className="button" aria-label={t('rota.next')} onClick={() => setRotaView({ month: shiftMonth(month, 1), selected: null })}>›</button>
            </>
          )}
        </div>
      </div>
      {zoneNote && <p className="rota-zone" role="note">{zoneNote}</p>}
      {error && <p className="rota-notice rota-notice--warn" role="alert">{error.message}</p>}
      {view?.me.lead && monthInfo && tab === 'month' && (
        <div className="bar rota-publish">
          <span>
            {monthInfo.publishedAt === null ? t('rota.publish.never') : t('rota.publish.at', { at: formatInZone(monthInfo.publishedAt, view.timeZone, language) })}
            {' · '}
            {t('rota.publish.pending', { count: monthInfo.unpublished })}
          </span>
          <button type="button" className="button button--primary" disabled={monthInfo.unpublished === 0} onClick={() => void afterWrite(baton.publishRotaMonth({ month }))}>
            {t('rota.publish.button', { month })}
          </button>
        </div>
      )}
      {(tab === 'month' || tab === 'shifts') && <WhatChanged />}
      {view && unplanned.length > 0 && (
        <UnlessArriving>
          <EmptyRota view={view} months={unplanned} />
        </UnlessArriving>
      )}
      {!view ? null : tab === 'month' ? (
        <>
          {selectedSlot && <SlotEditor key={editorKey(selectedSlot)} view={view} slot={selectedSlot} />}
          <MonthGrid view={view} />
        </>
      ) : tab === 'week' ? (
        <>
          {selectedSlot && <SlotEditor key={editorKey(selectedSlot)} view={view} slot={selectedSlot} />}
          <WeekView view={view} />
        </>
      ) : tab === 'shifts' ? (
        <MyShifts view={view} />
      ) : tab === 'requests' ? (
        requests && <Requests view={view} requests={requests} />
      ) : tab === 'checks' ? (
        <ChecksList view={view} />
      ) : tab === 'fairness' ? (
        <Fairness />
      ) : (
        <>
          <LeadSettings />
          <RotaFiles view={view} />
        </>
      )}
      {tab !== 'settings' && tab !== 'fairness' && tab !== 'checks' && !view?.me.lead && view && <RotaFiles view={view} />}
    </div>
  );
}
