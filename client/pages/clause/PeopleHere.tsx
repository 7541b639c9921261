import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { ClauseConnection } from '../../editor/clause-connection';
import { usePeopleHere } from '../../editor/useClauseConnections';
import { stakeholderGroups } from '../../../shared/live-table/polls';

/**
 * "Nu in dit artikel": everyone with the clause open now, each once however many tabs they
 * have, in their group's colour (the same as their caret) and with the group in words.
 */
export interface PeopleHereProps {
  connections: ReadonlyMap<string, ClauseConnection>;
  myUserId: string | undefined;
  versionName: (documentName: string) => string;
  showVersions: boolean;
}

// Its own component: carets move with every keystroke of everyone, and only this list follows them.
export function PeopleHere({ connections, myUserId, versionName, showVersions }: PeopleHereProps) {
  const { t } = useTranslation();
  const people = usePeopleHere(connections, myUserId, stakeholderGroups);
  const others = people.filter((p) => !p.self);
  return (
    <section aria-labelledby="people-here-heading" className="dt-clause-panel dt-people-here" data-testid="people-here">
      <Heading2 id="people-here-heading">{t('agreement.presence.title')}</Heading2>
      <Paragraph className="dt-people-here__count">{t('agreement.presence.count', { count: people.length })}</Paragraph>
      {others.length === 0 && <Paragraph>{t('agreement.presence.nobody')}</Paragraph>}
      <ul className="dt-people-here__list">
        {people.map(({ user, self, activeIn }) => (
          <li key={user.userId} className="dt-people-here__person" data-testid="person-here" data-group={user.group}>
            <span className="dt-people-here__swatch" style={{ backgroundColor: user.color }} aria-hidden="true" />
            <span>
              <span className="dt-people-here__name">
                {user.anonymous ? t('agreement.presence.anonymousClient') : t('agreement.presence.person', { name: user.name, group: t(`roles.${user.group}`) })}
                {self && ` (${t('agreement.presence.you')})`}
              </span>
              {user.organisation && <span className="dt-people-here__org">{user.organisation}</span>}
              {showVersions && activeIn.length > 0 && (
                <span className="dt-people-here__org">{t('agreement.presence.writingIn', { version: activeIn.map(versionName).join(', ') })}</span>
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
