import {
  Button,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  OrderedList,
  OrderedListItem,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../format/dates';
import { useLabels } from '../../labels/useLabels';
import { FinalStatusSection } from '../final/FinalStatusSection';
import { AdmissionSection } from '../admission/AdmissionSection';
import { PhaseStatusBadge } from './PhaseStatusBadge';
import { PlanningEditor } from './PlanningEditor';
import { PresenceAnonymitySection } from './PresenceAnonymitySection';
import { Timeline } from './Timeline';
import { TrajectoryHeader } from './TrajectoryHeader';
import { useTrajectory } from './trajectory-context';
import { allowed, asMember } from '../../../shared/policy';
import type { TrajectoryDto } from '../../../shared/schemas/trajectories';

export function TrajectoryOverviewPage() {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const { trajectory, may, replace } = useTrajectory();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const stopEditing = (saved?: TrajectoryDto) => {
    if (saved) replace(saved);
    setEditing(false);
    setSaved(Boolean(saved));
    // Back to where the keyboard user started.
    setTimeout(() => editButton.current?.focus(), 0);
  };
  const phaseDates = (p: TrajectoryDto['phases'][number]) => {
    const from = p.startsOn ? formatDate(p.startsOn, i18n.language) : null;
    const to = p.endsOn ? formatDate(p.endsOn, i18n.language) : null;
    if (from && to) return t('planningEditor.phaseDates', { from, to });
    if (from) return t('planningEditor.phaseFrom', { from });
    if (to) return t('planningEditor.phaseUntil', { to });
    return null;
  };
  const facts = [
    { key: t('trajectory.region'), value: trajectory.regionName },
    { key: t('trajectory.model'), value: labels.model(trajectory.model) },
    { key: t('trajectory.myRole'), value: trajectory.myRole ? labels.role(trajectory.myRole) : t('trajectory.noRole') },
  ];

  return (
    <>
      <TrajectoryHeader />
      {trajectory.description
        .split(/\n{2,}/)
        .filter(Boolean)
        .map((paragraph, index) => (
          <Paragraph key={index}>{paragraph}</Paragraph>
        ))}
      <DataList className="dt-data-list">
        {facts.map((fact) => (
          <DataListItem key={fact.key}>
            <DataListKey>{fact.key}</DataListKey>
            <DataListValue>{fact.value}</DataListValue>
          </DataListItem>
        ))}
      </DataList>

      <PresenceAnonymitySection trajectoryId={trajectory.id} isClient={allowed(asMember(trajectory.myRole), 'member.chooseAnonymity')} />

      <section aria-labelledby="municipalities-heading">
        <Heading2 id="municipalities-heading">{t('trajectory.municipalities', { count: trajectory.municipalities.length })}</Heading2>
        <UnorderedList className="dt-inline-list">
          {trajectory.municipalities.map((municipality) => (
            <UnorderedListItem key={municipality}>{municipality}</UnorderedListItem>
          ))}
        </UnorderedList>
      </section>

      {may('trajectory.update') && (
        <>
          <Paragraph role="status" className="dt-planning-saved">
            {saved ? t('planningEditor.saved') : ''}
          </Paragraph>
          {!editing && (
            <ButtonGroup>
              <Button ref={editButton} appearance="secondary-action-button" onClick={() => { setSaved(false); setEditing(true); }}>
                {t('planningEditor.edit')}
              </Button>
            </ButtonGroup>
          )}
        </>
      )}
      {editing ? (
        <PlanningEditor trajectory={trajectory} onSaved={stopEditing} onCancel={() => stopEditing()} />
      ) : (
        <>
          <section aria-labelledby="phases-heading">
            <Heading2 id="phases-heading">{t('trajectory.phases')}</Heading2>
            {trajectory.phases.length === 0 ? (
              <Paragraph>{t('trajectory.noPhases')}</Paragraph>
            ) : (
              <OrderedList className="dt-phases">
                {trajectory.phases.map((phase, index) => (
                  <OrderedListItem key={`${index}-${phase.name}`} className={`dt-phase dt-phase--${phase.status}`}>
                    {phase.name} <PhaseStatusBadge status={phase.status} />
                    {phaseDates(phase) && <span className="dt-phase__dates"> ({phaseDates(phase)})</span>}
                  </OrderedListItem>
                ))}
              </OrderedList>
            )}
          </section>

          <section aria-labelledby="planning-heading">
            <Heading2 id="planning-heading">{t('trajectory.planning')}</Heading2>
            <Timeline milestones={trajectory.milestones} />
          </section>
        </>
      )}

      <FinalStatusSection trajectoryId={trajectory.id} />
      <AdmissionSection trajectory={trajectory} />
    </>
  );
}
