import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentDto } from '../../../shared/schemas/agreement';
import type { TextAnchorParts } from '../../editor/anchors';
import { useContributionText } from './author-text';
import { CommentCard } from './CommentCard';
import { CommentComposer } from './CommentComposer';
import type { CommentDraft } from './CommentComposer';

export interface CommentsPanelProps {
  trajectoryId: string;
  /** The comments on the text shown now (the regional text or one variant). */
  comments: CommentDto[];
  myUserId: string | undefined;
  selectedId: string | null;
  /** Ids of comments whose words are no longer in the text. */
  goneIds: ReadonlySet<string>;
  mayComment: boolean;
  anonymousAllowed: boolean;
  onBehalfAllowed?: boolean;
  draft: CommentDraft | null;
  onSubmitDraft: (input: { anchor: TextAnchorParts; body: string; anonymous: boolean; onBehalfOf?: string }) => Promise<void>;
  onCancelDraft: () => void;
  onSelect: (commentId: string) => void;
  onChanged: (comment: CommentDto, announcement: string) => void;
  announce: (message: string) => void;
}

/** The comments beside the text, open ones first; resolved ones folded away. New comments from others are announced. */
export function CommentsPanel(props: CommentsPanelProps) {
  const { t } = useTranslation();
  const author = useContributionText();
  const { comments, myUserId, announce } = props;
  const open = comments.filter((c) => c.status === 'open');
  const resolved = comments.filter((c) => c.status === 'resolved');

  // Screen-reader users hear when someone else comments; not for the first load, not for one's own.
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    const ids = new Set(comments.map((c) => c.id));
    if (seen.current) {
      const fresh = comments.filter((c) => !seen.current!.has(c.id) && c.author.id !== myUserId);
      const last = fresh[fresh.length - 1];
      if (last) announce(t('agreement.comments.newArrived', { author: author(last) }));
    }
    seen.current = ids;
  }, [comments, myUserId, announce, author, t]);

  const card = (comment: CommentDto) => (
    <CommentCard
      key={comment.id}
      trajectoryId={props.trajectoryId}
      comment={comment}
      selected={props.selectedId === comment.id}
      gone={props.goneIds.has(comment.id)}
      mayReply={props.mayComment}
      anonymousAllowed={props.anonymousAllowed}
      onSelect={props.onSelect}
      onChanged={props.onChanged}
    />
  );

  return (
    <section aria-labelledby="comments-heading" className="dt-clause-panel dt-comments" data-testid="comments">
      <Heading2 id="comments-heading">{t('agreement.comments.titleCount', { count: open.length })}</Heading2>
      {props.draft && (
        <CommentComposer draft={props.draft} anonymousAllowed={props.anonymousAllowed} onBehalfAllowed={props.onBehalfAllowed ?? false} onSubmit={props.onSubmitDraft} onCancel={props.onCancelDraft} />
      )}
      {open.length === 0 ? <Paragraph>{t('agreement.comments.none')}</Paragraph> : <ul className="dt-comments__list">{open.map(card)}</ul>}
      {resolved.length > 0 && (
        <details className="dt-comments__resolved">
          <summary>{t('agreement.comments.resolvedTitle', { count: resolved.length })}</summary>
          <ul className="dt-comments__list">{resolved.map(card)}</ul>
        </details>
      )}
    </section>
  );
}
