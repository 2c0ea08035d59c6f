import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SopDetail } from '../../shared/api/sop-views';
import type { TeamView } from '../../shared/api/team-schemas';
import { reportError } from '../app/errors/report-error';
import { Card } from '../app/ui/Card';
import { baton } from '../bridge/baton';
import { useLanguage } from '../i18n/use-language';
import { useTeamSettings } from '../team-settings/use-team-settings';
import { useSop } from './sop-store';
import { DateField } from '../app/ui/DateFields';

const READERS = ['editor', 'lead', 'approver'] as const;

/** A lead's settings of an SOP: owners, the review-by date, who must read it, which shifts need it. */
export function MetaCard({ detail }: { detail: SopDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [members, setMembers] = useState<TeamView['members']>([]);
  const [meta, setMeta] = useState(detail.meta);
  const shiftTypes = (useTeamSettings()?.settings.shiftTypes ?? []).filter((type) => type.retired !== true);

  useEffect(() => {
    void baton.getTeam({}).then((result) => result.ok && setMembers(result.value.members));
  }, []);

  const person = (memberId: string) => {
    const member = members.find((candidate) => candidate.memberId === memberId);
    return member ? { memberId, name: member.displayName } : null;
  };
  const toggle = <T,>(list: readonly T[], value: T) => (list.includes(value) ? list.filter((item) => item !== value) : [...list, value]);
  const save = async () => {
    const result = await baton.setSopMeta({ id: detail.id, changes: { owner: meta.owner, backupOwner: meta.backupOwner, reviewBy: meta.reviewBy, requiredRoles: meta.requiredRoles, shiftTypeIds: meta.shiftTypeIds } });
    if (!result.ok) return reportError(result.error, 'errors.couldNotSave');
    useSop.setState((s) => ({ revision: s.revision + 1 }));
  };

  return (
    <Card id="sop-meta" title={t('sop.meta.title')} description={detail.metaConflicts.length > 0 ? t('sop.meta.conflicts') : undefined}>
      <div className="sop-meta">
        {(['owner', 'backupOwner'] as const).map((field) => (
          <label key={field}>
            {t(`sop.meta.${field}`)}{' '}
            <select className="input" value={meta[field]?.memberId ?? ''} onChange={(event) => setMeta({ ...meta, [field]: person(event.target.value) })}>
              <option value="">—</option>
              {members.map((member) => (
                <option key={member.memberId} value={member.memberId}>{member.displayName}</option>
              ))}
            </select>
          </label>
        ))}
        <DateField label={t('sop.meta.reviewBy')} value={meta.reviewBy ?? ''} onChange={(reviewBy) => setMeta({ ...meta, reviewBy: reviewBy || null })} />
        <fieldset>
          <legend>{t('sop.meta.requiredRoles')}</legend>
          {READERS.map((role) => (
            <label key={role} className="check">
              <input type="checkbox" checked={meta.requiredRoles.includes(role)} onChange={() => setMeta({ ...meta, requiredRoles: toggle(meta.requiredRoles, role) })} />
              {t(`sop.role.${role}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('sop.meta.shiftTypes')}</legend>
          {shiftTypes.map((type) => (
            <label key={type.id} className="check">
              <input type="checkbox" checked={meta.shiftTypeIds.includes(type.id)} onChange={() => setMeta({ ...meta, shiftTypeIds: toggle(meta.shiftTypeIds, type.id) })} />
              {type.name[language]}
            </label>
          ))}
        </fieldset>
      </div>
      <button type="button" className="button button--primary" onClick={() => void save()}>
        {t('sop.meta.save')}
      </button>
    </Card>
  );
}
