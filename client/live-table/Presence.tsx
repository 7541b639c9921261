import { Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { stakeholderGroups } from '../../shared/live-table/polls';
import type { PresentPerson } from '../../shared/schemas/sessions';
import { usePollText } from './poll-text';

/** Who is at the table, per stakeholder group and organisation, with counts; live as people come and go. */
export function Presence({ people }: { people: PresentPerson[] }) {
  const { t } = useTranslation();
  const text = usePollText();
  const groups = stakeholderGroups
    .map((group) => {
      const inGroup = people.filter((p) => p.group === group);
      const organisations = new Map<string, PresentPerson[]>();
      for (const person of inGroup) organisations.set(person.organisationName, [...(organisations.get(person.organisationName) ?? []), person]);
      return {
        group,
        count: inGroup.length,
        organisations: [...organisations.entries()]
          .sort(([a], [b]) => a.localeCompare(b, 'nl'))
          .map(([name, members]) => ({ name, members: [...members].sort((a, b) => a.name.localeCompare(b.name, 'nl')) })),
      };
    })
    .filter((g) => g.count > 0);

  return (
    <section aria-labelledby="presence-heading" className="dt-live-panel dt-presence" data-testid="presence">
      <Heading2 id="presence-heading">{t('sessions.live.presence.title')}</Heading2>
      <Paragraph className="dt-presence__count">{t('sessions.live.presence.count', { count: people.length })}</Paragraph>
      {people.length === 0 && <Paragraph>{t('sessions.live.presence.nobody')}</Paragraph>}
      {groups.map(({ group, count, organisations }) => (
        <section key={group} aria-labelledby={`presence-${group}`} className="dt-presence__group" data-testid={`presence-${group}`}>
          <Heading3 id={`presence-${group}`} className="dt-presence__group-title">
            {t('sessions.live.presence.group', { group: text.group(group), count })}
          </Heading3>
          <ul className="dt-presence__list">
            {organisations.map((org) => (
              <li key={org.name}>
                {/* Anonymous client representatives come without organisation; their label is translated here. */}
                {org.name && (
                  <>
                    <span className="dt-presence__org">{org.name}</span>:{' '}
                  </>
                )}
                {org.members.map((m) => (m.anonymous ? t('agreement.presence.anonymousClient') : m.name)).join(', ')}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
