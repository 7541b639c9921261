import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthorDto } from '../../../shared/schemas/agreement';

/** `atStart`: the words open a sentence or line, so "u" is written "U". */
export type AuthorText = (author: AuthorDto, options?: { atStart?: boolean }) => string;

/**
 * Who wrote something, as the person reading may see it: "Fatima El Amrani, Zorggroep Kennemerland",
 * "u", or "Cliëntvertegenwoordiger" when a client representative wrote anonymously. Someone who
 * may see an anonymous author (the facilitator, or the author themself) is reminded that the
 * rest of the table does not.
 */
export function useAuthorText(myUserId: string | undefined): AuthorText {
  const { t } = useTranslation();
  return useCallback(
    (author: AuthorDto, options: { atStart?: boolean } = {}) => {
      if (!author.name) return t('revisions.amendments.anonymous');
      const who =
        author.id !== null && author.id === myUserId
          ? t(options.atStart ? 'revisions.amendments.youAtStart' : 'revisions.amendments.you')
          : author.organisationName
            ? t('revisions.amendments.whoWithOrganisation', { name: author.name, organisation: author.organisationName })
            : author.name;
      return author.anonymous ? t('revisions.amendments.anonymousShown', { who }) : who;
    },
    [t, myUserId],
  );
}
