import { Alert, Button, ButtonGroup, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { agreementApi, agreementPaths, commentApi, proposalApi } from '../../api/agreement';
import type { ApiError } from '../../api/client';
import { useResource } from '../../api/useResource';
import type { Resource } from '../../api/useResource';
import { useSession } from '../../auth/session-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingStatus } from '../../components/LoadingStatus';
import { RouterLink } from '../../components/RouterLink';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { ClauseEditor } from '../../editor/ClauseEditor';
import { EditorToolbar } from '../../editor/EditorToolbar';
import { anchorForRange, rangeOfAnchor, textBlocks } from '../../editor/anchors';
import type { TextAnchorParts } from '../../editor/anchors';
import type { Highlight } from '../../editor/comment-highlights';
import { highlightGone } from '../../editor/comment-highlights';
import { stakeholderColours } from '../../editor/presence-user';
import type { PresenceUser } from '../../editor/presence-user';
import { useClauseConnections, useConnectionSnapshot } from '../../editor/useClauseConnections';
import { useTrajectoryChanges } from '../../realtime/useTrajectoryChanges';
import type { ClauseStatus } from '../../../shared/domain/agreement';
import type { AgreementDto, CommentDto } from '../../../shared/schemas/agreement';
import type { TrajectoryDto } from '../../../shared/schemas/trajectories';
import { ClauseStatusBadge } from '../agreement/ClauseStatusBadge';
import { StatusForm } from '../agreement/StatusForm';
import { findClause, joinNames } from '../agreement/agreement-helpers';
import type { ClauseInAgreement } from '../agreement/agreement-helpers';
import { useTrajectory } from '../trajectory/trajectory-context';
import { AddVariantDialog } from './AddVariantDialog';
import type { CommentDraft } from './CommentComposer';
import { CommentsPanel } from './CommentsPanel';
import { PeopleHere } from './PeopleHere';
import { ProposeChangeDialog } from './ProposeChangeDialog';
import type { ProposalDraft } from './ProposeChangeDialog';
import { SaveStatus } from './SaveStatus';
import { VariantTabs } from './VariantTabs';
import { useAccessText } from './access-text';
import { Attachments } from '../../components/attachments/Attachments';

/** /trajecten/:id/overeenkomst/artikelen/:clauseId — one clause at the table: its text, written together, and the comments on it. */
export function ClausePage() {
  const { t } = useTranslation();
  const { clauseId = '' } = useParams();
  const { trajectory } = useTrajectory();
  const agreement = useResource((signal) => agreementApi.get(trajectory.id, signal), [trajectory.id]);
  const comments = useResource((signal) => commentApi.list(trajectory.id, { clauseId }, signal), [trajectory.id, clauseId]);
  useTrajectoryChanges(trajectory.id, (what) => {
    if (what === 'agreement' || what === 'amendments') agreement.reload();
    if (what === 'comments') comments.reload();
  });

  if (agreement.loading) return <LoadingStatus />;
  const found = agreement.data ? findClause(agreement.data, clauseId) : undefined;
  if (!agreement.data || !found) {
    return <ClauseUnavailable trajectory={trajectory} error={agreement.error?.code === 'not_found' ? undefined : agreement.error} />;
  }
  return <ClauseWorkspace key={clauseId} trajectory={trajectory} agreement={agreement} found={found} comments={comments} announceTitle={t('agreement.clauseHeading', { number: found.clause.number, title: found.clause.title })} />;
}

function Breadcrumb({ trajectory }: { trajectory: TrajectoryDto }) {
  const { t } = useTranslation();
  return (
    <Paragraph className="dt-breadcrumb">
      <RouterLink to="/trajecten">{t('trajectories.title')}</RouterLink>
      {' › '}
      <RouterLink to={`/trajecten/${trajectory.id}`}>{trajectory.name}</RouterLink>
      {' › '}
      <RouterLink to={agreementPaths.agreement(trajectory.id)}>{t('agreement.title')}</RouterLink>
    </Paragraph>
  );
}

function ClauseUnavailable({ trajectory, error }: { trajectory: TrajectoryDto; error: ApiError | undefined }) {
  const { t } = useTranslation();
  useDocumentTitle(t('agreement.clause.notFoundTitle'));
  return (
    <>
      <Breadcrumb trajectory={trajectory} />
      <Heading1>{t('agreement.clause.notFoundTitle')}</Heading1>
      {error ? <ErrorAlert error={error} /> : <Paragraph>{t('agreement.clause.notFound')}</Paragraph>}
      <Paragraph>
        <RouterLink to={agreementPaths.agreement(trajectory.id)}>{t('agreement.clause.backToAgreement')}</RouterLink>
      </Paragraph>
    </>
  );
}

interface WorkspaceProps {
  trajectory: TrajectoryDto;
  agreement: Resource<AgreementDto>;
  found: ClauseInAgreement;
  comments: Resource<CommentDto[]>;
  announceTitle: string;
}

function ClauseWorkspace({ trajectory, agreement, found, comments, announceTitle }: WorkspaceProps) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const { may } = useTrajectory();
  const accessText = useAccessText();
  const [searchParams] = useSearchParams();
  const { clause, chapter } = found;
  useDocumentTitle(`${announceTitle} – ${trajectory.name}`);

  // Who this person is to the others in the document: name, group and its colour.
  const role = trajectory.myRole;
  const organisation = me?.memberships.find((m) => m.trajectoryId === trajectory.id)?.organisationName ?? '';
  const user = useMemo<PresenceUser | null>(
    () =>
      me
        ? { userId: me.user.id, name: me.user.name, group: role ?? 'observer', organisation, color: stakeholderColours[role ?? 'observer'] }
        : null,
    [me, role, organisation],
  );

  const documents = useMemo(() => [clause.documentName, ...clause.variants.map((v) => v.documentName)], [clause.documentName, clause.variants]);
  const { connections, discarded } = useClauseConnections(documents, user);
  const [variantId, setVariantId] = useState<string | null>(null);
  const activeVariant = clause.variants.find((v) => v.id === variantId) ?? null;
  const activeDocument = activeVariant?.documentName ?? clause.documentName;
  const connection = connections.get(activeDocument);
  const snapshot = useConnectionSnapshot(connection);

  const editable = clause.access === 'edit' && !snapshot.closed;
  const mayComment = clause.access !== 'read' && Boolean(role) && may('comment.create');
  const mayPropose = clause.access !== 'read' && may('amendment.propose');
  const anonymousAllowed = may('comment.anonymous');
  const versionName = useCallback(
    (documentName: string) => {
      const variant = clause.variants.find((v) => v.documentName === documentName);
      return variant ? variant.label : t('agreement.clause.regional');
    },
    [clause.variants, t],
  );

  const [editor, setEditor] = useState<Editor | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [draft, setDraft] = useState<CommentDraft | null>(null);
  const [proposal, setProposal] = useState<ProposalDraft | null>(null);
  const [proposed, setProposed] = useState(false);
  const [addingVariant, setAddingVariant] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const commentButton = useRef<HTMLButtonElement>(null);
  const pendingSelection = useRef<string | null>(null);

  const inVersion = useMemo(
    () => (comments.data ?? []).filter((c) => (c.variantId ?? null) === (activeVariant?.id ?? null)),
    [comments.data, activeVariant?.id],
  );
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
      e && snapshot.state !== 'connecting'
        ? inVersion
            .filter((c) => c.status === 'open' && highlightGone(e.state, c.id))
            .map((c) => c.id)
            .join(' ')
        : '',
  });
  const goneIds = useMemo(() => new Set((goneKey ?? '').split(' ').filter(Boolean)), [goneKey]);

  const switchVersion = (next: string | null) => {
    if (next === (activeVariant?.id ?? null)) return;
    setVariantId(next);
    setDraft(null);
    setSelectedId(null);
  };

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

  const submitComment = async ({ anchor, body, anonymous }: { anchor: TextAnchorParts; body: string; anonymous: boolean }) => {
    const created = await commentApi.create(trajectory.id, clause.id, {
      anchor: { variantId: activeVariant?.id ?? null, start: anchor.start, end: anchor.end, quote: anchor.quote },
      body,
      anonymous,
    });
    comments.setData((current) => [...(current ?? []).filter((c) => c.id !== created.id), created]);
    setAnnouncement(anonymous ? t('agreement.comments.postedAnonymous') : t('agreement.comments.posted'));
    closeComposer();
  };

  const onCommentChanged = useCallback(
    (comment: CommentDto, message: string) => {
      comments.setData((current) => (current ?? []).map((c) => (c.id === comment.id ? comment : c)));
      setAnnouncement(message);
    },
    [comments],
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
    setAnnouncement(t('agreement.comments.selected'));
  }, [editor, selectedId, inVersion, highlights, t]);

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
    if ((comment.variantId ?? null) !== (activeVariant?.id ?? null)) {
      setVariantId(comment.variantId);
      return;
    }
    if (!editor || snapshot.state === 'connecting') return;
    linkedDone.current = true;
    selectComment(comment.id);
  }, [linked, comments.data, activeVariant?.id, editor, snapshot.state, selectComment]);

  const openProposal = () => {
    if (!editor) return;
    const { from, to, empty } = editor.state.selection;
    const anchor = empty ? null : anchorForRange(editor.state, from, to);
    setProposed(false);
    if (anchor) setProposal({ anchor: { start: anchor.start, end: anchor.end }, originalText: editor.state.doc.textBetween(from, to, '\n') });
    else setProposal({ anchor: null, originalText: editor.state.doc.textBetween(0, editor.state.doc.content.size, '\n') });
  };

  const submitProposal = async ({ proposedText, motivation }: { proposedText: string; motivation: string }) => {
    if (!proposal) return;
    await proposalApi.propose(trajectory.id, clause.id, {
      variantId: activeVariant?.id ?? null,
      anchor: proposal.anchor,
      originalText: proposal.originalText,
      proposedText,
      motivation,
    });
    setProposal(null);
    setProposed(true);
    setAnnouncement(t('agreement.amendment.done'));
    agreement.reload();
  };

  const changeStatus = async (status: ClauseStatus) => {
    setError(undefined);
    try {
      agreement.setData(await agreementApi.updateClause(trajectory.id, clause.id, { status }));
      setAnnouncement(t('agreement.manage.statusChanged', { number: clause.number, status: t(`agreement.status.${status}`) }));
    } catch (caught) {
      setError(caught as ApiError);
    }
  };

  const addVariant = async (input: { label: string; municipalities: string[] }) => {
    const next = await agreementApi.addVariant(trajectory.id, clause.id, input);
    const before = new Set(clause.variants.map((v) => v.id));
    const added = findClause(next, clause.id)?.clause.variants.find((v) => !before.has(v.id));
    agreement.setData(next);
    setAddingVariant(false);
    setAnnouncement(t('agreement.variant.added', { label: input.label }));
    if (added) {
      switchVersion(added.id);
      requestAnimationFrame(() => document.getElementById(`clause-tab-${added.id}`)?.focus());
    }
  };

  const versionLabel = activeVariant
    ? t('agreement.clause.variantTab', { label: activeVariant.label, municipalities: joinNames(activeVariant.municipalities, i18n.language) })
    : t('agreement.clause.regional');
  const textLabel = t('agreement.clause.textLabel', { number: clause.number, version: versionLabel });
  const onEditor = useCallback((next: Editor | null) => setEditor(next), []);
  const describedBy = ['clause-access', mayComment ? 'clause-actions-hint' : null].filter(Boolean).join(' ');

  return (
    <div className="dt-clause" data-testid="clause-page" data-access={clause.access}>
      <Breadcrumb trajectory={trajectory} />
      <div className="dt-clause__title">
        <Heading1>{t('agreement.clauseHeading', { number: clause.number, title: clause.title })}</Heading1>
        <ClauseStatusBadge status={clause.status} />
      </div>
      <Paragraph className="dt-clause__meta">
        {t('agreement.clause.chapter', { number: chapter.number, title: chapter.title })}
        {' · '}
        {clause.topics.length > 0 ? t('agreement.topics', { topics: clause.topics.map((x) => x.title).join(', ') }) : t('agreement.noTopics')}
      </Paragraph>
      <Paragraph id="clause-access" className="dt-clause__access" data-testid="clause-access">
        {accessText(clause.access, clause.status)}
      </Paragraph>
      {discarded && (
        <Alert type="warning" className="dt-alert">
          <Paragraph>{t('agreement.clause.accessRefused')}</Paragraph>
        </Alert>
      )}
      {snapshot.closed && !snapshot.limit && (
        <Alert type="warning" className="dt-alert">
          <Paragraph>{t('agreement.clause.accessClosed')}</Paragraph>
        </Alert>
      )}
      {snapshot.limit && (
        <Alert type="warning" className="dt-alert" data-testid="clause-limit">
          <Paragraph>{t(`limits.document.${snapshot.limit}`)}</Paragraph>
        </Alert>
      )}
      {error && <ErrorAlert error={error} />}
      {proposed && (
        <Alert type="ok" className="dt-alert" data-testid="proposal-done">
          <Paragraph>
            {t('agreement.amendment.done')} <RouterLink to={agreementPaths.amendments(trajectory.id)}>{t('agreement.amendment.toList')}</RouterLink>
          </Paragraph>
        </Alert>
      )}
      <div className="dt-clause__links">
        <RouterLink to={agreementPaths.amendments(trajectory.id)}>
          {clause.pendingAmendments > 0 ? t('agreement.clause.pendingAmendments', { count: clause.pendingAmendments }) : t('agreement.toAmendments')}
        </RouterLink>
        <RouterLink to={agreementPaths.versions(trajectory.id)}>{t('agreement.toVersions')}</RouterLink>
      </div>
      {agreement.data?.mayManage && (
        <div className="dt-clause__manage">
          <StatusForm id="clause-status" status={clause.status} onChange={(status) => void changeStatus(status)} />
          <Button appearance="secondary-action-button" onClick={() => setAddingVariant(true)}>
            {t('agreement.clause.addVariant')}
          </Button>
        </div>
      )}

      <div className="dt-clause__grid">
        <section aria-labelledby="clause-text-heading" className="dt-clause__main">
          <Heading2 id="clause-text-heading">{t('agreement.clause.textTitle')}</Heading2>
          <VariantTabs variants={clause.variants} active={activeVariant?.id ?? null} onChange={switchVersion} openComments={openPerVersion}>
            {(mayComment || mayPropose) && (
              <div className="dt-clause__actions" role="group" aria-label={t('agreement.clause.actionsLabel')}>
                <ButtonGroup>
                  {mayComment && (
                    <Button ref={commentButton} appearance="primary-action-button" onMouseDown={(event) => event.preventDefault()} onClick={openComposer} aria-keyshortcuts="Control+Alt+M">
                      {t('agreement.clause.comment')}
                    </Button>
                  )}
                  {mayPropose && (
                    <Button appearance="secondary-action-button" onMouseDown={(event) => event.preventDefault()} onClick={openProposal}>
                      {t('agreement.clause.propose')}
                    </Button>
                  )}
                </ButtonGroup>
                <Paragraph appearance="small" id="clause-actions-hint" className="dt-hint">
                  {mayComment ? t('agreement.clause.actionsHint') : null} {mayPropose ? t('agreement.clause.proposeHint') : null}
                </Paragraph>
              </div>
            )}
            {editable && editor && <EditorToolbar editor={editor} label={t('agreement.clause.toolbarLabel')} />}
            {connection && user ? (
              <ClauseEditor
                key={`${activeDocument}:${editable}:${i18n.language}`}
                connection={connection}
                user={user}
                editable={editable}
                label={textLabel}
                describedBy={describedBy}
                highlights={highlights}
                onEditor={onEditor}
                onCommentShortcut={openComposer}
              />
            ) : (
              <LoadingStatus />
            )}
            <SaveStatus snapshot={snapshot} editable={editable} />
          </VariantTabs>
        </section>
        <div className="dt-clause__side">
          <PeopleHere connections={connections} myUserId={me?.user.id} versionName={versionName} showVersions={clause.variants.length > 0} />
          {comments.error && <ErrorAlert error={comments.error} />}
          <CommentsPanel
            trajectoryId={trajectory.id}
            comments={inVersion}
            myUserId={me?.user.id}
            selectedId={selectedId}
            goneIds={goneIds}
            mayComment={mayComment}
            anonymousAllowed={anonymousAllowed}
            draft={draft}
            onSubmitDraft={submitComment}
            onCancelDraft={closeComposer}
            onSelect={selectComment}
            onChanged={onCommentChanged}
            announce={setAnnouncement}
          />
        </div>
      </div>
      <Attachments trajectoryId={trajectory.id} parentKind="clause" parentId={clause.id} />
      <div role="status" className="dt-visually-hidden" data-testid="clause-announcement">
        {announcement}
      </div>
      <ProposeChangeDialog draft={proposal} onClose={() => setProposal(null)} onSubmit={submitProposal} />
      {agreement.data?.mayManage && (
        <AddVariantDialog open={addingVariant} clause={clause} municipalities={trajectory.municipalities} onClose={() => setAddingVariant(false)} onSubmit={addVariant} />
      )}
    </div>
  );
}
