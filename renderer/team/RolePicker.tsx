import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../shared/team/roles';

/** Roles are additive (shared/team/roles.ts): one checkbox each. */
export function RolePicker({ legend, value, onChange }: { legend: string; value: readonly Role[]; onChange(roles: Role[]): void }) {
  const { t } = useTranslation();
  const toggle = (role: Role) =>
    onChange(ROLES.filter((r) => (r === role ? !value.includes(r) : value.includes(r))));
  return (
    <fieldset className="team-roles">
      <legend className="team-roles__legend">{legend}</legend>
      {ROLES.map((role) => (
        <label key={role} className={value.includes(role) ? 'team-role team-role--on' : 'team-role'}>
          <input type="checkbox" checked={value.includes(role)} onChange={() => toggle(role)} />
          {t(`team.roles.${role}`)}
        </label>
      ))}
    </fieldset>
  );
}

export function RoleTags({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  return (
    <span className="team-tags">
      {roles.map((role) => (
        <span key={role} className={`team-tag team-tag--${role}`}>{t(`team.roles.${role}`)}</span>
      ))}
    </span>
  );
}
