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
