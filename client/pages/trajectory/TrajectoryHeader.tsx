import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { RouterLink } from '../../components/RouterLink';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useTrajectory } from './trajectory-context';
import { TrajectorySearchBox } from '../search/TrajectorySearchBox';

/**
 * The top of every trajectory screen: where you are (the trajectory), the screen's own h1, and
 * the links to the trajectory's other screens, the current one marked with aria-current.
 */
export function TrajectoryHeader({ title }: { title?: string }) {
  const { t } = useTranslation();
  const { trajectory, may } = useTrajectory();
  const { pathname } = useLocation();
  useDocumentTitle(title ? `${title} – ${trajectory.name}` : trajectory.name);
  const base = `/trajecten/${trajectory.id}`;
  const links = [
    { to: base, label: t('trajectoryNav.overview') },
    { to: `${base}/onderwerpen`, label: t('trajectoryNav.topics') },
    { to: `${base}/sessies`, label: t('trajectoryNav.sessions') },
    { to: `${base}/overeenkomst`, label: t('agreement.tab') },
    { to: `${base}/vragen`, label: t('questions.tab') },
    { to: `${base}/deelnemers`, label: t('trajectoryNav.members') },
  ];
  if (may('mandate.list')) links.push({ to: `${base}/mandaten`, label: t('mandates.tab') });
  if (may('mediation.list')) links.push({ to: `${base}/bemiddeling`, label: t('mediation.tab') });
  if (may('audit.view')) links.push({ to: `${base}/logboek`, label: t('trajectoryNav.log') });

  return (
    <>
      <Paragraph className="dt-breadcrumb">
        <RouterLink to="/trajecten">{t('trajectories.title')}</RouterLink>
        {title && (
          <>
            {' › '}
            <RouterLink to={base}>{trajectory.name}</RouterLink>
          </>
        )}
      </Paragraph>
      <Heading1>{title ?? trajectory.name}</Heading1>
      <nav aria-label={t('trajectoryNav.label')} className="dt-tabs">
        <ul className="dt-tabs__list">
          {links.map((link) => (
            <li key={link.to} className="dt-tabs__item">
              <RouterLink to={link.to} aria-current={pathname === link.to ? 'page' : undefined} className="dt-tabs__link">
                {link.label}
              </RouterLink>
            </li>
          ))}
        </ul>
      </nav>
      <TrajectorySearchBox trajectoryId={trajectory.id} />
    </>
  );
}
