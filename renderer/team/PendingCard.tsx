import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamView } from '../../shared/api/team-schemas';
import type { Role } from '../../shared/team/roles';
import { reportError } from '../app/errors/report-error';
import { baton } from '../bridge/baton';
import { RolePicker, roleChoiceValid } from './RolePicker';
import { applyTeamResult } from './team-store';
import { UnlessArriving } from '../sync/StillArriving';

type Request = TeamView['pending'][number];

function RequestItem({ request, members }: { request: Request; members: TeamView['members'] }) {
  const { t } = useTranslation();
  const [roles, setRoles] = useState<Role[]>(['editor']);
  // '' approves a new member; a member id files the computer under that existing member.
  const [memberId, setMemberId] = useState(request.existingMember ? request.memberId : '');
  const [busy, setBusy] = useState(false);
  const act = async (decide: () => ReturnType<typeof baton.approveJoin>) => {
    setBusy(true);
    const result = applyTeamResult(await decide());
    setBusy(false);
    if (!result.ok) reportError(result.error);
  };
  const approve = () => act(() => baton.approveJoin({ requestId: request.id, roles, ...(memberId ? { memberId } : {}) }));
  return (
    <li className="team-request">
      <div className="team-request__who">
        <p className="team-request__name">{t('team.pending.requested', { name: request.memberName })}</p>
        <p className="team-muted">{t('team.pending.device', { id: request.deviceId.slice(0, 8) })}</p>
        {!request.keyMatches && <p className="team-warning-text">{t('team.pending.keyMismatch')}</p>}
      </div>
      <label className="team-request__as">
        <span>{t('team.pending.asExisting')}</span>
        <select className="input" value={memberId} onChange={(event) => setMemberId(event.target.value)}>
          <option value="">{t('team.pending.newMember')}</option>
          {members.map((member) => <option key={member.memberId} value={member.memberId}>{member.displayName}</option>)}
        </select>
      </label>
      {memberId === '' && <RolePicker legend={t('team.pending.asNew')} value={roles} onChange={setRoles} />}
      <div className="button-row">
        <button type="button" className="button button--primary" disabled={busy || !request.keyMatches || (memberId === '' && !roleChoiceValid(roles))}
          onClick={() => void approve()}>{t('team.pending.approve')}</button>
        <button type="button" className="button" disabled={busy}
          onClick={() => void act(() => baton.declineJoin({ requestId: request.id }))}>{t('team.pending.decline')}</button>
      </div>
    </li>
  );
}

/** Requests to join: approve with roles (or as another computer of a member), or decline. Admins only. */
export function PendingCard({ view }: { view: TeamView }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="team-pending-title">
      <h2 className="card__title" id="team-pending-title">{t('team.pending.title')}</h2>
      <p className="card__description">{t('team.pending.description')}</p>
      <div className="card__body">
        {view.pending.length === 0 ? <UnlessArriving variant="line" className="team-muted"><p className="team-muted">{t('team.pending.empty')}</p></UnlessArriving>
          : <ul className="team-list">{view.pending.map((request) => <RequestItem key={request.id} request={request} members={view.members} />)}</ul>}
      </div>
    </section>
  );
}
