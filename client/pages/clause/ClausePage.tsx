import { Button, ButtonGroup, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { Editor } from '@tiptap/react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { agreementApi, agreementPaths, commentApi } from '../../api/agreement';
import type { ApiError } from '../../api/client';
import { useResource } from '../../api/useResource';
import type { Resource } from '../../api/useResource';
import { useSession } from '../../auth/session-context';
import { Attachments } from '../../components/attachments/Attachments';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingStatus } from '../../components/LoadingStatus';
import { PlainSummary, readsSummaryFirst } from '../../components/PlainSummary';
import { RouterLink } from '../../components/RouterLink';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { ClauseEditor } from '../../editor/ClauseEditor';
import { EditorToolbar } from '../../editor/EditorToolbar';
import { stakeholderColours } from '../../editor/presence-user';
import type { PresenceUser } from '../../editor/presence-user';
import { useClauseConnections, useConnectionSnapshot } from '../../editor/useClauseConnections';
import { useTrajectoryChanges } from '../../realtime/useTrajectoryChanges';
import type { AgreementDto, CommentDto } from '../../../shared/schemas/agreement';
import type { TrajectoryDto } from '../../../shared/schemas/trajectories';
import { findClause, joinNames } from '../agreement/agreement-helpers';
import type { ClauseInAgreement } from '../agreement/agreement-helpers';
import { useTrajectory } from '../trajectory/trajectory-context';
import { ClauseBreadcrumb } from './ClauseBreadcrumb';
import { ClauseHeader } from './ClauseHeader';
import { ClauseManage } from './ClauseManage';
import { CommentsPanel } from './CommentsPanel';
import { PeopleHere } from './PeopleHere';
import { ProposeChangeDialog } from './ProposeChangeDialog';
import { SaveStatus } from './SaveStatus';
import { VariantTabs } from './VariantTabs';
import { useChangeProposal } from './useChangeProposal';
import { useClauseComments } from './useClauseComments';
import { useClausePermissions } from './useClausePermissions';

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

function ClauseUnavailable({ trajectory, error }: { trajectory: TrajectoryDto; error: ApiError | undefined }) {
  const { t } = useTranslation();
  useDocumentTitle(t('agreement.clause.notFoundTitle'));
  return (
    <>
      <ClauseBreadcrumb trajectory={trajectory} />
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
  const { clause } = found;
  const permissions = useClausePermissions(clause.status);
  const { access, mayComment, mayPropose, mayManage, anonymousAllowed, onBehalfAllowed } = permissions;
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
  const editable = access === 'edit' && !snapshot.closed;
  const versionName = useCallback(
    (documentName: string) => {
      const variant = clause.variants.find((v) => v.documentName === documentName);
      return variant ? variant.label : t('agreement.clause.regional');
    },
    [clause.variants, t],
  );

  const [editor, setEditor] = useState<Editor | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const commentButton = useRef<HTMLButtonElement>(null);
  const shownVariantId = activeVariant?.id ?? null;
  const commenting = useClauseComments({
    trajectoryId: trajectory.id,
    clauseId: clause.id,
    comments,
    editor,
    variantId: shownVariantId,
    showVariant: setVariantId,
    textReady: snapshot.state !== 'connecting',
    mayComment,
    announce: setAnnouncement,
    commentButton,
  });
  const proposal = useChangeProposal({ trajectoryId: trajectory.id, clauseId: clause.id, editor, variantId: shownVariantId, announce: setAnnouncement, onProposed: agreement.reload });

  const switchVersion = (next: string | null) => {
    if (next === shownVariantId) return;
    setVariantId(next);
    commenting.reset();
  };
  const showAddedVariant = (added: string) => {
    switchVersion(added);
    requestAnimationFrame(() => document.getElementById(`clause-tab-${added}`)?.focus());
  };

  const versionLabel = activeVariant
    ? t('agreement.clause.variantTab', { label: activeVariant.label, municipalities: joinNames(activeVariant.municipalities, i18n.language) })
    : t('agreement.clause.regional');
  const textLabel = t('agreement.clause.textLabel', { number: clause.number, version: versionLabel });
  const onEditor = useCallback((next: Editor | null) => setEditor(next), []);
  const describedBy = ['clause-access', mayComment ? 'clause-actions-hint' : null].filter(Boolean).join(' ');
  const firstSummary = readsSummaryFirst(role);
  const summary = (
    <PlainSummary
      summary={clause.summary}
      mayWrite={mayManage}
      save={async (next) => agreement.setData(await agreementApi.setClauseSummary(trajectory.id, clause.id, next))}
      announce={setAnnouncement}
    />
  );

  return (
    <div className="dt-clause" data-testid="clause-page" data-access={access}>
      <ClauseHeader trajectory={trajectory} found={found} access={access} discarded={discarded} snapshot={snapshot} proposed={proposal.proposed} />
      {firstSummary && summary}
      {mayManage && <ClauseManage trajectory={trajectory} clause={clause} agreement={agreement} announce={setAnnouncement} onVariantAdded={showAddedVariant} />}

      <div className="dt-clause__grid">
        <section aria-labelledby="clause-text-heading" className="dt-clause__main">
          <Heading2 id="clause-text-heading">{t('agreement.clause.textTitle')}</Heading2>
          <VariantTabs variants={clause.variants} active={shownVariantId} onChange={switchVersion} openComments={commenting.openPerVersion}>
            {(mayComment || mayPropose) && (
              <div className="dt-clause__actions" role="group" aria-label={t('agreement.clause.actionsLabel')}>
                <ButtonGroup>
                  {mayComment && (
                    <Button ref={commentButton} appearance="primary-action-button" onMouseDown={(event) => event.preventDefault()} onClick={commenting.openComposer} aria-keyshortcuts="Control+Alt+M">
                      {t('agreement.clause.comment')}
                    </Button>
                  )}
                  {mayPropose && (
                    <Button appearance="secondary-action-button" onMouseDown={(event) => event.preventDefault()} onClick={proposal.open}>
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
                highlights={commenting.highlights}
                onEditor={onEditor}
                onCommentShortcut={commenting.openComposer}
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
            comments={commenting.inVersion}
            myUserId={me?.user.id}
            selectedId={commenting.selectedId}
            goneIds={commenting.goneIds}
            mayComment={mayComment}
            anonymousAllowed={anonymousAllowed}
            onBehalfAllowed={onBehalfAllowed}
            draft={commenting.draft}
            onSubmitDraft={commenting.submitComment}
            onCancelDraft={commenting.closeComposer}
            onSelect={commenting.selectComment}
            onChanged={commenting.onCommentChanged}
            announce={setAnnouncement}
          />
        </div>
      </div>
      {!firstSummary && summary}
      <Attachments trajectoryId={trajectory.id} parentKind="clause" parentId={clause.id} />
      <div role="status" className="dt-visually-hidden" data-testid="clause-announcement">
        {announcement}
      </div>
      <ProposeChangeDialog draft={proposal.draft} onClose={proposal.close} onSubmit={proposal.submit} />
    </div>
  );
}
