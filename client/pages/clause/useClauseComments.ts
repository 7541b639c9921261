import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { commentApi } from '../../api/agreement';
import type { Resource } from '../../api/useResource';
import { anchorForRange, rangeOfAnchor, textBlocks } from '../../editor/anchors';
import type { TextAnchorParts } from '../../editor/anchors';
import type { Highlight } from '../../editor/comment-highlights';
import { highlightGone } from '../../editor/comment-highlights';
import type { CommentDto } from '../../../shared/schemas/agreement';
import type { CommentDraft } from './CommentComposer';

export interface ClauseCommentsInput {
  trajectoryId: string;
  clauseId: string;
  comments: Resource<CommentDto[]>;
  editor: Editor | null;
  /** The text version shown (a municipality's variant, or null for the regional text). */
  variantId: string | null;
  /** Shows another text version (for a link to a comment on it). */
  showVariant: (variantId: string | null) => void;
  /** Whether the text is there yet: until then no words can be found or selected. */
  textReady: boolean;
  mayComment: boolean;
  announce: (message: string) => void;
  /** Where focus goes back to when the composer closes. */
  commentButton: { current: HTMLElement | null };
}

/**
 * The comments beside one text version: which are shown and highlighted, which one is selected
 * (its words selected in the text), the draft being written, and a link to one comment.
 */
export function useClauseComments({ trajectoryId, clauseId, comments, editor, variantId, showVariant, textReady, mayComment, announce, commentButton }: ClauseCommentsInput) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [draft, setDraft] = useState<CommentDraft | null>(null);
  const pendingSelection = useRef<string | null>(null);

  const inVersion = useMemo(() => (comments.data ?? []).filter((c) => (c.variantId ?? null) === variantId), [comments.data, variantId]);
  const openPerVersion = useMemo(() => {
    const counts: Record<string, number> = {};
    for (const c of comments.data ?? []) if (c.status === 'open') counts[c.variantId ?? 'regional'] = (counts[c.variantId ?? 'regional'] ?? 0) + 1;
    return counts;
  }, [comments.data]);
  const highlights = useMemo<Highlight[]>(
    () => [
      ...inVersion
        .filter((c) => c.status === 'open' || c.id === selectedId)
        .map((c): Highlight => ({ id: c.id, start: c.anchor.start, end: c.anchor.end, kind: c.id === selectedId ? 'active' : 'comment' })),
      ...(draft?.anchor ? [{ id: 'draft', start: draft.anchor.start, end: draft.anchor.end, kind: 'draft' as const }] : []),
    ],
    [inVersion, selectedId, draft],
  );
  // Open comments whose words are gone from the text (known only once the text is there).
  const goneKey = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      e && textReady
        ? inVersion
            .filter((c) => c.status === 'open' && highlightGone(e.state, c.id))
            .map((c) => c.id)
            .join(' ')
        : '',
  });
  const goneIds = useMemo(() => new Set((goneKey ?? '').split(' ').filter(Boolean)), [goneKey]);

  /** Another text version is shown: what was drafted or selected belonged to the one before. */
  const reset = useCallback(() => {
    setDraft(null);
    setSelectedId(null);
  }, []);

  const openComposer = useCallback(() => {
    if (!editor || !mayComment) return;
    const { from, to, empty } = editor.state.selection;
    const anchor = empty ? null : anchorForRange(editor.state, from, to);
    const blocks = anchor
      ? []
      : textBlocks(editor.state).flatMap((b) => {
          const a = anchorForRange(editor.state, b.from, b.to);
          return a ? [a] : [];
        });
    setSelectedId(null);
    setDraft({ anchor, blocks });
  }, [editor, mayComment]);

  const closeComposer = () => {
    setDraft(null);
    requestAnimationFrame(() => commentButton.current?.focus());
  };

  const submitComment = async ({ anchor, body, anonymous, onBehalfOf }: { anchor: TextAnchorParts; body: string; anonymous: boolean; onBehalfOf?: string }) => {
    const created = await commentApi.create(trajectoryId, clauseId, {
      anchor: { variantId, start: anchor.start, end: anchor.end, quote: anchor.quote },
      body,
      anonymous,
      ...(onBehalfOf ? { onBehalfOf } : {}),
    });
    comments.setData((current) => [...(current ?? []).filter((c) => c.id !== created.id), created]);
    announce(onBehalfOf ? t('onBehalf.posted', { description: onBehalfOf }) : anonymous ? t('agreement.comments.postedAnonymous') : t('agreement.comments.posted'));
    closeComposer();
  };

  const onCommentChanged = useCallback(
    (comment: CommentDto, message: string) => {
      comments.setData((current) => (current ?? []).map((c) => (c.id === comment.id ? comment : c)));
      announce(message);
    },
    [comments, announce],
  );

  const selectComment = useCallback((commentId: string) => {
    pendingSelection.current = commentId;
    setSelectedId(commentId);
  }, []);

  // After the highlight of the chosen comment is drawn: select its words in the text, and show them.
  useEffect(() => {
    const id = pendingSelection.current;
    if (!id || !editor || editor.isDestroyed || id !== selectedId) return;
    const comment = inVersion.find((c) => c.id === id);
    const range = comment ? rangeOfAnchor(editor.state, comment.anchor.start, comment.anchor.end) : null;
    if (!range) return;
    pendingSelection.current = null;
    editor.commands.setTextSelection(range);
    // ProseMirror draws its selection only while the text has focus; draw it here so it shows now,
    // and leave focus where it was (on the comment), so reading the comments goes on from there.
    const focused = document.activeElement;
    try {
      const start = editor.view.domAtPos(range.from);
      const end = editor.view.domAtPos(range.to);
      document.getSelection()?.setBaseAndExtent(start.node, start.offset, end.node, end.offset);
    } catch {
      // The text is being redrawn; the highlight still marks the words.
    }
    if (focused instanceof HTMLElement && focused !== document.activeElement) focused.focus({ preventScroll: true });
    editor.view.dom.querySelector('.dt-comment-mark--active')?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    announce(t('agreement.comments.selected'));
  }, [editor, selectedId, inVersion, highlights, t, announce]);

  // A link from the agreement page to one comment: show its text version and select its words.
  const linked = searchParams.get('reactie');
  const linkedDone = useRef(false);
  useEffect(() => {
    if (linkedDone.current || !linked || !comments.data) return;
    const comment = comments.data.find((c) => c.id === linked);
    if (!comment) {
      linkedDone.current = true;
      return;
    }
    if ((comment.variantId ?? null) !== variantId) {
      showVariant(comment.variantId);
      return;
    }
    if (!editor || !textReady) return;
    linkedDone.current = true;
    selectComment(comment.id);
  }, [linked, comments.data, variantId, editor, textReady, selectComment, showVariant]);

  return { inVersion, openPerVersion, highlights, goneIds, selectedId, draft, reset, openComposer, closeComposer, submitComment, onCommentChanged, selectComment };
}
