import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthorDto } from '../../../shared/schemas/agreement';

/**
 * Who wrote a comment or reply, as the viewer may see it. The server leaves out the name of an
 * anonymous client representative for everyone but the facilitator (and the author); then the
 * table reads only "Cliëntvertegenwoordiger". Whoever may see the name also sees that it was
 * posted anonymously.
 */
export function useAuthorText(): (author: AuthorDto) => string {
  const { t } = useTranslation();
  return useCallback(
    (author: AuthorDto) => {
      if (!author.name) return t('agreement.comments.anonymousAuthor');
      const who = author.organisationName
        ? t('agreement.comments.authorOrg', { name: author.name, organisation: author.organisationName })
        : t('agreement.comments.author', { name: author.name });
      const parts = [who, t(`roles.${author.group}`)];
      if (author.anonymous) parts.push(t('agreement.comments.postedAnonymously'));
      return parts.join(' · ');
    },
    [t],
  );
}

/**
 * Who a comment is from: input recorded on someone's behalf (issue 16) reads "Ingebracht namens
 * <description> · vastgelegd door <recorder>" instead of the recorder's stakeholder group.
 */
export function useContributionText(): (contribution: { author: AuthorDto; onBehalfOf?: string | null | undefined }) => string {
  const { t } = useTranslation();
  const author = useAuthorText();
  return useCallback(
    (contribution: { author: AuthorDto; onBehalfOf?: string | null | undefined }) =>
      contribution.onBehalfOf
        ? `${t('onBehalf.marked', { description: contribution.onBehalfOf })} · ${t('onBehalf.recordedBy', { name: contribution.author.name ?? '—' })}`
        : author(contribution.author),
    [t, author],
  );
}
