import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SECTION_KEYS, type DraftFollowUp, type HandoverDraft } from '../../shared/handover';
import { type ValidationIssue } from '../../shared/team-settings';
import { reportError } from '../app/errors/report-error';
import { notify } from '../app/notices/notices-store';
import { baton } from '../bridge/baton';
import { FollowUpSummary } from './FollowUpSummary';
import { useLanguage } from '../i18n/use-language';
import { useCanWrite } from '../team/use-can-write';
import { AttachmentsEditor } from '../attachments/AttachmentsEditor';
import { HandoverChecklist } from '../sop/HandoverChecklist';
import { FollowUpForm } from './FollowUpForm';
import { formatInZone, issueText, issuesByPlace, settingName } from '../app/format';
import { openNote, useHandover } from './handover-store';
import { SectionEditor } from './SectionEditor';
import { ShiftChoice } from './ShiftChoice';
import { useShiftNotes } from './use-shift-notes';
import { useAttachmentIntake, withAttachment } from '../attachments/use-attachment-intake';

const AUTOSAVE_MS = 500;

/** The note being written: prefilled, autosaved as a private draft, submitted with every problem named at its field. */
export function WriteView() {
  const { t } = useTranslation();
  const language = useLanguage();
  const context = useHandover((s) => s.context);
  const canWrite = useCanWrite();
  const [draft, setDraft] = useState<HandoverDraft | null>(null);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [busy, setBusy] = useState(false);
  /** Asked once before a second note for a shift that already has one. */
  const [confirming, setConfirming] = useState(false);
  /** The added follow-up being changed in the form, if any. */
  const [editingId, setEditingId] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef<HandoverDraft | null>(null);

  useEffect(() => {
    void baton.getHandoverDraft({}).then((result) => {
      if (result.ok) setDraft((current) => current ?? result.value.draft);
      else reportError(result.error);
    });
  }, []);

  const save = useCallback(async () => {
    const pending = latest.current;
    if (!pending) return;
    const result = await baton.saveHandoverDraft({ draft: pending });
    if (result.ok) setSavedAt(result.value.savedAt);
    else reportError(result.error, 'errors.couldNotSave');
  }, []);

  /** Every edit: kept in the window at once, written to the profile after a short pause in typing. */
  const edit = (change: (draft: HandoverDraft) => HandoverDraft) => {
    setDraft((current) => {
      if (!current) return current;
      const next = { ...change(current), updatedAt: Math.max(Date.now(), current.updatedAt + 1) };
      latest.current = next;
      return next;
    });
    setSavedAt(null);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), AUTOSAVE_MS);
  };

  // Leaving the view (another tab or screen) writes what the pause had not written yet.
  useEffect(() => () => {
    if (!timer.current) return;
    clearTimeout(timer.current);
    void save();
  }, [save]);

  const intake = useAttachmentIntake({
    kind: 'attachment',
    enabled: canWrite,
    onAdded: (attachment) => {
      setIssues((current) => current.filter((issue) => issue.path[0] !== 'attachments'));
      edit((d) => ({ ...d, attachments: withAttachment(d.attachments, attachment) }));
    },
  });

  const existing = useShiftNotes(draft);

  const submit = async (anotherForShift = false) => {
    if (!draft || !canWrite) return;
    if (existing.length > 0 && !anotherForShift) return setConfirming(true);
    setConfirming(false);
    if (timer.current) clearTimeout(timer.current);
    setBusy(true);
    const result = await baton.submitHandover({ draft });
    setBusy(false);
    if (!result.ok) return reportError(result.error, 'errors.couldNotSave');
    if (!result.value.ok) {
      setIssues(result.value.issues);
      return;
    }
    setIssues([]);
    notify('success', (tr) => (result.value.ok && result.value.queued ? tr('handover.write.queued') : tr('handover.write.submitted')));
    latest.current = null;
    const fresh = await baton.getHandoverDraft({});
    setDraft(fresh.ok ? fresh.value.draft : null);
    // The shift context is read again once, by the feed: the submission changed handover data.
    // The submitted note opens unless the person went to another tab while it was submitting.
    if (useHandover.getState().tab === 'write') openNote(result.value.id);
  };

  if (!draft || !context) return <p className="muted">{t('handover.loading')}</p>;
  const places = issuesByPlace(issues);
  const textsAt = (place: string) => (places.get(place) ?? []).map((issue) => issueText(issue, t, 'handover'));
  const editing = draft.followUps.find((item) => item.draftId === editingId);
  const departmentName = (id: string | null) => settingName(context.departments, id, language);

  return (
    <form className="write" onPaste={intake.onPaste} onSubmit={(event) => { event.preventDefault(); void submit(); }} aria-label={t('handover.write.title')}>
      {!canWrite && <p className="write__read-only" role="note">{t('team.readOnly')}</p>}
      {/* Read-only until this computer is an approved member: every field and button below is disabled.
          Also while submitting: the note sent is the draft as it was, and a fresh draft replaces it after. */}
      <fieldset className="write write__fieldset" disabled={!canWrite || busy} aria-busy={busy}>
        <section className="card">
          <div className="card__head">
            <h2 className="card__title">{t('handover.write.title')}</h2>
            <span className="save-status" role="status">{savedAt !== null ? t('handover.write.saved') : ''}</span>
          </div>
          <ShiftChoice context={context} draft={draft} existing={existing} onChange={(change) => { setConfirming(false); edit((d) => ({ ...d, ...change })); }} />
          {textsAt('sections').length > 0 && <p className="field__error write__general" role="alert">{textsAt('sections').join(' ')}</p>}
          {textsAt('shiftTypeId').length > 0 && <p className="field__error" role="alert">{textsAt('shiftTypeId').join(' ')}</p>}
        </section>

        {context.openFollowUps.length > 0 && (
          <section className="card" aria-labelledby="carried-title">
            <h2 className="card__title" id="carried-title">{t('handover.write.carried', { count: context.openFollowUps.length })}</h2>
            <ul className="fu-list">
              {context.openFollowUps.map((item) => (
                <li key={item.id}><FollowUpSummary item={item} timeZone={context.timeZone} departmentName={departmentName} /></li>
              ))}
            </ul>
          </section>
        )}

        <HandoverChecklist items={draft.checklist} className="card" />

        <section className="card write__sections">
          {SECTION_KEYS.map((key) => (
            <SectionEditor key={key} section={key} value={draft.sections[key]} errors={textsAt(`sections.${key}`)} onChange={(value) => edit((d) => ({ ...d, sections: { ...d.sections, [key]: value } }))} />
          ))}
        </section>

        <section className="card" aria-labelledby="attachments-title">
          <h2 className="card__title" id="attachments-title">{t('handover.attachments.title')}</h2>
          <p className="card__description">{t('handover.attachments.hint')}</p>
          <AttachmentsEditor
            intake={intake}
            items={draft.attachments}
            onRemove={(sha) => edit((d) => ({ ...d, attachments: d.attachments.filter((a) => a.sha256 !== sha) }))}
            pickLabel={t('handover.attachments.pick')}
            errors={textsAt('attachments')}
            multiple
          />
        </section>

        <section className="card" aria-labelledby="new-fu-title">
          <h2 className="card__title" id="new-fu-title">{t('handover.write.newFollowUps')}</h2>
          <ul className="fu-list">
            {draft.followUps.map((item: DraftFollowUp, index) => (
              <li key={item.draftId} className="fu-draft">
                <span>{item.title || t('handover.write.untitled')}</span>
                {item.escalation && item.escalation.escalatedAt !== null && (
                  <span className="muted">{t('handover.write.escalatedAt', { at: formatInZone(item.escalation.escalatedAt, context.timeZone, language), dept: departmentName(item.departmentId) })}</span>
                )}
                <button type="button" className="button" onClick={() => setEditingId(item.draftId)}>{t('handover.write.editItem')}</button>
                <button type="button" className="button" onClick={() => edit((d) => ({ ...d, followUps: d.followUps.filter((f) => f.draftId !== item.draftId) }))}>
                  {t('attachments.removeShort')}
                </button>
                {textsAt(`followUps.${index}`).length > 0 && <p className="field__error">{textsAt(`followUps.${index}`).join(' ')}</p>}
              </li>
            ))}
          </ul>
          {editing ? (
            <FollowUpForm key={editing.draftId} context={context} editing={editing} submitLabel={t('handover.write.saveItem')} onCancel={() => setEditingId(null)} onSubmit={(item) => {
              edit((d) => ({ ...d, followUps: d.followUps.map((f) => (f.draftId === item.draftId ? item : f)) }));
              setEditingId(null);
              return true;
            }} />
          ) : (
            <FollowUpForm context={context} submitLabel={t('handover.write.addFollowUp')} onSubmit={(item) => {
              edit((d) => ({ ...d, followUps: [...d.followUps, item] }));
              return true;
            }} />
          )}
        </section>

        <div className="button-row write__actions">
          {confirming && (
            <div className="write__confirm" role="alertdialog" aria-labelledby="confirm-second">
              <p id="confirm-second">{t('handover.shiftChoice.confirm')}</p>
              <button type="button" className="button button--primary" onClick={() => void submit(true)}>{t('handover.shiftChoice.confirmYes')}</button>
              <button type="button" className="button" onClick={() => setConfirming(false)}>{t('handover.shiftChoice.confirmNo')}</button>
            </div>
          )}
          <button type="submit" className="button button--primary button--large" disabled={busy || !canWrite} title={canWrite ? undefined : t('team.readOnly')}>{t('handover.write.submit')}</button>
        </div>
      </fieldset>
    </form>
  );
}
