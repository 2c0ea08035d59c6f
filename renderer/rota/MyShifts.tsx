import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RotaSlotView, RotaView } from '../../shared/api/rota-views';
import { LEAVE_TYPES } from '../../shared/rota';
import { shiftPlaceItem } from '../../shared/briefing/place';
import { hrefOf } from '../app/nav/nav-store';
import { Card } from '../app/ui/Card';
import { baton } from '../bridge/baton';
import { useLanguage } from '../i18n/use-language';
import { dateLabel, shiftLabel, useNames } from './format';
import { afterWrite, useRota } from './rota-store';
import { DateField } from '../app/ui/DateFields';
import { UnlessArriving } from '../sync/StillArriving';

function ShiftActions({ slot, view }: { slot: RotaSlotView; view: RotaView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = useNames(view.members);
  const [swapWith, setSwapWith] = useState('');
  const me = view.me.memberId!;
  const others = view.days
    .flatMap((day) => day.slots)
    .flatMap((other) => (other.duty?.people ?? []).filter((person) => person.memberId !== me).map((person) => ({ slot: other, memberId: person.memberId })));
  const open = useRota((s) => s.requests?.covers.find((cover) => cover.key === slot.key && cover.memberId === me && cover.status === 'open'));
  return (
    <div className="input-row">
      {open ? (
        <span className="muted">{t('rota.cover.waiting')}</span>
      ) : (
        <button type="button" className="button" onClick={() => void afterWrite(baton.requestCover({ date: slot.date, shiftTypeId: slot.shiftTypeId, note: '' }))}>
          {t('rota.cover.ask')}
        </button>
      )}
      <select aria-label={t('rota.swap.with')} className="input input--medium" value={swapWith} onChange={(event) => setSwapWith(event.target.value)}>
        <option value="">{t('rota.swap.with')}</option>
        {others.map(({ slot: other, memberId }) => (
          <option key={`${other.key}/${memberId}`} value={`${other.key}/${memberId}`}>
            {dateLabel(other.date, language)} {shiftLabel(view.shiftTypes, other.shiftTypeId, language)} · {name(memberId)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button"
        disabled={!swapWith}
        onClick={() => {
          const sent = swapWith;
          const [key, memberId] = sent.split('/') as [string, string];
          // Another choice made while it was proposing stays chosen.
          void afterWrite(baton.proposeSwap({ from: { date: slot.date, shiftTypeId: slot.shiftTypeId }, to: { date: key.slice(0, 10), shiftTypeId: key.slice(11), memberId }, note: '' })).then(() => setSwapWith((current) => (current === sent ? '' : current)));
        }}
      >
        {t('rota.swap.propose')}
      </button>
    </div>
  );
}

function LeaveForm({ view }: { view: RotaView }) {
  const { t } = useTranslation();
  const [leave, setLeave] = useState({ leaveType: 'annual' as (typeof LEAVE_TYPES)[number], from: view.days[0]?.date ?? '', to: view.days[0]?.date ?? '', note: '' });
  return (
    <Card id="rota-leave" title={t('rota.leave.title')} description={t('rota.leave.explain')}>
      <div className="input-row">
        <select aria-label={t('rota.leave.type')} className="input input--medium" value={leave.leaveType} onChange={(event) => setLeave({ ...leave, leaveType: event.target.value as typeof leave.leaveType })}>
          {LEAVE_TYPES.map((type) => <option key={type} value={type}>{t(`rota.leaveType.${type}`)}</option>)}
        </select>
        <DateField label={t('rota.leave.from')} labelHidden value={leave.from} onChange={(from) => setLeave({ ...leave, from })} />
        <DateField label={t('rota.leave.to')} labelHidden value={leave.to} onChange={(to) => setLeave({ ...leave, to })} />
        <input aria-label={t('rota.note')} placeholder={t('rota.note')} className="input" maxLength={500} value={leave.note} onChange={(event) => setLeave({ ...leave, note: event.target.value })} />
        <button type="button" className="button button--primary" disabled={!leave.from || !leave.to} onClick={() => void afterWrite(baton.requestLeave(leave))}>
          {t('rota.leave.request')}
        </button>
      </div>
    </Card>
  );
}

/** One person's shifts in the month shown (mine by default), with cover and swap for my own. */
export function MyShifts({ view }: { view: RotaView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = useNames(view.members);
  const [who, setWho] = useState(view.me.memberId ?? view.members[0]?.memberId ?? '');
  const mine = view.days.flatMap((day) => day.slots).filter((slot) => slot.duty?.people.some((person) => person.memberId === who) || slot.duty?.backup === who || slot.duty?.onLeave.includes(who));
  const isMe = who === view.me.memberId && view.me.member;
  return (
    <>
      <Card
        id="rota-person"
        title={isMe ? t('rota.myShifts') : t('rota.shiftsOf', { name: name(who) })}
        aside={
          <select aria-label={t('rota.person')} className="input input--medium" value={who} onChange={(event) => setWho(event.target.value)}>
            {view.members.map((member) => <option key={member.memberId} value={member.memberId}>{member.name}</option>)}
          </select>
        }
      >
        {mine.length === 0 ? (
          <UnlessArriving variant="line">
            <p className="muted">{t('rota.noShifts')}</p>
          </UnlessArriving>
        ) : (
          <ul className="rota-list" data-testid="person-shifts">
            {mine.map((slot) => {
              const backup = slot.duty?.backup === who;
              const onLeave = slot.duty?.onLeave.includes(who);
              return (
                <li key={slot.key}>
                  <strong>{dateLabel(slot.date, language)} {shiftLabel(view.shiftTypes, slot.shiftTypeId, language)}</strong>
                  {backup && <span className="slot__mark">{t('rota.backup')}</span>}
                  {onLeave && <span className="slot__mark slot__mark--gap">{t('rota.onLeave')}</span>}
                  {!onLeave && (
                    <a className="rota-pack" href={hrefOf('stand-in', shiftPlaceItem(slot))}>
                      {t('standIn.nav')}
                    </a>
                  )}
                  {isMe && !backup && !onLeave && <ShiftActions slot={slot} view={view} />}
                </li>
              );
            })}
          </ul>
        )}
      </Card>
      {view.me.member && <LeaveForm view={view} />}
    </>
  );
}
