import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_SECTION_CHARS, type SectionKey } from '../../shared/handover';
import type { MessageKey } from '../i18n/resources';
import { Markdown } from '../markdown/Markdown';

interface Props {
  section: SectionKey;
  value: string;
  errors: readonly string[];
  onChange: (value: string) => void;
}

/** One section of the note: Markdown in a textarea, a counter against the limit, a preview. */
export function SectionEditor({ section, value, errors, onChange }: Props) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState(false);
  const id = `section-${section}`;
  const over = value.length > MAX_SECTION_CHARS;
  return (
    <div className={errors.length > 0 || over ? 'field field--invalid section' : 'field section'}>
      <div className="section__head">
        <label className="field__label" htmlFor={id}>
          {t(`handover.section.${section}` as MessageKey)}
        </label>
        <button type="button" className="link-button" onClick={() => setPreview(!preview)} aria-pressed={preview}>
          {preview ? t('handover.write.edit') : t('handover.write.preview')}
        </button>
      </div>
      {preview ? (
        <div className="section__preview">{value.trim() ? <Markdown source={value} /> : <p className="muted">{t('handover.write.emptyPreview')}</p>}</div>
      ) : (
        <textarea
          id={id}
          className="input section__text"
          value={value}
          rows={4}
          aria-invalid={errors.length > 0 || over}
          aria-describedby={`${id}-count${errors.length > 0 ? ` ${id}-error` : ''}`}
          placeholder={t(`handover.placeholder.${section}` as MessageKey)}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      <p className={over ? 'section__count section__count--over' : 'section__count'} id={`${id}-count`}>
        {t('handover.write.count', { length: value.length, max: MAX_SECTION_CHARS })}
      </p>
      {errors.length > 0 && (
        <p className="field__error" id={`${id}-error`}>
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}
