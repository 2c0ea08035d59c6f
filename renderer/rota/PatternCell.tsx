import { useTranslation } from 'react-i18next';

interface Props {
  /** '第 3 天 早班': names the cell for screen readers. */
  label: string;
  people: readonly string[];
  members: ReadonlyArray<{ readonly memberId: string; readonly name: string }>;
  needed: number;
  onChange: (people: string[]) => void;
}

/** One day × shift of a pattern: the people on it (as many as the shift needs, or more), picked from the team. */
export function PatternCell({ label, people, members, needed, onChange }: Props) {
  const { t } = useTranslation();
  const names = members.filter((member) => people.includes(member.memberId)).map((member) => member.name);
  const short = people.length > 0 && people.length < needed;
  return (
    <details className={`pattern-cell${short ? ' pattern-cell--short' : ''}`}>
      <summary aria-label={`${label}: ${names.join('、') || '—'}${short ? ` (${t('rota.pattern.short', { needed })})` : ''}`}>{names.join('、') || '—'}</summary>
      <fieldset className="pattern-cell__people">
        <legend className="sr-only">{label}</legend>
        {members.map((member) => (
          <label key={member.memberId} className="rota-check">
            <input
              type="checkbox"
              checked={people.includes(member.memberId)}
              // Kept in the team's order, so a pattern reads the same however it was ticked.
              onChange={(event) => onChange(members.map((other) => other.memberId).filter((id) => (id === member.memberId ? event.target.checked : people.includes(id))))}
            />
            {member.name}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
