import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrizeIssueOut, PrizesOverview, RequestInputValue } from '../../shared/api/prizes-contract';
import type { Attachment } from '../../shared/attachments';
import { formatFen, parseYuan, sumFen } from '../../shared/prizes';
import { instantOfWallTime, wallTimeInZone } from '../../shared/team-settings';
import { reportError } from '../app/errors/report-error';
import { Card } from '../app/ui/Card';
import { AttachmentsEditor } from '../attachments/AttachmentsEditor';
import { useAttachmentIntake, withAttachment } from '../attachments/use-attachment-intake';
import { baton } from '../bridge/baton';
import { issueText } from './issue-text';
import { BudgetLine } from './BudgetLine';
import { goUnlessMovedOn, openRequest, prizesPlace, refreshPrizes } from './prizes-store';
import { DateTimeField } from '../app/ui/DateFields';
import { useZoneName } from '../team-settings/TimeZoneSelect';

interface LineText {
  prize: string;
  quantity: string;
  unitValue: string;
}

const TEXTS = ['reason', 'eligibility', 'drawMethod', 'redemption', 'delivery'] as const;
type TextField = (typeof TEXTS)[number];

const emptyLine = (): LineText => ({ prize: '', quantity: '1', unitValue: '' });

/** Whole numbers typed as text; anything else stays NaN and the service explains it. */
const quantityOf = (text: string) => (/^-?\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

/** 新奖品申请: a draft kept on this computer (autosaved) until submitted; the total is live and exact (fen). */
export function RequestForm({ overview }: { overview: PrizesOverview }) {
  const { t } = useTranslation();
  const zoneName = useZoneName();
  const ownCampaigns = overview.campaigns.filter((item) => item.campaign.department === null);
  const [campaignId, setCampaignId] = useState(ownCampaigns[0]?.campaign.id ?? '');
  const [lines, setLines] = useState<LineText[]>([emptyLine()]);
  const [texts, setTexts] = useState<Record<TextField, string>>({ reason: '', eligibility: '', drawMethod: '', redemption: '', delivery: '' });
  const [drawAt, setDrawAt] = useState('');
  const [requestId, setRequestId] = useState<string | null>(null);
  // Papers for the approvers (a quotation, the partner's letter): blobs in the shared folder.
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const intake = useAttachmentIntake({ kind: 'attachment', enabled: true, onAdded: (attachment) => setAttachments((list) => withAttachment(list, attachment)) });
  // Kept as issues, put in words when shown: a change of language rewords them too.
  const [errors, setErrors] = useState<PrizeIssueOut[]>([]);
  const loaded = useRef(false);

  useEffect(() => {
    void baton.getPrizeDraft({}).then((result) => {
      loaded.current = true;
      if (!result.ok || !result.value.draft) return;
      const draft = result.value.draft;
      setCampaignId(draft.campaignId);
      setLines(draft.lines.map((line) => ({ prize: line.prize, quantity: String(line.quantity), unitValue: Number.isSafeInteger(line.unitValueFen) ? formatFen(line.unitValueFen).replace(/[¥,]/g, '') : '' })));
      setTexts({ reason: draft.reason, eligibility: draft.eligibility, drawMethod: draft.drawMethod, redemption: draft.redemption, delivery: draft.delivery });
      setDrawAt(draft.drawAt === null ? '' : wallTimeInZone(draft.drawAt, overview.timeZone));
      setAttachments(draft.attachments);
      setRequestId(result.value.requestId);
    });
  }, [overview.timeZone]);

  const parsed = lines.map((line) => ({ prize: line.prize, quantity: quantityOf(line.quantity), unitValueFen: parseYuan(line.unitValue) ?? Number.NaN }));
  const complete = parsed.every((line) => Number.isSafeInteger(line.quantity) && Number.isSafeInteger(line.unitValueFen));
  const total = complete ? sumFen(parsed.map((line) => line.quantity * line.unitValueFen)) : null;
  const input: RequestInputValue = { campaignId, lines: parsed, ...texts, drawAt: instantOfWallTime(drawAt, overview.timeZone), attachments };
  const campaign = ownCampaigns.find((item) => item.campaign.id === campaignId);
  const remaining = campaign?.budget.remainingFen ?? null;

  // Autosave: the draft lives on this computer until it is submitted.
  const serialized = JSON.stringify({ input, requestId });
  useEffect(() => {
    if (!loaded.current) return;
    const timer = setTimeout(() => {
      const draft = JSON.parse(serialized) as { input: RequestInputValue; requestId: string | null };
      const lines = draft.input.lines.map((line) => ({ ...line, quantity: line.quantity ?? 0, unitValueFen: line.unitValueFen ?? 0 }));
      void baton.savePrizeDraft({ draft: { ...draft.input, lines }, requestId: draft.requestId });
    }, 800);
    return () => clearTimeout(timer);
  }, [serialized]);

  const submit = async () => {
    const local = parsed.flatMap((line, index): PrizeIssueOut[] => [
      ...(Number.isNaN(line.unitValueFen) ? [{ code: 'line-not-an-amount', path: `lines.${index}.unitValueFen`, params: {} }] : []),
      ...(Number.isNaN(line.quantity) ? [{ code: 'line-not-whole', path: `lines.${index}.quantity`, params: {} }] : []),
    ]);
    if (local.length > 0) return setErrors(local);
    const here = prizesPlace();
    const result = await baton.submitPrizeRequest({ request: input, requestId });
    if (!result.ok) return reportError(result.error, 'errors.couldNotSave');
    if (!result.value.ok) return setErrors(result.value.issues);
    setErrors([]);
    setLines([emptyLine()]);
    setAttachments([]);
    setRequestId(null);
    await refreshPrizes();
    const submitted = result.value.id;
    goUnlessMovedOn(here, () => openRequest(submitted));
  };

  const setLine = (index: number, patch: Partial<LineText>) => setLines(lines.map((line, at) => (at === index ? { ...line, ...patch } : line)));
  return (
    <Card id="prize-request-form" title={t(requestId ? 'prizes.form.resubmitTitle' : 'prizes.form.title')} description={t('prizes.form.hint')}>
      <form className="prize-form" onSubmit={(event) => { event.preventDefault(); void submit(); }}>
        <label className="field__label" htmlFor="request-campaign">{t('prizes.form.campaign')}</label>
        <select id="request-campaign" className="input" value={campaignId} onChange={(event) => setCampaignId(event.target.value)}>
          {ownCampaigns.length === 0 && <option value="">{t('prizes.form.noCampaign')}</option>}
          {ownCampaigns.map((item) => <option key={item.campaign.id} value={item.campaign.id}>{item.campaign.name}</option>)}
        </select>
        {campaign && <BudgetLine figures={campaign.budget} label={t('prizes.budget.campaign')} />}
        <fieldset className="prize-lines">
          <legend>{t('prizes.form.lines')}</legend>
          {lines.map((line, index) => (
            <div key={index} className="prize-form__row">
              <input aria-label={t('prizes.form.prize', { line: index + 1 })} className="input" placeholder={t('prizes.form.prizePlaceholder')} value={line.prize} onChange={(event) => setLine(index, { prize: event.target.value })} />
              <input aria-label={t('prizes.form.quantity', { line: index + 1 })} className="input prize-form__narrow" inputMode="numeric" value={line.quantity} onChange={(event) => setLine(index, { quantity: event.target.value })} />
              <input aria-label={t('prizes.form.unitValue', { line: index + 1 })} className="input prize-form__narrow" inputMode="decimal" placeholder="¥" value={line.unitValue} onChange={(event) => setLine(index, { unitValue: event.target.value })} />
              {lines.length > 1 && <button type="button" className="link-button" onClick={() => setLines(lines.filter((_, at) => at !== index))}>{t('prizes.form.removeLine')}</button>}
            </div>
          ))}
          <button type="button" className="button" onClick={() => setLines([...lines, emptyLine()])}>{t('prizes.form.addLine')}</button>
          <p className="prize-total" role="status">{t('prizes.form.total', { total: total === null ? '—' : formatFen(total) })}</p>
          {remaining !== null && total !== null && total > remaining && <p className="budget-line--over" role="alert">{t('prizes.warning.over-campaign-budget')}</p>}
        </fieldset>
        {TEXTS.map((field) => (
          <span key={field}>
            <label className="field__label" htmlFor={`request-${field}`}>{t(`prizes.form.${field}`)}</label>
            <textarea id={`request-${field}`} className="input" rows={2} value={texts[field]} onChange={(event) => setTexts({ ...texts, [field]: event.target.value })} />
          </span>
        ))}
        <DateTimeField id="request-draw-at" label={t('prizes.form.drawAt', { zone: zoneName(overview.timeZone) })} value={drawAt} onChange={setDrawAt} />
        <span className="field__label">{t('prizes.form.attachments')}</span>
        <p className="field__hint">{t('prizes.form.attachmentsHint')}</p>
        <AttachmentsEditor intake={intake} items={attachments} onRemove={(sha256) => setAttachments(attachments.filter((item) => item.sha256 !== sha256))} pickLabel={t('prizes.form.attachmentsPick')} multiple />
        {errors.length > 0 && <ul className="field__error" role="alert">{errors.map((issue, index) => <li key={index}>{issueText(issue, t)}</li>)}</ul>}
        <button type="submit" className="button button--primary">{t(requestId ? 'prizes.form.resubmit' : 'prizes.form.submit')}</button>
      </form>
    </Card>
  );
}
