import { Alert, Button, Heading2, Heading3, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mandateApi } from '../../api/mandates';
import { memberApi } from '../../api/members';
import { useResource } from '../../api/useResource';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingStatus } from '../../components/LoadingStatus';
import { formatDate } from '../../format/dates';
import { TrajectoryHeader } from '../trajectory/TrajectoryHeader';
import { useTrajectory } from '../trajectory/trajectory-context';
import type { ProviderKind } from '../../../shared/domain/provider-kinds';
import type { MandateDto } from '../../../shared/schemas/mandates';
import { GrantMandateForm } from './GrantMandateForm';
import { MandateRuleForm } from './MandateRuleForm';
import { ProviderKindForm } from './ProviderKindForm';

/**
 * Mandates of independent practitioners in one trajectory: per organisation "namens N
 * vrijgevestigden", every mandate with a way to revoke it, the form for a cooperative's member
 * and, for the procurement team, the kind of each provider organisation.
 */
export function MandatesPage() {
  const { t, i18n } = useTranslation();
  const { trajectory, may } = useTrajectory();
  const overview = useResource((signal) => mandateApi.list(trajectory.id, signal), [trajectory.id]);
  const mayKind = may('member.changeRole');
  const members = useResource((signal) => (mayKind ? memberApi.list(trajectory.id, signal) : Promise.resolve([])), [trajectory.id, mayKind]);
  const [revoking, setRevoking] = useState<MandateDto | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);

  const data = overview.data;
  const kinds = new Map((data?.holders ?? []).map((h) => [h.organisation.id, h.organisation.providerKind]));
  const providerOrgs = new Map<string, { id: string; name: string; providerKind: ProviderKind | null }>();
  for (const m of members.data ?? []) {
    if (m.organisation.type === 'provider' && !providerOrgs.has(m.organisation.id)) {
      providerOrgs.set(m.organisation.id, { id: m.organisation.id, name: m.organisation.name, providerKind: kinds.get(m.organisation.id) ?? null });
    }
  }

  return (
    <>
      <TrajectoryHeader title={t('mandates.page.title')} />
      <Paragraph>{t('mandates.page.intro')}</Paragraph>
      {overview.loading && <LoadingStatus />}
      {overview.error && <ErrorAlert error={overview.error} />}
      <div role="status" data-testid="revoke-status">
        {revoked && (
          <Alert type="ok" role="none">
            <Paragraph>{t('mandates.page.revokedDone', { name: revoked })}</Paragraph>
          </Alert>
        )}
      </div>
      {data && (
        <>
          <section aria-labelledby="holders-heading">
            <Heading2 id="holders-heading">{t('mandates.page.holdersTitle')}</Heading2>
            {data.holders.length === 0 ? (
              <Paragraph>{t('mandates.page.holdersEmpty')}</Paragraph>
            ) : (
              <UnorderedList data-testid="mandate-holders">
                {data.holders.map((h) => {
                  // Practitioners, not scopes: each active mandate is one practitioner, whatever it allows.
                  const count = data.mandates.filter((m) => !m.revokedAt && m.organisation.id === h.organisation.id).length;
                  return (
                    <UnorderedListItem key={h.organisation.id} data-testid="mandate-holder">
                      <strong>{h.organisation.name}</strong> {t('mandates.page.onBehalf', { count })} ({t('mandates.page.scopeCounts', h.counts)})
                    </UnorderedListItem>
                  );
                })}
              </UnorderedList>
            )}
          </section>
          {data.mayGrantFor.length > 0 && (
            <GrantMandateForm
              trajectoryId={trajectory.id}
              organisations={data.mayGrantFor}
              onGranted={() => {
                setRevoked(null);
                overview.reload();
              }}
            />
          )}
          <section>
            <Heading3 id="mandates-heading">{t('mandates.page.listTitle')}</Heading3>
            {data.mandates.length === 0 ? (
              <Paragraph>{t('mandates.page.listEmpty')}</Paragraph>
            ) : (
              <div className="dt-table-scroll" tabIndex={0} role="region" aria-labelledby="mandates-heading">
                <Table data-testid="mandates-table">
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{t('mandates.page.practitioner')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('mandates.page.organisation')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('mandates.page.scopes')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('mandates.page.status')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {data.mandates.map((m) => (
                      <TableRow key={m.id} data-testid="mandate-row" data-revoked={m.revokedAt ? 'true' : 'false'}>
                        <TableHeaderCell scope="row">
                          {m.practitioner.name}
                          {m.practitioner.kvk && <> · KvK {m.practitioner.kvk}</>}
                          {m.practitioner.agb && <> · AGB {m.practitioner.agb}</>}
                        </TableHeaderCell>
                        <TableCell>{m.organisation.name}</TableCell>
                        <TableCell>{m.scopes.map((s) => t(`mandates.scopeNames.${s}`)).join(', ')}</TableCell>
                        <TableCell>
                          {m.revokedAt ? t('mandates.page.revoked', { date: formatDate(m.revokedAt, i18n.language) }) : t('mandates.page.active', { date: formatDate(m.grantedAt, i18n.language) })}
                          {!m.revokedAt && m.mayRevoke && (
                            <>
                              {' '}
                              <Button
                                appearance="secondary-action-button"
                                aria-label={t('mandates.page.revokeNamed', { name: m.practitioner.name })}
                                onClick={() => {
                                  setRevoking(m);
                                }}
                              >
                                {t('mandates.page.revoke')}
                              </Button>
                            </>
                          )}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            )}
          </section>
          <MandateRuleForm trajectoryId={trajectory.id} sessions={data.sessions} mayDeclare={data.mayDeclareRule} onSaved={overview.reload} />
          {mayKind && <ProviderKindForm trajectoryId={trajectory.id} organisations={[...providerOrgs.values()]} onSaved={overview.reload} />}
        </>
      )}
      <ConfirmDialog
        open={revoking !== null}
        title={t('mandates.page.revokeTitle')}
        confirmLabel={t('mandates.page.revokeConfirm')}
        danger
        testId="revoke-dialog"
        onClose={() => setRevoking(null)}
        onConfirm={async () => {
          if (!revoking) return;
          await mandateApi.revoke(trajectory.id, revoking.id);
          setRevoked(revoking.practitioner.name);
          setRevoking(null);
          overview.reload();
        }}
      >
        <Paragraph>{revoking && t('mandates.page.revokeText', { name: revoking.practitioner.name, organisation: revoking.organisation.name })}</Paragraph>
      </ConfirmDialog>
    </>
  );
}
