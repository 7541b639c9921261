import { ScrollRegion } from '../../components/ScrollRegion';
import {
  Button,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import { invitationAdminApi } from '../../api/invitations';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmission } from '../../components/forms/useSubmission';
import { LoadingStatus } from '../../components/LoadingStatus';
import { formatDate } from '../../format/dates';
import { useLabels } from '../../labels/useLabels';
import type { InvitationDto } from '../../../shared/schemas/trajectories';

export interface InvitationListProps {
  trajectoryId: string;
  invitations: InvitationDto[] | undefined;
  loading: boolean;
  error: ApiError | undefined;
  mayRevoke: boolean;
  onChanged: (announcement: string) => void;
}

/** Who was invited, and what became of it; open invitations can be withdrawn. */
export function InvitationList({ trajectoryId, invitations, loading, error, mayRevoke, onChanged }: InvitationListProps) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const { busy, error: revokeError, submit } = useSubmission();
  // Which invitation is being withdrawn: its button shows it.
  const [revoking, setRevoking] = useState<string | undefined>(undefined);

  const revoke = (invitation: InvitationDto) => {
    if (!busy) setRevoking(invitation.id);
    return submit(async () => {
      await invitationAdminApi.revoke(trajectoryId, invitation.id);
      onChanged(t('invitations.revoked', { email: invitation.email }));
      document.getElementById('invitations-heading')?.focus();
    });
  };

  return (
    <section aria-labelledby="invitations-heading" className="dt-form-section">
      <Heading2 id="invitations-heading" tabIndex={-1}>
        {t('invitations.title')}
      </Heading2>
      {loading && <LoadingStatus />}
      {error && <ErrorAlert error={error} />}
      {revokeError && <ErrorAlert error={revokeError} />}
      {invitations && invitations.length === 0 && <Paragraph>{t('invitations.none')}</Paragraph>}
      {invitations && invitations.length > 0 && (
        <ScrollRegion wide labelledBy="invitations-heading">
          <Table data-testid="invitation-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('invitations.email')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('invitations.role')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('invitations.organisation')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('invitations.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('invitations.expires')}</TableHeaderCell>
                {mayRevoke && (
                  <TableHeaderCell scope="col">
                    <span className="dt-visually-hidden">{t('invitations.actions')}</span>
                  </TableHeaderCell>
                )}
              </TableRow>
            </TableHeader>
            <TableBody>
              {invitations.map((invitation) => (
                <TableRow key={invitation.id}>
                  <TableCell>{invitation.email}</TableCell>
                  <TableCell>{labels.role(invitation.role)}</TableCell>
                  <TableCell>{invitation.organisationName}</TableCell>
                  <TableCell>{labels.invitationStatus(invitation.status)}</TableCell>
                  <TableCell>{formatDate(invitation.expiresAt, i18n.language)}</TableCell>
                  {mayRevoke && (
                    <TableCell>
                      {invitation.status === 'open' && (
                        <Button
                          appearance="subtle-button"
                          busy={busy && revoking === invitation.id}
                          onClick={() => void revoke(invitation)}
                          aria-label={`${t('invitations.revoke')}: ${invitation.email}`}
                        >
                          {t('invitations.revoke')}
                        </Button>
                      )}
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollRegion>
      )}
    </section>
  );
}
