import { Link, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';

/** On the live table, for the facilitator and the procurement team: the screen view in a second window. */
export function ScreenLink({ trajectoryId, sessionId }: { trajectoryId: string; sessionId: string }) {
  const { t } = useTranslation();
  return (
    <Paragraph className="dt-screen-link">
      <Link href={`/trajecten/${trajectoryId}/sessies/${sessionId}/scherm`} target="_blank" rel="noopener" data-testid="open-screen">
        {t('room.screen.open')}
      </Link>{' '}
      <span className="dt-hint">{t('room.screen.openHint')}</span>
    </Paragraph>
  );
}
