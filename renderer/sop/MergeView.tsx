import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mergedText, type ConflictChoice } from '../../shared/sop';
import { reportError } from '../app/errors/report-error';
import { Card } from '../app/ui/Card';
import { baton } from '../bridge/baton';
import { useLatestAnswer } from '../app/stores/latest-answer';
import { openUnlessMovedOn, refreshLibrary } from './sop-store';

/**
 * The three-way merge of a fork: what only one side changed is taken; each place both changed is
 * shown with both versions for the person to choose (or both). Saving writes a revision with both
 * heads as parents, which ends the fork on every device.
 */
export function MergeView({ id }: { id: string }) {
  const { t } = useTranslation();
  const view = useLatestAnswer(() => baton.getSopMerge({ id }), [id]);
  const [choices, setChoices] = useState<ConflictChoice[]>([]);

  if (!view) return <p className="muted">{t('sop.loading')}</p>;

  const conflicts = view.chunks.filter((chunk) => chunk.kind === 'conflict');
  const save = async () => {
    const from = { tab: 'merge', sopId: id } as const;
    const ids = new Set(view.ours.checklist.map((item) => item.id));
    // Checklist items of both sides are kept: an item either side added is not lost.
    const checklist = [...view.ours.checklist, ...view.theirs.checklist.filter((item) => !ids.has(item.id))];
    // Pictures of both sides: the service keeps those the merged text still shows.
    const pictures = [...view.ours.pictures, ...view.theirs.pictures];
    const result = await baton.saveSopRevision({ id, parents: [view.ours.id, view.theirs.id], title: view.ours.title, body: mergedText(view.chunks, choices), checklist, pictures });
    if (!result.ok) return reportError(result.error, 'errors.couldNotSave');
    if (!result.value.ok) return reportError({ code: 'invalid-input', message: result.value.issues.map((issue) => issue.code).join(', ') }, 'errors.couldNotSave');
    await refreshLibrary();
    openUnlessMovedOn(from, id);
  };

  const conflictNumbers: number[] = [];
  for (const chunk of view.chunks) conflictNumbers.push(chunk.kind === 'conflict' ? conflictNumbers.filter((n) => n >= 0).length : -1);
  return (
    <Card id="sop-merge" title={t('sop.merge.title')} description={t('sop.merge.description', { ours: view.ours.by.name, theirs: view.theirs.by.name, count: conflicts.length })}>
      <div className="sop-merge">
        {view.chunks.map((chunk, index) => {
          if (chunk.kind === 'agreed') return <pre key={index} className="sop-merge__agreed">{chunk.lines.join('\n')}</pre>;
          const at = conflictNumbers[index]!;
          const choice = choices[at] ?? 'both';
          const choose = (next: ConflictChoice) => setChoices((all) => Object.assign([...all], { [at]: next }));
          return (
            <fieldset key={index} className="sop-merge__conflict">
              <legend>{t('sop.merge.conflict', { number: at + 1 })}</legend>
              <div className="sop-merge__sides">
                <pre className="sop-diff__removed">{chunk.ours.join('\n') || t('sop.merge.nothing')}</pre>
                <pre className="sop-diff__added">{chunk.theirs.join('\n') || t('sop.merge.nothing')}</pre>
              </div>
              {(['ours', 'theirs', 'both'] as const).map((option) => (
                <label key={option} className="check">
                  <input type="radio" name={`conflict-${at}`} checked={choice === option} onChange={() => choose(option)} />
                  {t(`sop.merge.${option}`, { name: option === 'ours' ? view.ours.by.name : view.theirs.by.name })}
                </label>
              ))}
            </fieldset>
          );
        })}
      </div>
      <button type="button" className="button button--primary" onClick={() => void save()}>
        {t('sop.merge.save')}
      </button>
    </Card>
  );
}
