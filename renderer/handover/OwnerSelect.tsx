import { useTranslation } from 'react-i18next';
import type { Person } from '../../shared/team-settings';
import type { ControlProps } from '../app/ui/Field';
import { useAssignableMembers } from '../team/use-team-members';

interface Props extends Partial<Omit<ControlProps, 'id'>> {
  id: string;
  me: Person | null;
  value: Person | null;
  onChange: (owner: Person) => void;
  disabled?: boolean;
}

/**
 * Who a follow-up is given to: any approved member of the team. An owner who has left stays
 * shown as the current value, so the picker never silently names someone else.
 */
export function OwnerSelect({ me, value, onChange, ...control }: Props) {
  const { t } = useTranslation();
  const members = useAssignableMembers(me);
  const gone = value !== null && !members.some((member) => member.memberId === value.memberId);
  const options = gone ? [...members, value] : members;
  const label = (person: Person) =>
    person.memberId === me?.memberId
      ? t('followUps.form.me', { name: person.name })
      : gone && person === value
        ? t('followUps.form.formerMember', { name: person.name })
        : person.name;
  return (
    <select
      className="input"
      value={value?.memberId ?? ''}
      onChange={(e) => {
        const chosen = options.find((person) => person.memberId === e.target.value);
        if (chosen) onChange(chosen);
      }}
      {...control}
    >
      {value === null && <option value="">{t('followUps.form.pickOwner')}</option>}
      {options.map((person) => (
        <option key={person.memberId} value={person.memberId}>{label(person)}</option>
      ))}
    </select>
  );
}
