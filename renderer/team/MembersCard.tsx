import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamView } from '../../shared/api/team-schemas';
import type { Role } from '../../shared/team/roles';
import { reportError } from '../app/errors/report-error';
import { CLOCK_24H } from '../app/format';
import { hrefOf } from '../app/nav/nav-store';
import { baton } from '../bridge/baton';
import { useLanguage } from '../i18n/use-language';
import { RolePicker, RoleTags, roleChoiceValid } from './RolePicker';
import { applyTeamResult } from './team-store';

type Member = TeamView['members'][number];

function when(at: number | null, language: string): string | null {
  return at === null ? null : new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', ...CLOCK_24H }).format(at);
}

function MemberItem({ member, isAdmin }: { member: Member; isAdmin: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [editing, setEditing] = useState<Role[] | null>(null);
  const run = async (call: () => ReturnType<typeof baton.removeMember>) => {
    const result = applyTeamResult(await call());
    if (!result.ok) reportError(result.error);
    return result.ok;
  };
  const save = async () => {
    if (editing && (await run(() => baton.setMemberRoles({ memberId: member.memberId, roles: editing })))) setEditing(null);
  };
  const name = member.displayName;
  return (
    <li className="team-member">
      <div className="bar team-member__head">
        <p className="team-member__name">
          {name}
          {member.isMe && <span className="team-muted"> · {t('team.members.you')} · <a href={hrefOf('settings')}>{t('team.members.renameInSettings')}</a></span>}
          {member.isRoot && <span className="team-muted"> · {t('team.members.root')}</span>}
        </p>
        <RoleTags roles={member.roles} />
      </div>
      {member.rolesConflict && <p className="team-warning-text">{t('team.members.rolesConflict')}</p>}
      <ul className="team-devices">
        {member.devices.map((device, index) => (
          <li key={device.deviceId} className="team-device">
            {/* A stand-in tells a person's computers apart by number; the id is there for whoever needs it. */}
            <span title={device.deviceId}>{t('team.members.computer', { n: index + 1 })}</span>
            {device.isThisDevice && <span className="team-muted">{t('team.members.thisDevice')}</span>}
            <span className={`team-status team-status--${device.status}`}>{t(`team.deviceStatus.${device.status}`)}</span>
            <span className="team-muted">
              {when(device.lastSeenAt, language) ? t('team.members.lastSeen', { time: when(device.lastSeenAt, language) }) : t('team.members.neverSeen')}
            </span>
            {isAdmin && device.status === 'approved' && !device.isThisDevice && (
              <button type="button" className="button button--small"
                onClick={() => window.confirm(t('team.members.confirmRevoke', { name, id: t('team.members.computer', { n: index + 1 }) }))
                  && void run(() => baton.revokeDevice({ deviceId: device.deviceId }))}>
                {t('team.members.revoke')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {isAdmin && editing && (
        <div className="team-edit">
          <RolePicker legend={t('team.members.rolesLegend', { name })} value={editing} onChange={setEditing} />
          <div className="button-row">
            <button type="button" className="button button--primary" disabled={!roleChoiceValid(editing)} onClick={() => void save()}>{t('team.members.saveRoles')}</button>
            <button type="button" className="button" onClick={() => setEditing(null)}>{t('team.members.cancel')}</button>
          </div>
        </div>
      )}
      {isAdmin && !editing && (
        <div className="button-row">
          <button type="button" className="button" onClick={() => setEditing([...member.roles])}>{t('team.members.editRoles')}</button>
          {!member.isMe && (
            <button type="button" className="button"
              onClick={() => window.confirm(t('team.members.confirmRemove', { name })) && void run(() => baton.removeMember({ memberId: member.memberId }))}>
              {t('team.members.remove')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

/** Members with their roles and computers; role edits, removal and revocation for admins. */
export function MembersCard({ view }: { view: TeamView }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="team-members-title">
      <h2 className="card__title" id="team-members-title">{t('team.members.title')}</h2>
      <div className="card__body">
        {view.me.isAdmin && view.adminCount <= 1 && (
          <p className="alert" role="note">{view.adminCount === 0 ? t('team.admins.none') : t('team.admins.one')}</p>
        )}
        {view.me.isAdmin && view.members.length > 1 && <p className="team-muted">{t('team.members.removeOrRevoke')}</p>}
        {view.members.length === 1 && view.members[0]?.isMe === true && (
          <div className="empty-state">
            <p className="empty-state__title">{t('team.members.aloneTitle')}</p>
            <p className="empty-state__body">{t('team.members.aloneBody')}</p>
          </div>
        )}
        <ul className="team-list">
          {view.members.map((member) => <MemberItem key={member.memberId} member={member} isAdmin={view.me.isAdmin} />)}
        </ul>
      </div>
    </section>
  );
}
