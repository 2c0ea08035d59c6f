import { useTranslation } from 'react-i18next';
import type { BriefingSection } from '../../shared/briefing';
import type { ShiftContext } from '../../shared/api/handover-views';
import { useHandover, useHandoverFeed } from '../handover/handover-store';
import { useBriefing, useBriefingFeed } from './briefing-store';
import { DutyCard } from './DutyCard';
import { FollowUpsCard } from './FollowUpsCard';
import { ChangesCard, HandoverToWriteCard, PreviousHandoverCard } from './HandoverCards';
import { SyncHealthCard } from './SyncHealthCard';
import { CampaignsCard, PrizesCard, RotaRequestsCard } from './RequestCards';
import { ChecklistCard, SopsCard } from './WorkCards';
import { foreignZone } from './format';
import './briefing.css';
import { useZoneName } from '../team-settings/TimeZoneSelect';
import { ArrivingNote } from '../sync/StillArriving';

interface SectionProps {
  section: BriefingSection;
  briefing: NonNullable<ReturnType<typeof useBriefing.getState>['briefing']>;
  context: ShiftContext;
}

/** One section of the briefing; the type makes a new kind a compile error here. */
function Section({ section, briefing, context }: SectionProps) {
  const { timeZone } = briefing;
  const { shiftTypes, departments } = context;
  switch (section.kind) {
    case 'duty':
      return <DutyCard section={section} moment={briefing.moment} timeZone={timeZone} shiftTypes={shiftTypes} />;
    case 'handoverToWrite':
      return <HandoverToWriteCard section={section} timeZone={timeZone} shiftTypes={shiftTypes} />;
    case 'previousHandover':
      return <PreviousHandoverCard section={section} timeZone={timeZone} shiftTypes={shiftTypes} />;
    case 'followUps':
      return <FollowUpsCard section={section} timeZone={timeZone} departments={departments} />;
    case 'changes':
      return <ChangesCard section={section} timeZone={timeZone} shiftTypes={shiftTypes} />;
    case 'checklist':
      return <ChecklistCard section={section} shiftTypes={shiftTypes} timeZone={timeZone} />;
    case 'prizes':
      return <PrizesCard section={section} timeZone={timeZone} />;
    case 'rotaRequests':
      return <RotaRequestsCard section={section} shiftTypes={shiftTypes} />;
    case 'sops':
      return <SopsCard section={section} timeZone={timeZone} />;
    case 'campaigns':
      return <CampaignsCard section={section} />;
    case 'sync':
      return <SyncHealthCard section={section} timeZone={timeZone} />;
  }
}

/** 开班简报: the home screen, what fits this moment of my shift, live as the team's data changes. */
export function BriefingScreen() {
  const { t } = useTranslation();
  const zoneName = useZoneName();
  useBriefingFeed();
  // Shift and department names come with the handover's shift context.
  useHandoverFeed();
  const briefing = useBriefing((s) => s.briefing);
  const context = useHandover((s) => s.context);
  if (!briefing || !context) return <p className="muted">{t('briefing.loading')}</p>;
  return (
    <div className="briefing" data-moment={briefing.moment}>
      {foreignZone(briefing.timeZone) && <p className="briefing__zone">{t('briefing.zone', { zone: zoneName(briefing.timeZone) })}</p>}
      {briefing.sections.map((section) => (
        <Section key={section.kind} section={section} briefing={briefing} context={context} />
      ))}
      {/* A section with nothing in it is left out: while the team is still being opened, say that one may only not be read yet. */}
      <ArrivingNote body={t('briefing.arriving')} />
    </div>
  );
}
