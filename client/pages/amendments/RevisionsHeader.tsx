import { Heading1, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '../../components/RouterLink';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useTrajectory } from '../trajectory/trajectory-context';

export interface Crumb {
  to: string;
  label: string;
}

/** Where the agreement's pages live. */
const agreementPath = (trajectoryId: string) => `/trajecten/${trajectoryId}/overeenkomst`;
export const amendmentsPath = (trajectoryId: string) => `${agreementPath(trajectoryId)}/wijzigingsvoorstellen`;
export const versionsPath = (trajectoryId: string) => `${agreementPath(trajectoryId)}/versies`;
/** The clause's own page, with its editor (built beside these screens). */
export const clausePath = (trajectoryId: string, clauseId: string) => `${agreementPath(trajectoryId)}/artikelen/${clauseId}`;

/**
 * The top of a screen that belongs to the draft agreement: a breadcrumb back through the
 * agreement to the trajectory, the screen's own h1 and its document title. The trajectory's
 * sub-navigation stays on the agreement's own screen; these screens sit one level below it.
 */
export function RevisionsHeader({ title, extraCrumbs = [], children }: { title: string; extraCrumbs?: Crumb[]; children?: ReactNode }) {
  const { t } = useTranslation();
  const { trajectory } = useTrajectory();
  useDocumentTitle(`${title} – ${trajectory.name}`);
  const crumbs: Crumb[] = [
    { to: '/trajecten', label: t('trajectories.title') },
    { to: `/trajecten/${trajectory.id}`, label: trajectory.name },
    { to: agreementPath(trajectory.id), label: t('revisions.trail.agreement') },
    ...extraCrumbs,
  ];
  return (
    <>
      <nav aria-label={t('revisions.trail.label')} className="dt-breadcrumb dt-revisions-trail" data-testid="breadcrumb">
        <ol className="dt-revisions-trail__list">
          {crumbs.map((crumb) => (
            <li key={crumb.to} className="dt-revisions-trail__item">
              <RouterLink to={crumb.to}>{crumb.label}</RouterLink>
            </li>
          ))}
        </ol>
      </nav>
      <Heading1>{title}</Heading1>
      {children && <Paragraph>{children}</Paragraph>}
    </>
  );
}
