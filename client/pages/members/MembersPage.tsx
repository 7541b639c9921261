import { Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invitationAdminApi } from '../../api/invitations';
import { memberApi } from '../../api/members';
import { useResource } from '../../api/useResource';
import { useSession } from '../../auth/session-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingStatus } from '../../components/LoadingStatus';
import { useTrajectoryChanges } from '../../realtime/useTrajectoryChanges';
import { TrajectoryHeader } from '../trajectory/TrajectoryHeader';
import { useTrajectory } from '../trajectory/trajectory-context';
import { BulkInviteForm } from './BulkInviteForm';
import { InvitationList } from './InvitationList';
import { InviteForm } from './InviteForm';
import { MemberGroups } from './MemberGroups';

export function MembersPage() {
  const { t } = useTranslation();
  const { trajectory, may } = useTrajectory();
  const { me } = useSession();
  const [announcement, setAnnouncement] = useState('');
  const members = useResource((signal) => memberApi.list(trajectory.id, signal), [trajectory.id]);
  const mayListInvitations = may('invitation.list');
  const invitations = useResource(
    (signal) => (mayListInvitations ? invitationAdminApi.list(trajectory.id, signal) : Promise.resolve([])),
    [trajectory.id, mayListInvitations],
  );
  useTrajectoryChanges(trajectory.id, (what) => {
    if (what === 'members') members.reload();
    if (what === 'invitations') invitations.reload();
  });

  return (
    <>
      <TrajectoryHeader title={t('members.title')} />
      <Paragraph>{t('members.intro')}</Paragraph>
      <div role="status" className="dt-visually-hidden" data-testid="members-announcement">
        {announcement}
      </div>
      {members.loading && <LoadingStatus />}
      {members.error && <ErrorAlert error={members.error} />}
      {members.data && (
        <MemberGroups
          trajectoryId={trajectory.id}
          members={members.data}
          myUserId={me?.user.id}
          mayChangeRole={may('member.changeRole')}
          mayRemove={may('member.remove')}
          onChanged={(message) => {
            setAnnouncement(message);
            members.reload();
          }}
        />
      )}
      {may('member.invite') && (
        <InviteForm
          trajectoryId={trajectory.id}
          onInvited={() => invitations.reload()}
        />
      )}
      {may('member.invite') && (
        <BulkInviteForm
          trajectoryId={trajectory.id}
          onInvited={() => invitations.reload()}
        />
      )}
      {mayListInvitations && (
        <InvitationList
          trajectoryId={trajectory.id}
          invitations={invitations.data}
          loading={invitations.loading}
          error={invitations.error}
          mayRevoke={may('invitation.revoke')}
          onChanged={(message) => {
            setAnnouncement(message);
            invitations.reload();
          }}
        />
      )}
    </>
  );
}
