import { useTranslation } from 'react-i18next';
import type { StandInCover, StandInPack } from '../../shared/stand-in';
import { settingName } from '../app/format';
import { Card } from '../app/ui/Card';
import type { MessageKey } from '../i18n/resources';
import { useLanguage } from '../i18n/use-language';
import { useList } from './format';
import { UnlessArriving } from '../sync/StillArriving';

const COVER_LINES = { open: 'standIn.duty.coverOpen', covered: 'standIn.duty.cover', 'awaiting-approval': 'standIn.duty.coverAwaiting' } as const satisfies Record<StandInCover['status'], MessageKey>;

/** Who works the shift and its backup, and whose shift the stand-in covers. */
export function DutyCard({ pack }: { pack: StandInPack }) {
  const { t } = useTranslation();
  const list = useList();
  return (
    <Card id="stand-in-duty" title={t('standIn.duty.title')}>
      {pack.onDuty && pack.onDuty.people.length > 0 ? (
        <p>{list(pack.onDuty.people.map(({ person, role }) => t('standIn.duty.person', { name: person.name, role: t(`standIn.duty.role.${role}` as MessageKey) })))}</p>
      ) : (
        <UnlessArriving variant="line" className="muted"><p className="muted">{t('standIn.duty.none')}</p></UnlessArriving>
      )}
      {pack.covers.map((cover) => (
        <p key={cover.id} className="stand-in__cover" data-cover={cover.id}>
          {t(COVER_LINES[cover.status], { absent: cover.absent.name, standIn: cover.standIn?.name ?? '' })}
          {cover.urgent && <span className="badge badge--warning">{t('standIn.duty.urgent')}</span>}
        </p>
      ))}
    </Card>
  );
}

/** Whom to call: the leads, the shift's backup, the departments escalations go to with who to call there and how. */
export function ContactsCard({ pack }: { pack: StandInPack }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const list = useList();
  const { leads, backup, departments } = pack.contacts;
  const nameOf = (id: string) => settingName(departments, id, language);
  const reachable = departments.filter((department) => department.contact !== null);
  const unreachable = departments.filter((department) => department.contact === null);
  return (
    <Card id="stand-in-contacts" title={t('standIn.contacts.title')}>
      <dl className="stand-in__contacts">
        <dt>{t('standIn.contacts.leads')}</dt>
        <dd>{leads.length > 0 ? list(leads.map((lead) => lead.name)) : t('standIn.contacts.nobody')}</dd>
        <dt>{t('standIn.contacts.backup')}</dt>
        <dd>{backup?.name ?? t('standIn.contacts.nobody')}</dd>
        <dt>{t('standIn.contacts.departments')}</dt>
        <dd>
          {departments.length === 0 && t('standIn.contacts.nobody')}
          {reachable.length > 0 && (
            <ul className="stand-in__list">
              {reachable.map((department) => (
                <li key={department.id} data-department={department.id}>
                  {t('standIn.contacts.department', { name: nameOf(department.id), contact: department.contact })}
                </li>
              ))}
            </ul>
          )}
          {/* Said once for all of them, with who can fix it. */}
          {unreachable.length > 0 && (
            <p className="stand-in__no-contact" data-testid="departments-without-contact">
              {t('standIn.contacts.noContact', { names: list(unreachable.map((department) => nameOf(department.id))) })}
            </p>
          )}
        </dd>
      </dl>
    </Card>
  );
}
