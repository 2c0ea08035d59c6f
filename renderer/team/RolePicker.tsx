import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, rolesContradict, type Role } from '../../shared/team/roles';

/**
 * Roles are additive (shared/team/roles.ts): one checkbox each, with a line on what it lets one
 * do. Read-only with a role that writes is refused on every device, so the picker says so at once;
 * `roleChoiceValid` tells the screen whether it may save.
 */
export function RolePicker({ legend, value, onChange }: { legend: string; value: readonly Role[]; onChange(roles: Role[]): void }) {
  const { t } = useTranslation();
  // Several pickers may be on the screen at once (a role edit, each join request).
  const id = useId();
  const toggle = (role: Role) =>
    onChange(ROLES.filter((r) => (r === role ? !value.includes(r) : value.includes(r))));
  const problem = value.length === 0 ? t('team.members.noRoles') : rolesContradict(value) ? t('team.roleHelp.contradiction') : null;
  return (
    <fieldset className="team-roles">
      <legend className="team-roles__legend">{legend}</legend>
      {ROLES.map((role) => (
        <div key={role} className={value.includes(role) ? 'team-role team-role--on' : 'team-role'}>
          <label className="team-role__name">
            <input type="checkbox" checked={value.includes(role)} onChange={() => toggle(role)} aria-describedby={`${id}-${role}`} />
            {t(`team.roles.${role}`)}
          </label>
          <span className="team-role__help" id={`${id}-${role}`}>{t(`team.roleHelp.${role}`)}</span>
        </div>
      ))}
      {problem && <p className="team-warning-text" role="alert">{problem}</p>}
    </fieldset>
  );
}

/** Whether a role choice may be saved: at least one role, and no contradiction. */
export const roleChoiceValid = (roles: readonly Role[]) => roles.length > 0 && !rolesContradict(roles);

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
