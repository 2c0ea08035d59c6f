import { useTranslation } from 'react-i18next';
import { resolvePictures } from '../../shared/sop';
import type { StandInPack } from '../../shared/stand-in';
import { settingName } from '../app/format';
import { openPlace } from '../app/nav/nav-store';
import { Card } from '../app/ui/Card';
import type { MessageKey } from '../i18n/resources';
import { useLanguage } from '../i18n/use-language';
import { Markdown } from '../markdown/Markdown';
import { underRuleHeading, useAt } from './format';
import { UnlessArriving } from '../sync/StillArriving';

interface Props {
  pack: StandInPack;
  departments: ReadonlyArray<{ id: string; name: { 'zh-CN': string; en: string } }>;
}

/** A link to the thing on its own screen; on paper, the plain text. */
function Open({ place, children }: { place: { screen: string; item?: string }; children: React.ReactNode }) {
  return (
    <button type="button" className="link-button" onClick={() => openPlace(place.screen, place.item)}>
      {children}
    </button>
  );
}

/** The shift's checklist: post slots with time and content type, sweeps, once-per-shift tasks. */
export function PostsCard({ pack }: { pack: StandInPack }) {
  const { t } = useTranslation();
  return (
    <Card id="stand-in-posts" title={t('standIn.posts.title')}>
      {pack.posts.length === 0 ? (
        <UnlessArriving variant="line" className="muted"><p className="muted">{t('standIn.posts.none')}</p></UnlessArriving>
      ) : (
        <table className="stand-in__table">
          <tbody>
            {pack.posts.map((post) => (
              <tr key={post.key}>
                <th scope="row">{post.slot}</th>
                <td>
                  {t(`standIn.posts.kind.${post.kind}` as MessageKey)}
                  {post.contentType && ` · ${t(`sop.contentType.${post.contentType}` as MessageKey)}`}
                </td>
                <td>
                  {post.title} <span className="muted">{t('standIn.posts.source', { sop: post.sopTitle })}</span>
                  {post.state === 'done' && post.doneBy && <span className="badge badge--ok">{t('standIn.posts.done', { name: post.doneBy.name })}</span>}
                  {post.state === 'past-due' && <span className="badge badge--danger">{t('standIn.posts.pastDue')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

/** The account's style and interaction rules: each SOP's current text (its Markdown rendered), cut to fit the page. */
export function RulesCard({ pack }: { pack: StandInPack }) {
  const { t } = useTranslation();
  return (
    <Card id="stand-in-rules" title={t('standIn.rules.title')}>
      {pack.rules.length === 0 && <UnlessArriving variant="line" className="muted"><p className="muted">{t('standIn.rules.none')}</p></UnlessArriving>}
      {pack.rules.map((rule) => (
        <article key={rule.sopId} className="stand-in__rule">
          <h3>
            <Open place={rule.place}>{rule.title}</Open> <span className="muted">{t(`sop.area.${rule.area}` as MessageKey)} · {t('standIn.rules.version', { version: rule.version })}{rule.owner && ` · ${t('standIn.rules.owner', { name: rule.owner.name })}`}</span>
          </h3>
          {/* The SOP's Markdown rendered and sanitised as on the SOP screen; its pictures named, the SOP shows them. */}
          <Markdown className="stand-in__excerpt" source={underRuleHeading(resolvePictures(rule.excerpt, () => null, (caption) => `*${t('standIn.rules.picture', { caption })}*`))} />
          {rule.cut && <p className="stand-in__more muted">{t('standIn.rules.more')}</p>}
        </article>
      ))}
    </Card>
  );
}

/** Open follow-ups, overdue first, escalations with their department and 'Weibo first' deadline. */
export function FollowUpsCard({ pack, departments }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const at = useAt(pack.timeZone);
  // Whom to call at the department an escalation went to, where the lead gave a contact.
  const contactOf = (department: string) => pack.contacts.departments.find((candidate) => candidate.id === department)?.contact ?? null;
  return (
    <Card id="stand-in-follow-ups" title={t('standIn.followUps.title')}>
      {pack.followUps.length === 0 && <UnlessArriving variant="line" className="muted"><p className="muted">{t('standIn.followUps.none')}</p></UnlessArriving>}
      <ul className="stand-in__list">
        {pack.followUps.map((item) => (
          <li key={item.id} className={item.overdue || item.escalation?.overdue ? 'stand-in__late' : undefined}>
            <Open place={item.place}>{item.title}</Open> · {item.owner.name} · {t('standIn.followUps.due', { at: at(item.dueAt) })}
            {item.overdue && <span className="badge badge--danger">{t('standIn.followUps.overdue')}</span>}
            {item.escalation && (
              <p className="muted">
                {t('standIn.followUps.escalation', { department: settingName(departments, item.escalation.department, language), at: at(item.escalation.deadlineAt) })}
                {contactOf(item.escalation.department) && ` · ${t('standIn.followUps.call', { contact: contactOf(item.escalation.department) })}`}
              </p>
            )}
          </li>
        ))}
      </ul>
      {pack.moreFollowUps > 0 && <p className="muted">{t('standIn.followUps.more', { count: pack.moreFollowUps })}</p>}
    </Card>
  );
}

/** Campaigns running that day, and prize deadlines: draws during the shift, contacts and shipping. */
export function CampaignsCard({ pack }: { pack: StandInPack }) {
  const { t } = useTranslation();
  const at = useAt(pack.timeZone);
  const empty = pack.campaigns.length === 0 && pack.timers.length === 0;
  return (
    <Card id="stand-in-campaigns" title={t('standIn.campaigns.title')}>
      {empty && <UnlessArriving variant="line" className="muted"><p className="muted">{t('standIn.campaigns.none')}</p></UnlessArriving>}
      <ul className="stand-in__list">
        {pack.campaigns.map((campaign) => (
          <li key={campaign.id}>
            <Open place={campaign.place}>{campaign.name}</Open> · {t(`prizes.type.${campaign.type}` as MessageKey)} · {t('standIn.campaigns.dates', { from: campaign.startDate, to: campaign.endDate })}
          </li>
        ))}
        {pack.timers.map((timer) => (
          <li key={`${timer.requestId}:${timer.kind}`} className={timer.overdue ? 'stand-in__late' : undefined}>
            <Open place={timer.place}>{t(`standIn.campaigns.timer.${timer.kind}` as MessageKey, { campaign: timer.campaign, at: at(timer.dueAt), count: timer.pending })}</Open>
            {timer.overdue && <span className="badge badge--danger">{t('standIn.campaigns.overdue')}</span>}
          </li>
        ))}
      </ul>
    </Card>
  );
}
