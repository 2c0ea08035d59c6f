import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../shared/attachments';
import { MAX_SOP_BODY_CHARS, SOP_AREAS, countHeadings, pictureMarkdown, referencedPictures, withoutPicture, type ChecklistDef, type SopArea, type SopIssue } from '../../shared/sop';
import { issueText } from '../app/format';
import { reportError } from '../app/errors/report-error';
import { Card } from '../app/ui/Card';
import { AttachmentsEditor } from '../attachments/AttachmentsEditor';
import { useAttachmentIntake, withAttachment } from '../attachments/use-attachment-intake';
import { baton } from '../bridge/baton';
import { ChecklistEditor } from './ChecklistEditor';
import { dropEditorWork, editorWork, keepEditorWork } from './editor-work';
import { openSop, openUnlessMovedOn, refreshLibrary, showLibrary } from './sop-store';

const textOf = (title: string, body: string, area: SopArea, checklist: readonly ChecklistDef[], pictures: readonly Attachment[]): string =>
  JSON.stringify([title, body, area, checklist, pictures]);

/**
 * Writing a revision: a draft until submitted. The text stays here whatever the service answers
 * (a 2 MB paste is explained, not lost); counting headings is a single pass, so typing stays quick.
 */
export function EditorView({ id }: { id: string | null }) {
  const { t } = useTranslation();
  // Work left unsaved here earlier (another screen was opened meanwhile) comes back as it was.
  const [kept] = useState(() => editorWork(id));
  const [loaded, setLoaded] = useState(kept !== undefined || id === null);
  const [parents, setParents] = useState<readonly string[]>(kept?.parents ?? []);
  const [title, setTitle] = useState(kept?.title ?? '');
  const [body, setBody] = useState(kept?.body ?? '');
  const [area, setArea] = useState<SopArea>(kept?.area ?? 'content');
  const [checklist, setChecklist] = useState<ChecklistDef[]>(kept ? [...kept.checklist] : []);
  const [issues, setIssues] = useState<SopIssue[]>([]);
  const [pictures, setPictures] = useState<Attachment[]>(kept ? [...kept.pictures] : []);
  // The text as loaded: work is kept only once it differs, so merely opening the editor keeps nothing.
  const loadedText = useRef<string | null>(kept ? null : textOf('', '', 'content', [], []));
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  // A picture picked or pasted goes in where the cursor is, as a Markdown reference to its blob.
  const intake = useAttachmentIntake({
    kind: 'picture',
    enabled: true,
    onAdded: (picture) => {
      setPictures((current) => withAttachment(current, picture));
      const at = bodyRef.current?.selectionStart;
      setBody((text) => {
        const cut = at ?? text.length;
        return `${text.slice(0, cut)}\n${pictureMarkdown(picture)}\n${text.slice(cut)}`;
      });
    },
  });

  useEffect(() => {
    if (id === null || kept) return;
    void baton.getSop({ id }).then((result) => {
      if (!result.ok) return reportError(result.error);
      const from = result.value.editFrom;
      loadedText.current = textOf(from?.title ?? '', from?.body ?? '', 'content', from?.checklist ?? [], from?.pictures ?? []);
      if (from) {
        setParents([from.id]);
        setTitle(from.title);
        setBody(from.body);
        setChecklist([...from.checklist]);
        setPictures([...from.pictures]);
      }
      setLoaded(true);
    });
  }, [id, kept]);

  useEffect(() => {
    if (!loaded) return;
    if (textOf(title, body, area, checklist, pictures) === loadedText.current) dropEditorWork(id);
    else keepEditorWork(id, { parents, title, body, area, checklist, pictures });
  }, [loaded, id, parents, title, body, area, checklist, pictures]);

  const discard = () => {
    dropEditorWork(id);
    if (id === null) showLibrary();
    else openSop(id);
  };

  const save = async (submit: boolean) => {
    const from = { tab: 'editor', sopId: id } as const;
    const result = await baton.saveSopRevision({ id, parents: [...parents], title, body, checklist, pictures, ...(id === null ? { area } : {}) });
    if (!result.ok) return reportError(result.error, 'errors.couldNotSave');
    if (!result.value.ok) return setIssues(result.value.issues);
    setIssues([]);
    dropEditorWork(id);
    if (submit) {
      const submitted = await baton.submitSopRevision({ id: result.value.id, revision: result.value.revision });
      if (!submitted.ok) reportError(submitted.error, 'errors.couldNotSave');
    }
    await refreshLibrary();
    // Saving takes a while on a busy computer: "back to the library" clicked meanwhile stays done.
    openUnlessMovedOn(from, result.value.id);
  };

  const errorAt = (place: string) => issues.filter((issue) => issue.path.join('.').startsWith(place)).map((issue) => issueText(issue, t, 'sop')).join(' ') || undefined;
  const headings = body.length <= MAX_SOP_BODY_CHARS ? countHeadings(body) : null;
  return (
    <Card id="sop-editor" title={id === null ? t('sop.editor.newTitle') : t('sop.editor.title')} description={t('sop.editor.description')}>
      {kept && <p className="muted" role="status">{t('sop.editor.kept')}</p>}
      <div className={errorAt('title') ? 'field field--invalid' : 'field'}>
        <label className="field__label" htmlFor="sop-title">{t('sop.editor.titleLabel')}</label>
        <input id="sop-title" className="input" value={title} onChange={(event) => setTitle(event.target.value)} />
        {errorAt('title') && <p className="field__error">{errorAt('title')}</p>}
      </div>
      {id === null && (
        <div className="field">
          <label className="field__label" htmlFor="sop-area">{t('sop.editor.area')}</label>
          <select id="sop-area" className="input" value={area} onChange={(event) => setArea(event.target.value as SopArea)}>
            {SOP_AREAS.map((value) => (
              <option key={value} value={value}>{t(`sop.area.${value}`)}</option>
            ))}
          </select>
        </div>
      )}
      <div className={errorAt('body') ? 'field field--invalid' : 'field'}>
        <label className="field__label" htmlFor="sop-body">{t('sop.editor.body')}</label>
        <textarea id="sop-body" ref={bodyRef} className="input sop-body" value={body} rows={18} onChange={(event) => setBody(event.target.value)} onPaste={intake.onPaste} />
        <p className="muted">{t('sop.editor.count', { length: body.length, max: MAX_SOP_BODY_CHARS, headings: headings ?? '—' })}</p>
        {errorAt('body') && <p className="field__error" role="alert">{errorAt('body')}</p>}
      </div>
      <div className="field">
        <p className="field__label">{t('sop.pictures.title')}</p>
        <p className="muted">{t('sop.pictures.hint')}</p>
        <AttachmentsEditor
          intake={intake}
          items={referencedPictures(body, pictures)}
          onRemove={(sha256) => setBody((text) => withoutPicture(text, sha256))}
          pickLabel={t('sop.pictures.pick')}
          errors={errorAt('pictures') ? [errorAt('pictures')!] : []}
          issueNamespace="sop"
          multiple
        />
      </div>
      <ChecklistEditor items={checklist} onChange={setChecklist} errorAt={errorAt} />
      {issues.length > 0 && !errorAt('title') && !errorAt('body') && !errorAt('checklist') && !errorAt('pictures') && <p className="field__error">{issues.map((issue) => issueText(issue, t, 'sop')).join(' ')}</p>}
      <div className="button-row">
        <button type="button" className="button" onClick={() => void save(false)}>
          {t('sop.editor.saveDraft')}
        </button>
        <button type="button" className="button button--primary" onClick={() => void save(true)}>
          {t('sop.editor.saveSubmit')}
        </button>
        <button type="button" className="button" onClick={discard}>
          {t('sop.editor.discard')}
        </button>
      </div>
    </Card>
  );
}
