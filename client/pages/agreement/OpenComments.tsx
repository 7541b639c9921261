import { Blockquote, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { agreementPaths } from '../../api/agreement';
import { RouterLink } from '../../components/RouterLink';
import type { CommentDto } from '../../../shared/schemas/agreement';
import { useContributionText } from '../clause/author-text';

/** The trajectory's open comments, per clause in the agreement's order, each linking to its words in the clause. */
export function OpenComments({ trajectoryId, comments }: { trajectoryId: string; comments: CommentDto[] }) {
  const { t } = useTranslation();
  const author = useContributionText();
  if (comments.length === 0) return <Paragraph>{t('agreement.openCommentsList.none')}</Paragraph>;
  const byClause = new Map<string, CommentDto[]>();
  for (const c of [...comments].sort((a, b) => a.clauseNumber - b.clauseNumber || a.createdAt.localeCompare(b.createdAt))) {
    byClause.set(c.clauseId, [...(byClause.get(c.clauseId) ?? []), c]);
  }
  return (
    <>
      {[...byClause.entries()].map(([clauseId, list]) => {
        const first = list[0]!;
        const headingId = `open-comments-${clauseId}`;
        return (
          <section key={clauseId} aria-labelledby={headingId} className="dt-open-comments__clause" data-testid="open-comments-clause">
            <Heading3 id={headingId}>
              <RouterLink to={agreementPaths.clause(trajectoryId, clauseId)}>
                {t('agreement.clauseHeading', { number: first.clauseNumber, title: first.clauseTitle })}
              </RouterLink>
            </Heading3>
            <ul className="dt-open-comments__list">
              {list.map((c) => (
                <li key={c.id} className="dt-open-comment" data-testid="open-comment">
                  <Blockquote className="dt-quote">{c.anchor.quote}</Blockquote>
                  <Paragraph className="dt-open-comment__body">{c.body}</Paragraph>
                  <Paragraph appearance="small">
                    {author(c)}
                    {' · '}
                    <RouterLink to={`${agreementPaths.clause(trajectoryId, clauseId)}?reactie=${c.id}`}>
                      {t('agreement.openCommentsList.toComment', { number: c.clauseNumber })}
                    </RouterLink>
                  </Paragraph>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
