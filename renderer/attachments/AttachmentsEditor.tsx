import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../shared/attachments';
import { Attachments } from './Attachments';
import { issueText } from '../app/format';
import type { AttachmentIntake } from './use-attachment-intake';

interface Props {
  intake: AttachmentIntake;
  items: readonly Attachment[];
  onRemove: (sha256: string) => void;
  pickLabel: string;
  /** Problems found elsewhere (at submission) that belong here too. */
  errors?: readonly string[];
  /** A place's own wording for a refused file (`<namespace>.issue.<code>`), looked up before the module's. */
  issueNamespace?: string;
  multiple?: boolean;
  disabled?: boolean;
}

/** Attachments being added to something: the ones taken so far, the file picker, and why a file was refused. */
export function AttachmentsEditor({ intake, items, onRemove, pickLabel, errors = [], issueNamespace, multiple = false, disabled = false }: Props) {
  const { t } = useTranslation();
  const messages = [...errors, ...intake.issues.map((issue) => issueText(issue, t, issueNamespace === undefined ? 'attachments' : [issueNamespace, 'attachments']))];
  return (
    <div className="attachments-editor">
      <Attachments items={items} onRemove={onRemove} />
      <label className="button attachments-editor__pick" aria-disabled={disabled || undefined}>
        {pickLabel}
        <input
          type="file"
          className="sr-only"
          accept={intake.accept}
          multiple={multiple}
          disabled={disabled}
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            // Cleared so that picking the same file again (after fixing it) is noticed.
            event.target.value = '';
            if (files.length > 0) void intake.add(files);
          }}
        />
      </label>
      {messages.length > 0 && <p className="field__error" role="alert">{messages.join(' ')}</p>}
    </div>
  );
}
