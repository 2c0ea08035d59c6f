import { useTranslation } from 'react-i18next';

interface Item {
  readonly id: string;
  readonly text: string;
  readonly done: boolean;
}

/** A handover note's checklist from the SOPs: what was done against the plan, who ticked it and the link. */
export function HandoverChecklist({ items, className }: { items: readonly Item[] | undefined; className: string }) {
  const { t } = useTranslation();
  if (!items || items.length === 0) return null;
  const done = items.filter((item) => item.done).length;
  return (
    <section className={className} aria-labelledby="handover-checklist-title">
      <h3 className="card__title" id="handover-checklist-title">{t('sop.handover.title', { done, total: items.length })}</h3>
      <ul className="sop-list">
        {items.map((item) => (
          <li key={item.id}>
            <span className={item.done ? 'badge badge--ok' : 'badge badge--danger'}>{item.done ? t('sop.handover.done') : t('sop.handover.notDone')}</span> {item.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
